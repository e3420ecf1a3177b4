/**
 * A small benchmark harness: each case runs in several rounds, the median round counts, and
 * every report compares cases with a baseline measured in the same run, as ratios. Single runs
 * on shared machines vary by ±30 %, so no figure here is an absolute promise.
 */

import { performance } from 'node:perf_hooks';

/** One benchmark case: `run` does `operations` operations per call. */
export interface BenchCase {
  name: string;
  /** Operations done by one call of `run`. */
  operations: number;
  /** Does the work once; may be async. */
  run: () => unknown;
  /** Untimed preparation before each round. */
  setup?: () => unknown;
}

/** The result of one case. */
export interface BenchResult {
  name: string;
  /** Median operations per second over the rounds. */
  opsPerSecond: number;
  /** Median milliseconds per call of `run`. */
  msPerRun: number;
  rounds: number;
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Rounds per case (median taken). Default 7, or $BENCH_ROUNDS. */
  rounds?: number;
  /** Calls of `run` per round. Default 1. */
  callsPerRound?: number;
}

/** Runs each case round-robin (so drift hits all cases alike) and returns medians. */
export async function measure(
  cases: BenchCase[],
  options: MeasureOptions = {},
): Promise<BenchResult[]> {
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 7);
  const calls = options.callsPerRound ?? 1;
  const samples = cases.map(() => [] as number[]);
  // One warm-up round each, not counted.
  for (const c of cases) {
    await c.setup?.();
    await c.run();
  }
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) {
      await c.setup?.();
      const start = performance.now();
      for (let k = 0; k < calls; k++) await c.run();
      samples[i]!.push((performance.now() - start) / calls);
    }
  }
  return cases.map((c, i) => {
    const ms = median(samples[i]!);
    return { name: c.name, msPerRun: ms, opsPerSecond: (c.operations / ms) * 1000, rounds };
  });
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const recorded: string[] = [];

/** Prints a report and keeps it for bench/REPORT.md (see {@link recordedReports}). */
export function record(text: string): void {
  console.log(text);
  recorded.push(text);
}

/** Every report printed in this run, in order. */
export function recordedReports(): readonly string[] {
  return recorded;
}

/** Prints a table: each case's throughput and its ratio to the baseline case. */
export function report(title: string, results: BenchResult[], baselineName: string): string {
  const baseline = results.find((r) => r.name === baselineName);
  if (baseline === undefined) throw new Error(`no baseline named ${baselineName}`);
  const width = Math.max(...results.map((r) => r.name.length), 8);
  const lines = [
    `\n## ${title}`,
    `(median of ${baseline.rounds} rounds; ratio = ops/s ÷ ops/s of "${baselineName}", measured in this run)`,
    `${'case'.padEnd(width)}  ${'ops/s'.padStart(14)}  ${'ms/run'.padStart(10)}  ratio`,
  ];
  for (const r of results) {
    lines.push(
      `${r.name.padEnd(width)}  ${formatRate(r.opsPerSecond).padStart(14)}  ${r.msPerRun.toFixed(2).padStart(10)}  ${(r.opsPerSecond / baseline.opsPerSecond).toFixed(3)}×`,
    );
  }
  const text = lines.join('\n');
  record(text);
  return text;
}

export function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k`;
  return rate.toFixed(1);
}
