/**
 * `wmbb esim ids [--callback-url <url>]`: opens Windows' consent dialog for sharing the device's
 * identifiers (`ms-settings:cellular-id`, Windows 11 24H2 and later) — what an operator's
 * portal asks a user to do before it provisions an eSIM. Any process may.
 *
 * @module
 */

import type { CliContext } from '../cli-context.js';
import { runEsimCommand, type EsimCommonOptions } from '../esim/esim-session.js';

export type EsimIdsOptions = EsimCommonOptions & { callbackUrl?: string };

export function esimIds(context: CliContext, options: EsimIdsOptions): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    await session.mbb.esim.requestDeviceIdentifiers(
      options.callbackUrl === undefined ? {} : { callbackUrl: options.callbackUrl },
    );
    if (options.json === true) session.json({ event: 'openedSettings' });
    else
      context.io.out(
        'opened the Cellular Device Identifiers dialog in Windows Settings: the user decides there what to share\n',
      );
  });
}
