/**
 * `wmbb esim list` and `wmbb esim watch`: the eSIMs and their profiles, now or as they change.
 *
 * @module
 */

import type { EsimInfo } from '../../backend.js';
import type { CliContext } from '../cli-context.js';
import { paint } from '../cli-io.js';
import { describeError } from '../describe-error.js';
import { runEsimCommand, withSignal, type EsimCommonOptions } from '../esim/esim-session.js';
import { esimJson, formatEsim, formatEsims } from '../esim/esim-view.js';
import { untilAborted } from '../until-aborted.js';

export function esimList(context: CliContext, options: EsimCommonOptions): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    const esims = await session.mbb.esim.list(withSignal(session));
    if (options.json === true)
      session.json({
        revealed: options.reveal === true,
        esims: esims.map((e) => esimJson(e, session.id)),
      });
    else context.io.out(formatEsims(esims, session.id));
  });
}

/** Prints each watcher event until Ctrl+C, or until Windows stops the watcher. */
export function esimWatch(context: CliContext, options: EsimCommonOptions): Promise<void> {
  const { io } = context;
  return runEsimCommand(context, options, async (session) => {
    const watcher = session.mbb.esim.watch();
    const numbers = new Map<string, number>();
    const print = (event: 'added' | 'updated' | 'removed', esim: EsimInfo): void => {
      if (!numbers.has(esim.id)) numbers.set(esim.id, numbers.size);
      if (options.json === true) {
        session.json({ event, esim: esimJson(esim, session.id) });
        return;
      }
      io.out(`${new Date().toISOString()}  ${event}\n`);
      io.out(formatEsim(esim, numbers.get(esim.id) ?? 0, session.id));
    };
    let stopped: (() => void) | undefined;
    const windowsStopped = new Promise<void>((resolve) => (stopped = resolve));
    watcher.on('added', (esim) => print('added', esim));
    watcher.on('updated', (esim) => print('updated', esim));
    watcher.on('removed', (esim) => print('removed', esim));
    watcher.on('enumerationCompleted', () => {
      if (options.json === true) session.json({ event: 'enumerationCompleted' });
      else
        io.err(
          paint(
            io,
            'dim',
            `watching the eSIMs on the ${session.mbb.backendName} backend; Ctrl+C to stop\n`,
          ),
        );
    });
    watcher.on('stopped', () => stopped?.());
    watcher.on('error', (error) => io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)));
    watcher.on('overflow', (info) =>
      io.err(
        paint(
          io,
          'yellow',
          `wmbb: ${info.discarded} eSIM events were lost (the CLI fell behind)\n`,
        ),
      ),
    );
    const aborted = untilAborted(session.signal);
    const first = await Promise.race([
      aborted.then(() => 'aborted'),
      windowsStopped.then(() => 'stopped'),
    ]);
    await watcher.close();
    if (first === 'stopped')
      throw new Error('Windows stopped the eSIM watcher; run wmbb esim watch again');
  });
}
