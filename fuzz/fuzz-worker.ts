/**
 * One fuzz worker: runs inputs `from`..`to` of one target and reports crashes and heap
 * samples. Before each input it stores the input's index in shared memory and after it counts
 * it done, so that the main thread can tell a hang (the count stops) and which input hung
 * without any message from here: a worker stuck in a synchronous loop sends nothing.
 */

import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { MobileBroadbandError } from '../lib/errors.js';
import { Random } from './random.js';
import { targets } from './targets.js';

/** What the main thread gives a worker. */
export interface WorkerInput {
  target: string;
  seed: number;
  from: number;
  to: number;
  /** Int32 [current index, inputs done, started (1 once the modules are loaded)]. */
  progress: SharedArrayBuffer;
  /** Stop after this many crashes: the first few say enough. */
  maxCrashes: number;
}

/** What a worker reports when its range is done. */
export interface WorkerResult {
  crashes: { index: number; error: string }[];
  /** Heap used after a collection, in bytes: once early (10 % in), once at the end. */
  heapEarly: number;
  heapEnd: number;
}

const input = workerData as WorkerInput;
const target = targets.find((t) => t.name === input.target)!;
const progress = new Int32Array(input.progress);
const collect = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  collect?.();
  return getHeapStatistics().used_heap_size;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return `a thrown ${typeof error}: ${String(error)}`.slice(0, 300);
}

const result: WorkerResult = { crashes: [], heapEarly: 0, heapEnd: 0 };
const early = input.from + Math.floor((input.to - input.from) / 10);
// Loading the package can take longer than an input may on a busy machine: the watch starts now.
Atomics.store(progress, 2, 1);
for (let index = input.from; index < input.to; index++) {
  Atomics.store(progress, 0, index);
  if (index === early) result.heapEarly = heapUsed();
  const text = target.generate(new Random(input.seed, index));
  try {
    target.run(text);
  } catch (error) {
    if (target.total === true || !(error instanceof MobileBroadbandError)) {
      result.crashes.push({ index, error: describe(error) });
      if (result.crashes.length >= input.maxCrashes) break;
    }
  }
  Atomics.add(progress, 1, 1);
}
result.heapEnd = heapUsed();
if (result.heapEarly === 0) result.heapEarly = result.heapEnd;
parentPort!.postMessage(result);
