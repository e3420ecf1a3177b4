/**
 * Argument checks shared by the public eSIM API and both backends, so every path rejects bad
 * input with the same code and message.
 *
 * @module
 * @internal
 */

import type { EsimWatchSink, OperationOptions } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** `{ signal? }` or undefined; `signal` must be an AbortSignal. */
export function checkOperationOptions(options: unknown, where: string): OperationOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options must be an object, got ${describe(options)}`,
    );
  }
  const { signal } = options as OperationOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options.signal must be an AbortSignal, got ${describe(signal)}`,
    );
  }
  return options;
}

const sinkMethods = [
  'added',
  'updated',
  'removed',
  'enumerationCompleted',
  'stopped',
  'overflow',
  'error',
] as const;

/** An {@link EsimWatchSink}: an object with every method. */
export function checkWatchSink(sink: unknown, where: string): EsimWatchSink {
  const missing =
    typeof sink === 'object' && sink !== null
      ? sinkMethods.filter((m) => typeof (sink as Record<string, unknown>)[m] !== 'function')
      : [...sinkMethods];
  if (missing.length > 0) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: the sink must have the methods ${sinkMethods.join(', ')}; missing ${missing.join(', ')}`,
    );
  }
  return sink as EsimWatchSink;
}

/** The error of an operation cancelled through its AbortSignal. */
export function abortedError(where: string, signal: AbortSignal): MobileBroadbandError {
  return new MobileBroadbandError('ERR_ABORTED', `${where} was aborted`, {
    cause: signal.reason,
  });
}
