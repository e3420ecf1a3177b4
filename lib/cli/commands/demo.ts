/**
 * `wmbb demo`: the example scenario "a roaming day" on the fake backend, printed as a timeline:
 * provisioning, registration, an operator SMS, a USSD balance, data thresholds at home and
 * abroad, and tethering entitlement checks answered by a policy (allowed at home, denied while
 * roaming).
 *
 * @module
 */

import path from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../package-info.js';
import type { CliContext } from '../cli-context.js';
import { paint } from '../cli-io.js';
import { revealOption, simulateFile, type SimulateOptions } from './simulate.js';

/** The scenario `wmbb demo` plays. */
export const demoScenario = path.join(packageRoot, 'examples', 'roaming-day.json');

type DemoOptions = SimulateOptions;

/** Registers `demo` on the program. */
export function registerDemo(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('demo')
    .description('play the example scenario "a roaming day" on the fake backend, as a timeline')
    .option('--json', 'one JSON object per line (NDJSON)')
    .option(...revealOption)
    .action((options: DemoOptions) => {
      if (!options.json) {
        context.io.err(
          paint(
            context.io,
            'dim',
            `wmbb demo: ${demoScenario} on the fake backend (virtual time, UTC)\n`,
          ),
        );
      }
      done(simulateFile(context, demoScenario, options));
    });
}
