/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line), prints
 * their reports and writes them all to bench/REPORT.md with the machine they ran on and, when
 * `npm run bench:windows` has run, its figures from Windows' node.exe under Wine.
 */

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordedReports } from './harness.js';

const dir = __dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}-${process.arch}, node ${process.version}`;
}

/** The Wine lane's event benchmark log, if `npm run bench:windows` has run here. */
function wineFigures(): string {
  const log = path.join(dir, '..', 'build', 'wine', 'logs', 'bench.log');
  if (!existsSync(log))
    return '(not measured here: `npm run bench:windows` has not run on this checkout)';
  const when = statSync(log).mtime.toISOString();
  return `Measured ${when} by \`npm run bench:windows\`:\n\n\`\`\`text\n${readFileSync(log, 'utf8').trim()}\n\`\`\``;
}

async function main(): Promise<void> {
  console.log(`# windows-mobile-broadband benchmarks (${machine()})`);
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      default: () => Promise<void>;
    };
    await mod.default();
  }
  const report = [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\`${wanted.length > 0 ? ` (only: ${wanted.join(', ')})` : ''} on ${new Date().toISOString()}.`,
    `Machine: ${machine()}. Every ratio compares with a baseline measured in the same run.`,
    '',
    '```text',
    ...recordedReports().map((text) => text.trim()),
    '```',
    '',
    '## Native events under Wine',
    '',
    wineFigures(),
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'REPORT.md'), report);
  console.log('\n(written to bench/REPORT.md)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
