/**
 * The hostile-input suite's one harness. Each input channel (XML, patterns, PDUs, activation
 * codes, ICCIDs, scenarios, CLI arguments and files, listener behaviour) has a table of cases
 * in `test/hostile/<channel>.hostile.test.ts`; each case states its bounds and what it must get:
 * a typed error with a code, or a correct result.
 *
 * The bounds are hang and flood detectors, not speed claims: set them an order of magnitude
 * above what a correct implementation needs (speed is measured in bench/). A case that loops
 * synchronously forever cannot be interrupted in-process: run such inputs in a child process
 * (the CLI channel does, through `runCli` with a kill timeout) or make sure the code under test
 * bounds them before the loop starts.
 */
import { expect, it } from 'vitest';
import { isMobileBroadbandError, type ErrorCode } from '../../lib/errors.js';

/** What a case may cost at most. */
export interface HostileBound {
  /** Wall time of `run`, in milliseconds. */
  ms: number;
  /** Growth of the V8 heap across `run` (garbage included), in MiB. Default 64. */
  heapMiB?: number;
  /** Length of the error message (or of `output` for result cases), in characters. Default 1000. */
  outputChars?: number;
}

/** A case that must fail with a typed error. */
export interface HostileErrorCase {
  name: string;
  run: () => unknown;
  bound: HostileBound;
  /** The code the error must carry. */
  code: ErrorCode;
  /** The message must match this, when given. */
  message?: RegExp;
  /** Strings (secrets, identifiers, raw control characters) that must appear nowhere in the error. */
  mustNotContain?: string[];
}

/** A case that must succeed; `check` asserts the result is correct. */
export interface HostileResultCase<T = unknown> {
  name: string;
  run: () => T | Promise<T>;
  bound: HostileBound;
  check: (result: T) => void;
  /** Text the case produced for a user (printed output, warnings), bounded by `outputChars`. */
  output?: (result: T) => string;
  mustNotContain?: string[];
}

/** A result case, typed by its own result; use it to put one in a table. */
export interface ErasedResultCase {
  name: string;
  run: () => unknown;
  bound: HostileBound;
  check: (result: unknown) => void;
  output?: (result: unknown) => string;
  mustNotContain?: string[];
}

export type HostileCase = HostileErrorCase | ErasedResultCase;

/** Puts a typed result case into a table: `resultCase({ run: () => parse(x), check: (doc) => … })`. */
export function resultCase<T>(hostile: HostileResultCase<T>): ErasedResultCase {
  return hostile as unknown as ErasedResultCase;
}

/** Declares one vitest test per case. */
export function hostileCases(cases: readonly HostileCase[]): void {
  for (const hostile of cases) {
    it(hostile.name, async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      let value: unknown;
      let error: unknown;
      let threw = false;
      try {
        value = await hostile.run();
      } catch (caught) {
        threw = true;
        error = caught;
      }
      const elapsed = performance.now() - started;
      const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      const outputLimit = hostile.bound.outputChars ?? 1000;

      expect(elapsed, `time bound ${hostile.bound.ms} ms`).toBeLessThanOrEqual(hostile.bound.ms);
      expect(heapGrowth, 'heap bound (MiB)').toBeLessThanOrEqual(hostile.bound.heapMiB ?? 64);

      if ('code' in hostile) {
        expect(threw, 'must throw a typed error').toBe(true);
        if (!isMobileBroadbandError(error)) throw error;
        expect(error.code).toBe(hostile.code);
        expect(error.message.length, 'message length').toBeLessThanOrEqual(outputLimit);
        if (hostile.message) expect(error.message).toMatch(hostile.message);
        assertAbsent(describeError(error), hostile.mustNotContain);
        return;
      }
      if (threw) throw error;
      hostile.check(value);
      if (hostile.output) {
        const text = hostile.output(value);
        expect(text.length, 'output length').toBeLessThanOrEqual(outputLimit);
        assertAbsent(text, hostile.mustNotContain);
      }
    });
  }
}

/** Everything of an error a user could see: message, details, and the causes' messages. */
function describeError(error: Error & { details?: unknown }): string {
  const parts = [error.message, safeJson(error.details)];
  let cause = (error as { cause?: unknown }).cause;
  for (let depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    parts.push(cause.message);
    cause = (cause as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function assertAbsent(text: string, forbidden: readonly string[] | undefined): void {
  for (const secret of forbidden ?? []) {
    expect(text.includes(secret), `must not contain ${JSON.stringify(secret.slice(0, 40))}`).toBe(
      false,
    );
  }
}
