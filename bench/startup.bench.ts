/**
 * Start-up cost, as whole processes: `require()` of the package's root export, `wmbb
 * --version` and `wmbb demo`, each beside bare `node -e 0` measured in the same run, the
 * processes interleaved so that drift hits all alike. Ratios are times (lower is better). The
 * built package (`dist/`, `npm run build:ts`) is what users load, so that is what is timed.
 *
 * `wmbb` loads its bundle with V8's code cache, written by a command's first successful run
 * (lib/code-cache.ts): the runs here use a cache of their own, written by the uncounted first
 * round, and the same commands are also timed without it (`WMBB_COMPILE_CACHE=0`), what a
 * first run or a machine where it cannot be written pays.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, record } from './harness.js';

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');

interface StartupCase {
  name: string;
  args: string[];
  /** `WMBB_COMPILE_CACHE` for the run: the bench's own directory, or `0` (none). */
  cache: 'bench' | '0';
}

const cases: StartupCase[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'], cache: '0' },
  {
    name: "require('windows-mobile-broadband')",
    args: ['-e', `require(${JSON.stringify(root)})`],
    cache: '0',
  },
  { name: 'wmbb --version', args: [cli, '--version'], cache: 'bench' },
  { name: 'wmbb demo', args: [cli, 'demo'], cache: 'bench' },
  { name: 'wmbb --version, no code cache', args: [cli, '--version'], cache: '0' },
  { name: 'wmbb demo, no code cache', args: [cli, 'demo'], cache: '0' },
];

function time(args: string[], cache: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, WMBB_COMPILE_CACHE: cache },
  });
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
  const cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'wmbb-bench-code-cache-'));
  const cacheOf = (c: StartupCase): string => (c.cache === 'bench' ? cacheDirectory : '0');
  try {
    // Warms the file cache and writes the code cache; not counted.
    for (const c of cases) time(c.args, cacheOf(c));
    for (let round = 0; round < rounds; round++)
      for (const [i, c] of cases.entries()) samples[i]!.push(time(c.args, cacheOf(c)));
  } finally {
    rmSync(cacheDirectory, { recursive: true, force: true });
  }
  const medians = samples.map((s) => median(s));
  const base = medians[0]!;
  const width = Math.max(...cases.map((c) => c.name.length));
  const lines = [
    '\n## Start-up: whole processes',
    `(median of ${rounds} interleaved runs; ratio = time ÷ time of "node -e 0", lower is better; targets: require within 20 ms of bare node, --version ≤ 1.5×, demo ≤ 2×; wmbb with the code cache a first run writes, and without)`,
    `${'case'.padEnd(width)}  ${'ms'.padStart(8)}  ${'over node'.padStart(10)}  ratio`,
    ...cases.map(
      (c, i) =>
        `${c.name.padEnd(width)}  ${medians[i]!.toFixed(1).padStart(8)}  ${`+${(medians[i]! - base).toFixed(1)}`.padStart(10)}  ${(medians[i]! / base).toFixed(2)}×`,
    ),
  ];
  record(lines.join('\n'));
  return Promise.resolve();
}
