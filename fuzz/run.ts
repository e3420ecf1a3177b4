/**
 * `npm run fuzz`: feeds every input channel (fuzz/targets.ts) a million generated inputs each
 * and reports crashes (anything thrown but a typed error), hangs (an input that runs past
 * `--time-limit-ms`) and heap growth (after a collection, between 10 % of the inputs and the
 * end). Inputs are numbered and made from (seed, number), so a report names the input and
 * `--seed S --from N --iterations 1` replays it. Exit status 1 when anything was found.
 *
 *   npm run fuzz -- [--iterations N] [--targets pdu,provisioning,…] [--seed S]
 *                   [--from N] [--time-limit-ms MS] [--jobs J] [--max-heap-growth-mib M]
 */

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerResult } from './fuzz-worker.js';
import { Random } from './random.js';
import { targets, type FuzzTarget } from './targets.js';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '1000000' },
    targets: { type: 'string', default: targets.map((t) => t.name).join(',') },
    seed: { type: 'string', default: '20261204' },
    from: { type: 'string', default: '0' },
    'time-limit-ms': { type: 'string', default: '2000' },
    jobs: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    'max-heap-growth-mib': { type: 'string', default: '32' },
  },
});

function whole(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`fuzz: --${name} must be a whole number of at least ${min}, got ${text}`);
    process.exit(2);
  }
  return n;
}

const iterations = whole('iterations', values.iterations, 1);
const seed = whole('seed', values.seed, 0);
const from = whole('from', values.from, 0);
const timeLimitMs = whole('time-limit-ms', values['time-limit-ms'], 10);
const jobs = whole('jobs', values.jobs, 1);
const maxGrowth = whole('max-heap-growth-mib', values['max-heap-growth-mib'], 1) * 2 ** 20;
const chosen = values.targets.split(',').map((name) => {
  const target = targets.find((t) => t.name === name.trim());
  if (target === undefined) {
    console.error(
      `fuzz: no target ${name}; the targets are ${targets.map((t) => t.name).join(', ')}`,
    );
    process.exit(2);
  }
  return target;
});

interface Finding {
  kind: 'crash' | 'hang';
  index: number;
  error: string;
}

/** Runs inputs [start, end) in one worker, restarting past an input that hangs. */
async function runRange(target: FuzzTarget, start: number, end: number) {
  const findings: Finding[] = [];
  let heapGrowth = 0;
  let next = start;
  while (next < end) {
    const progress = new SharedArrayBuffer(12);
    const view = new Int32Array(progress);
    view[0] = next;
    const workerInput: WorkerInput = {
      target: target.name,
      seed,
      from: next,
      to: end,
      progress,
      maxCrashes: 5,
    };
    // The worker is TypeScript too: tsx's require hook loads it (Node 20's --import hooks do
    // not reach workers).
    const worker = new Worker(
      `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'fuzz-worker.ts'))});`,
      { eval: true, workerData: workerInput },
    );
    const outcome = await new Promise<WorkerResult | { hungAt: number }>((resolve, reject) => {
      let done = -1;
      let since = Date.now();
      const watch = setInterval(
        () => {
          if (Atomics.load(view, 2) === 0) {
            since = Date.now(); // the worker is still loading the package
            return;
          }
          const now = Atomics.load(view, 1);
          if (now !== done) {
            done = now;
            since = Date.now();
          } else if (Date.now() - since > timeLimitMs) {
            clearInterval(watch);
            const hungAt = Atomics.load(view, 0);
            void worker.terminate().then(() => resolve({ hungAt }));
          }
        },
        Math.min(100, timeLimitMs),
      );
      worker.once('message', (result: WorkerResult) => {
        clearInterval(watch);
        resolve(result);
      });
      worker.once('error', (error) => {
        clearInterval(watch);
        reject(error);
      });
    });
    if ('hungAt' in outcome) {
      findings.push({
        kind: 'hang',
        index: outcome.hungAt,
        error: `no answer in ${timeLimitMs} ms`,
      });
      next = outcome.hungAt + 1;
      continue;
    }
    await worker.terminate();
    for (const crash of outcome.crashes) findings.push({ kind: 'crash', ...crash });
    heapGrowth = Math.max(heapGrowth, outcome.heapEnd - outcome.heapEarly);
    break;
  }
  return { findings, heapGrowth };
}

function excerpt(target: FuzzTarget, index: number): string {
  const text = target.generate(new Random(seed, index));
  const shown = JSON.stringify(text.length > 240 ? `${text.slice(0, 240)}…` : text);
  return `${shown} (${text.length} characters)`;
}

async function main(): Promise<void> {
  console.log(
    `# fuzz: ${iterations} inputs per target from #${from}, seed ${seed}, ${jobs} workers, ` +
      `time limit ${timeLimitMs} ms per input (node ${process.version})`,
  );
  let failed = false;
  for (const target of chosen) {
    const started = performance.now();
    const size = Math.ceil(iterations / jobs);
    const ranges = Array.from({ length: jobs }, (_, j) => [
      from + j * size,
      from + Math.min(iterations, (j + 1) * size),
    ]).filter(([a, b]) => a! < b!);
    const results = await Promise.all(ranges.map(([a, b]) => runRange(target, a!, b!)));
    const seconds = (performance.now() - started) / 1000;
    const findings = results.flatMap((r) => r.findings).sort((a, b) => a.index - b.index);
    const growth = Math.max(...results.map((r) => r.heapGrowth));
    const growthMiB = (growth / 2 ** 20).toFixed(1);
    const tooMuch = growth > maxGrowth;
    failed ||= findings.length > 0 || tooMuch;
    console.log(
      `${findings.length === 0 && !tooMuch ? 'ok  ' : 'FAIL'} ${target.name}: ${iterations} inputs in ` +
        `${seconds.toFixed(1)} s (${Math.round(iterations / seconds)}/s), ` +
        `${findings.filter((f) => f.kind === 'crash').length} crashes, ` +
        `${findings.filter((f) => f.kind === 'hang').length} hangs, heap growth ${growthMiB} MiB` +
        `${tooMuch ? ` (over ${values['max-heap-growth-mib']} MiB)` : ''} — ${target.description}`,
    );
    for (const f of findings.slice(0, 10))
      console.log(
        `     ${f.kind} at input #${f.index}: ${f.error}\n       input ${excerpt(target, f.index)}`,
      );
  }
  if (failed) process.exitCode = 1;
}

void main();
