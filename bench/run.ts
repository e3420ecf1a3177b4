/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line), each in
 * a process of its own, prints their reports and writes them all to bench/REPORT.md with the
 * machine they ran on and, when `npm run bench:windows` has run, its figures from Windows'
 * node.exe under Wine.
 *
 * One process per file: a benchmark that leaves a large heap behind (100 000 notifications
 * alive at once) made the files after it measure up to a fifth slower in the same process.
 */

import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
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

/** Where a child process writes the reports of the one file it runs. */
const childReports = 'WMBB_BENCH_REPORTS';

/** In a child: runs one benchmark file and writes its reports where the parent said. */
async function runOne(file: string, out: string): Promise<void> {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
  writeFileSync(out, JSON.stringify(recordedReports()));
}

/** Runs each file in a child process of this same Node (and its loader); their reports. */
function runEach(): string[] {
  const scratch = mkdtempSync(path.join(tmpdir(), 'wmbb-bench-'));
  try {
    return files.flatMap((file, index) => {
      const out = path.join(scratch, `${index}.json`);
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, file], {
        stdio: 'inherit',
        env: { ...process.env, [childReports]: out },
      });
      if (child.status !== 0)
        throw new Error(`${file} failed (exit ${child.status ?? child.signal})`);
      return JSON.parse(readFileSync(out, 'utf8')) as string[];
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = process.env[childReports];
  if (out !== undefined) return runOne(files[0]!, out);
  console.log(`# windows-mobile-broadband benchmarks (${machine()})`);
  const reports = runEach();
  const report = [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\`${wanted.length > 0 ? ` (only: ${wanted.join(', ')})` : ''} on ${new Date().toISOString()}.`,
    `Machine: ${machine()}. Every ratio compares with a baseline measured in the same run.`,
    '',
    '```text',
    ...reports.map((text) => text.trim()),
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
