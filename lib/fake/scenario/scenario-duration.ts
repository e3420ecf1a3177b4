/**
 * Step delays in scenarios: milliseconds, or `"500ms"`, `"90s"`, `"5m"`, `"1h30m"`, `"2d"`.
 *
 * @module
 */

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const part = /(\d+)(ms|s|m|h|d)/g;

/** Milliseconds of a scenario duration that passed schema validation. */
export function durationMs(value: number | string | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  let total = 0;
  for (const match of value.matchAll(part)) total += Number(match[1]) * unitMs[match[2]!]!;
  return total;
}
