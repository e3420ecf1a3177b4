/**
 * How the package reports a failure of a user's code (a listener, `onProgress`,
 * `onIncomplete`): always as `ERR_LISTENER_FAILED` with the thrown value as the `cause`, with
 * a message that describes the value safely, and never by throwing the value again — a user's
 * failure must neither stop the package's work nor crash the process.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';
import { describeValue } from './describe-value.js';

/**
 * Calls a user's function with `value`; a throw, or a rejection of what it returns (a promise
 * or any thenable), goes to `onFailure` with the thrown value and `value`. Never throws, as
 * long as `onFailure` does not (build its report with {@link listenerFailedError}).
 */
export function callUserCode<T>(
  fn: (value: T) => unknown,
  value: T,
  onFailure: (error: unknown, value: T) => void,
): void {
  try {
    const result = fn(value);
    // What it returns is the user's too: reading `then` may throw (a getter, a Proxy), and
    // that is a failure like a throw.
    if (typeof result === 'object' ? result !== null : typeof result === 'function') {
      const then = (result as { then?: unknown }).then;
      if (typeof then === 'function') {
        (then as PromiseLike<unknown>['then']).call(result, undefined, (error: unknown) =>
          onFailure(error, value),
        );
      }
    }
  } catch (error) {
    onFailure(error, value);
  }
}

/**
 * `ERR_LISTENER_FAILED` for `thrown`.
 *
 * @param what - what failed, as the start of a sentence: `"A listener for 'added'"`.
 * @param thrown - what it threw or rejected with: the error's `cause`.
 * @param options - `after`: what happens next, appended to the message; `details`: the
 *   error's details.
 */
export function listenerFailedError(
  what: string,
  thrown: unknown,
  options: { after?: string; details?: Readonly<Record<string, unknown>> } = {},
): MobileBroadbandError {
  const after = options.after === undefined ? '' : `; ${options.after}`;
  return new MobileBroadbandError(
    'ERR_LISTENER_FAILED',
    `${what} failed: ${describeValue(thrown)}${after}`,
    { cause: thrown, ...(options.details === undefined ? {} : { details: options.details }) },
  );
}

/**
 * Reports a failure nobody listens for as a process warning: printed on stderr by default,
 * seen by `process.on('warning')`, and never an uncaught exception.
 */
export function warnUnhandled(error: MobileBroadbandError): void {
  try {
    process.emitWarning(error);
  } catch {
    // emitWarning only throws for arguments of the wrong type; there is no better place left.
  }
}
