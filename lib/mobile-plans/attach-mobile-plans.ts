/**
 * Puts a {@link MobilePlansHost} into a Playwright page: the page script in every frame, each
 * call forwarded with the origin of the frame that made it, each callback run in that frame.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import type { MobilePlansHost } from './mobile-plans-host.js';
import { mobilePlansBindingName, mobilePlansPageScript } from './page-script.js';

/** The part of a Playwright `Frame` the harness uses. */
export interface MobilePlansFrame {
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

/**
 * The part of a Playwright `Page` (or `BrowserContext`) the harness uses; a page from
 * `playwright-core` fits, so the package needs Playwright only in the code that launches the
 * browser.
 */
export interface MobilePlansPage {
  exposeBinding(
    name: string,
    callback: (source: { frame: MobilePlansFrame }, ...args: unknown[]) => unknown,
  ): Promise<unknown>;
  addInitScript(script: { content: string }): Promise<unknown>;
}

/**
 * Adds the Mobile Plans objects to every frame of `page` (call it before `page.goto()`); each
 * call goes to `host` with the origin of the calling frame, which decides whether it is
 * honoured.
 */
export async function attachMobilePlans(
  page: MobilePlansPage,
  host: MobilePlansHost,
): Promise<void> {
  if (typeof page !== 'object' || page === null || typeof page.exposeBinding !== 'function') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'attachMobilePlans(page, host): page must be a Playwright Page or BrowserContext',
    );
  }
  await page.exposeBinding(mobilePlansBindingName, (source, call) => {
    const frame = source.frame;
    const fields = (typeof call === 'object' && call !== null ? call : {}) as Record<
      string,
      unknown
    >;
    host.handle(
      { method: fields.method, args: fields.args, ...fields, origin: frame.url() },
      (script, json) =>
        frame
          .evaluate(
            ([name, args]: [string, string]) => {
              let target: unknown = globalThis;
              for (const part of name.split('.')) {
                target = (target as Record<string, unknown> | undefined)?.[part];
              }
              if (typeof target !== 'function')
                throw new Error(`${name} is not a function of the page`);
              (target as (a: string) => void)(args);
            },
            [script, json] as [string, string],
          )
          .then(() => undefined),
    );
    // The page already returned its own operation context; nothing to send back.
    return undefined;
  });
  await page.addInitScript({ content: mobilePlansPageScript() });
}
