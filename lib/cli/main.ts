#!/usr/bin/env node
/**
 * The `wmbb` executable.
 *
 * @module
 */

import { processIo } from './cli-io.js';
import { runCli } from './program.js';

const controller = new AbortController();
// Ctrl+C stops long-running commands cleanly (watchers closed, checks answered); a second one exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    controller.abort();
    process.once(signal, () => process.exit(130));
  });
}

runCli(process.argv.slice(2), { io: processIo(), signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wmbb: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
