/**
 * The declarations of `wmbb esim enable | disable | delete | nickname | reset`.
 *
 * @module
 */

import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import {
  esimNickname,
  esimProfileChange,
  esimReset,
  type EsimChangeOptions,
} from './esim-change.js';

export function esimChangeCommands(
  esim: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
  common: (command: Command) => Command,
): void {
  const profile = ['<profile>', 'its number in wmbb esim list, or its ICCID'] as const;
  const yes = ['-y, --yes', 'do it without asking'] as const;

  common(esim.command('enable'))
    .argument(...profile)
    .description('enable a profile (the one enabled before is disabled)')
    .action((wanted: string, _o: unknown, c: Command) =>
      done(esimProfileChange(context, 'enable', wanted, c.optsWithGlobals<EsimChangeOptions>())),
    );
  common(esim.command('disable'))
    .argument(...profile)
    .description('disable a profile (asks first)')
    .option(...yes)
    .action((wanted: string, _o: unknown, c: Command) =>
      done(esimProfileChange(context, 'disable', wanted, c.optsWithGlobals<EsimChangeOptions>())),
    );
  common(esim.command('delete'))
    .argument(...profile)
    .description('delete a profile for good (asks first)')
    .option(...yes)
    .action((wanted: string, _o: unknown, c: Command) =>
      done(esimProfileChange(context, 'delete', wanted, c.optsWithGlobals<EsimChangeOptions>())),
    );
  common(esim.command('nickname'))
    .argument(...profile)
    .argument('<nickname>', "the profile's new name, at most 64 characters ('' clears it)")
    .description('rename a profile')
    .action((wanted: string, nickname: string, _o: unknown, c: Command) =>
      done(esimNickname(context, wanted, nickname, c.optsWithGlobals<EsimChangeOptions>())),
    );
  common(esim.command('reset'))
    .description('delete every profile of the eSIM (asks first)')
    .option(...yes)
    .action((_o: unknown, c: Command) =>
      done(esimReset(context, c.optsWithGlobals<EsimChangeOptions>())),
    );
}
