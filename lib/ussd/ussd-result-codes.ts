/**
 * `UssdResultCode` by its Windows value (index = value), what the native backend's numbers
 * become. test/abi checks the table against the official metadata (native/abi).
 *
 * @module
 * @internal
 */

import type { UssdResultCode } from '../backend.js';

/** `UssdResultCode`: NoActionRequired 0 … NetworkTimeout 5. */
export const ussdResultCodes: readonly UssdResultCode[] = [
  'noActionRequired',
  'actionRequired',
  'terminated',
  'otherLocalClient',
  'operationNotSupported',
  'networkTimeout',
];
