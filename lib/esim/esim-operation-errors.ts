/**
 * What each `ESimOperationStatus` means for the user, worded once for every backend: the public
 * layer turns every status other than `'success'` into an `ERR_ESIM_OPERATION` error with the
 * status in `details.status`, the advice of {@link esimStatusAdvice} in `details.advice`, and a
 * message that says what to do.
 *
 * @module
 */

import type { EsimOperationStatus } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { esimStatusAdvice, type EsimAdviceFacts } from './esim-advice.js';

/** Facts an error about a failed status carries (never secrets). */
export interface EsimOperationFacts {
  /** The Windows member that reported the status, such as `ESim.DownloadProfileMetadataAsync`. */
  call: string;
  esimId?: string;
  profileId?: string;
}

/**
 * The error for an operation that finished with `status` (not `'success'`): code
 * `ERR_ESIM_OPERATION`, `details.status` the camelCase name, `details.advice` what a person can
 * do ({@link esimStatusAdvice}: `problem`, `action`, `text`), and a message that says both.
 *
 * @param operation What the user asked for, for the message (`esim.reset()`).
 * @param known Facts that make the advice concrete (free memory, attempts left).
 */
export function esimOperationError(
  status: EsimOperationStatus,
  operation: string,
  facts: EsimOperationFacts,
  known: EsimAdviceFacts = {},
): MobileBroadbandError {
  const advice = esimStatusAdvice(status, known);
  const value = advice.value === undefined ? '' : ` (${advice.value})`;
  const what = status === 'success' ? 'succeeded' : advice.text;
  return new MobileBroadbandError(
    'ERR_ESIM_OPERATION',
    `${operation}: ${facts.call} finished with ESimOperationStatus ${status}${value}: ${what}`,
    {
      details: {
        status,
        advice: { problem: advice.problem, action: advice.action, text: advice.text },
        ...facts,
      },
    },
  );
}

/** Resolves for `'success'`, rejects with {@link esimOperationError} otherwise. */
export function checkEsimStatus(
  status: EsimOperationStatus,
  operation: string,
  facts: EsimOperationFacts,
  known: EsimAdviceFacts = {},
): void {
  if (status !== 'success') throw esimOperationError(status, operation, facts, known);
}
