/**
 * `wmbb watch`: prints operator notifications as they arrive, until interrupted.
 *
 * @module
 */

import type { Command } from 'commander';
import type { Notification, NotificationMap } from '../../notifications/notification.js';
import { connectForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { describeError } from '../describe-error.js';
import { paint } from '../cli-io.js';
import { jsonLine, shown, timelineLine } from '../format-notification.js';
import { parseTypeList } from '../parse-type-list.js';
import { untilAborted } from '../until-aborted.js';

interface WatchOptions {
  types?: (keyof NotificationMap)[];
  json?: boolean;
}

/** Registers `watch` on the program. */
export function registerWatch(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('watch')
    .description('print operator notifications as they arrive (Ctrl+C to stop)')
    .option(
      '--types <list>',
      'only these types, comma-separated (e.g. registeredHome,registeredRoaming)',
      parseTypeList,
    )
    .option('--json', 'one JSON object per line (NDJSON)')
    .action((_options: WatchOptions, command: Command) => {
      done(watch(context, command.optsWithGlobals<GlobalOptions & WatchOptions>()));
    });
}

async function watch(context: CliContext, options: GlobalOptions & WatchOptions): Promise<void> {
  const { io } = context;
  const types = options.types;
  const mbb = await connectForCli(context, options);
  const print = (n: Notification): void => {
    if (options.json) {
      // An entitlement check is printed once answered, so the JSON line carries the answer.
      if (n.type === 'tetheringEntitlementCheck') void n.answered.then(() => io.out(jsonLine(n)));
      else io.out(jsonLine(n));
      return;
    }
    io.out(timelineLine(io, n));
    if (n.type === 'tetheringEntitlementCheck') {
      void n.answered.then((answer) =>
        io.out(
          `${' '.repeat(14)}↳ #${n.sequence} ${answer.allow ? 'allowed' : `denied: ${shown(answer.reason)}`} (by ${answer.by})\n`,
        ),
      );
    }
  };
  mbb.notifications.on('error', (error) =>
    io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)),
  );
  // Once, on stderr: which types this process can receive, and why the others not.
  const availability = await mbb.notifications.availability();
  for (const [type, entry] of Object.entries(availability))
    if (types === undefined || types.includes(type as keyof NotificationMap))
      io.err(
        paint(
          io,
          'dim',
          `${type.padEnd(34)}${entry.source}${entry.source === 'unavailable' ? `: ${entry.reason ?? ''}` : ''}\n`,
        ),
      );
  if (types === undefined) mbb.notifications.on('notification', print);
  else for (const type of types) mbb.notifications.on(type, print);
  if (!options.json)
    io.err(
      paint(
        io,
        'dim',
        `watching ${types?.join(', ') ?? 'all notifications'} on the ${mbb.backendName} backend; Ctrl+C to stop\n`,
      ),
    );
  await untilAborted(context.signal);
  await mbb.close();
}
