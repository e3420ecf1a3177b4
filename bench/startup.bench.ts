/**
 * Start-up cost, as whole processes: `require()` of the package's root export, `wmbb
 * --version` and `wmbb demo`, each beside bare `node -e 0` measured in the same run, the
 * processes interleaved so that drift hits all alike. Ratios are times (lower is better). The
 * built package (`dist/`, `npm run build:ts`) is what users load, so that is what is timed.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, record } from './harness.js';

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');

interface StartupCase {
  name: string;
  args: string[];
}

const cases: StartupCase[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: "require('windows-mobile-broadband')", args: ['-e', `require(${JSON.stringify(root)})`] },
  { name: 'wmbb --version', args: [cli, '--version'] },
  { name: 'wmbb demo', args: [cli, 'demo'] },
];

function time(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}`);
  return ms;
}

export default function startupBench(): Promise<void> {
  if (!existsSync(cli)) {
    console.log('\n## Start-up\n(skipped: dist/ is not built; run npm run build:ts first)');
    return Promise.resolve();
  }
  const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
  const samples = cases.map(() => [] as number[]);
  for (const c of cases) time(c.args); // warm the file cache, not counted
  for (let round = 0; round < rounds; round++)
    for (const [i, c] of cases.entries()) samples[i]!.push(time(c.args));
  const medians = samples.map((s) => median(s));
  const base = medians[0]!;
  const width = Math.max(...cases.map((c) => c.name.length));
  const lines = [
    '\n## Start-up: whole processes',
    `(median of ${rounds} interleaved runs; ratio = time ÷ time of "node -e 0", lower is better; targets: require within 20 ms of bare node, --version ≤ 1.5×, demo ≤ 2×)`,
    `${'case'.padEnd(width)}  ${'ms'.padStart(8)}  ${'over node'.padStart(10)}  ratio`,
    ...cases.map(
      (c, i) =>
        `${c.name.padEnd(width)}  ${medians[i]!.toFixed(1).padStart(8)}  ${`+${(medians[i]! - base).toFixed(1)}`.padStart(10)}  ${(medians[i]! / base).toFixed(2)}×`,
    ),
  ];
  record(lines.join('\n'));
  return Promise.resolve();
}
