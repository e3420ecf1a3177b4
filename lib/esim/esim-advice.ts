/**
 * What a person can do about each `ESimOperationStatus`, worded once: the API's
 * `ERR_ESIM_OPERATION` errors carry it (`details.advice`, and in the message), and the CLI
 * prints it (`--json` carries it as a field). A status this version does not know (a newer
 * Windows) still gets advice, never a crash.
 *
 * @module
 */

import type { EsimOperationStatus } from '../backend.js';
import { esimOperationStatuses } from '../native/winrt-enums.js';
import { esimCapability } from './esim-errors.js';

/** Facts that make the advice concrete, where a backend knows them. */
export interface EsimAdviceFacts {
  /** Free memory on the eSIM in bytes (`ESim.AvailableMemoryInBytes`), where it reports it. */
  availableMemoryBytes?: number | undefined;
  /**
   * Confirmation-code attempts left, where Windows says. `ESimOperationResult` carries only the
   * status today, so no backend fills it in yet; the advice says it when one does.
   */
  confirmationAttemptsLeft?: number | undefined;
}

/** Advice for one status. */
export interface EsimAdvice {
  /** The camelCase status name, or `'unknown'` for a status this version does not know. */
  readonly status: EsimOperationStatus | 'unknown';
  /** The `ESimOperationStatus` value, where known. */
  readonly value: number | undefined;
  /** What happened, in plain words. */
  readonly problem: string;
  /** What the person can do about it. */
  readonly action: string;
  /** `problem: action`, the sentence to show. */
  readonly text: string;
}

type Failed = Exclude<EsimOperationStatus, 'success'>;
type Wording = (facts: EsimAdviceFacts) => readonly [problem: string, action: string];

const tryAgain = 'try again in a few minutes';
const connection =
  'check that the PC is online (open any web page), that a proxy or firewall does not block the connection, and that the clock and time zone are right (a wrong clock breaks the secure connection)';

/** The advice per failed status, in `ESimOperationStatus` order. */
const wordings: Record<Failed, Wording> = {
  notAuthorized: () => [
    'Windows did not let this app manage eSIMs',
    `only a packaged app with the custom capability ${esimCapability} may; use Settings > Network & internet > Cellular > eSIM profiles instead, or the activation link (esim.openActivation())`,
  ],
  notFound: () => [
    'the eSIM or the profile was not found (it may have been removed)',
    'list the eSIMs again and use an id from that list',
  ],
  policyViolation: () => [
    "a policy forbids this: the profile's own policy (it may not be disabled or deleted) or your organisation's",
    "check the profile's policy (canDelete, canDisable, isManagedByEnterprise); ask your IT department if the device is managed",
  ],
  insufficientSpaceOnCard: ({ availableMemoryBytes }) => [
    availableMemoryBytes === undefined
      ? 'the eSIM has no room for another profile'
      : `the eSIM has no room for another profile (${formatBytes(availableMemoryBytes)} free)`,
    'delete a profile you no longer use (esim.deleteProfile(), or Settings > Cellular > eSIM profiles), then try again',
  ],
  serverFailure: () => [
    "the operator's server (SM-DP+) reported a failure",
    `${tryAgain}; if it keeps failing, contact the operator`,
  ],
  serverNotReachable: () => [
    "the operator's server (SM-DP+) could not be reached",
    `${connection}; then check the server address in the activation code with the operator`,
  ],
  timeoutWaitingForUserConsent: () => [
    'nobody confirmed the operation in time',
    'start it again and confirm when Windows asks',
  ],
  incorrectConfirmationCode: ({ confirmationAttemptsLeft }) => [
    confirmationAttemptsLeft === undefined
      ? 'the confirmation code is wrong'
      : `the confirmation code is wrong (${plural(confirmationAttemptsLeft, 'attempt')} left)`,
    'check the code the operator gave you (in the e-mail, letter or app with the QR code) or ask the operator for it, then try again with the same offer; too many wrong codes spend the activation code',
  ],
  confirmationCodeMaxRetriesExceeded: () => [
    'the confirmation code was wrong too many times, and the activation code is now spent',
    'ask the operator for a new activation code',
  ],
  cardRemoved: () => [
    'the eSIM was removed during the operation',
    'put it back (or restart the device if the eSIM is built in) and try again',
  ],
  cardBusy: () => [
    'the eSIM is busy with another operation',
    'wait until that finishes (a download or a profile change in Settings or another app), then try again',
  ],
  other: () => [
    'Windows reported an unspecified eSIM failure',
    `${tryAgain}; if it keeps failing, restart the device and look at the eSIM in Settings > Cellular`,
  ],
  cardGeneralFailure: () => [
    'the eSIM itself failed',
    "restart the device and try again; if it keeps failing, contact the device's manufacturer",
  ],
  confirmationCodeMissing: () => [
    'this profile needs the confirmation code the operator issued with the activation code',
    'ask the operator for it if you do not have it, then pass it ({ confirmationCode }, or the CLI prompt)',
  ],
  invalidMatchingId: () => [
    "the operator does not recognise the activation code's matching id",
    'check that the code was copied whole (or scan the QR code again); otherwise ask the operator for a new one',
  ],
  noEligibleProfileForThisDevice: () => [
    'the operator has no profile this device can use',
    'ask the operator whether the plan supports this device; give them its EID',
  ],
  operationAborted: () => ['the eSIM service aborted the operation', tryAgain],
  eidMismatch: () => [
    'the profile was ordered for another eSIM',
    "give the operator this eSIM's EID (wmbb esim list) and ask for a new activation code",
  ],
  profileNotAvailableForNewBinding: () => [
    'this activation code was already used: its profile was downloaded to a device before',
    'ask the operator to release the profile again or to issue a new activation code (each code works once)',
  ],
  profileNotReleasedByOperator: () => [
    'the operator has not released the profile yet',
    `${tryAgain}, or ask the operator when it will be ready`,
  ],
  operationProhibitedByProfileClass: () => [
    "the profile's class (test or provisioning) does not allow this operation",
    'use an operational profile, or manage this one with the tool that installed it',
  ],
  profileNotPresent: () => [
    'the profile is not on the eSIM (any more)',
    'list the eSIMs again to see the profiles that are there',
  ],
  noCorrespondingRequest: () => [
    'the server had no pending request to match this one',
    'start the operation again from the beginning',
  ],
  timeoutWaitingForResponse: () => [
    'the eSIM or the server did not answer in time',
    `${connection}; then try again`,
  ],
  iccidAlreadyExists: () => [
    'a profile with this ICCID is already on the eSIM',
    'enable that profile instead of installing it again',
  ],
  profileProcessingError: () => [
    'the eSIM could not process the profile it received',
    'ask the operator to issue the profile again',
  ],
  serverNotTrusted: () => [
    "the eSIM does not trust the operator's server (its certificate)",
    'check the server address in the activation code with the operator; the profile may need a newer eSIM',
  ],
  profileDownloadMaxRetriesExceeded: () => [
    'the profile was downloaded too many times',
    'ask the operator for a new activation code',
  ],
};

const unknownWording: Wording = () => [
  'Windows reported an eSIM status this version does not know',
  `${tryAgain}; if it keeps failing, update windows-mobile-broadband and look at the eSIM in Settings > Cellular`,
];

/**
 * The advice for `status`: a camelCase name, or an `ESimOperationStatus` value (a value this
 * version does not know gets generic advice with `status: 'unknown'`).
 *
 * @example
 * ```ts
 * import { esimStatusAdvice } from 'windows-mobile-broadband';
 * const advice = esimStatusAdvice('insufficientSpaceOnCard', { availableMemoryBytes: 20_480 });
 * console.log(advice.text); // the eSIM has no room for another profile (20 KB free): delete a profile …
 * ```
 */
export function esimStatusAdvice(status: string | number, facts: EsimAdviceFacts = {}): EsimAdvice {
  const name = typeof status === 'number' ? esimOperationStatuses[status] : status;
  const known =
    name !== undefined && name !== 'success' && Object.hasOwn(wordings, name)
      ? (name as Failed)
      : undefined;
  const checked = checkFacts(facts);
  const [problem, action] = (known === undefined ? unknownWording : wordings[known])(checked);
  const value =
    typeof status === 'number' && Number.isInteger(status)
      ? status
      : known === undefined
        ? undefined
        : esimOperationStatuses.indexOf(known);
  return {
    status: known ?? (name === 'success' ? 'success' : 'unknown'),
    value,
    problem,
    action,
    text: `${problem}: ${action}`,
  };
}

/** Keeps only facts that make sense (a backend's odd value never reaches the words). */
function checkFacts(facts: EsimAdviceFacts): EsimAdviceFacts {
  const count = (n: unknown): number | undefined =>
    typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  return {
    availableMemoryBytes: count(facts?.availableMemoryBytes),
    confirmationAttemptsLeft: count(facts?.confirmationAttemptsLeft),
  };
}

/** `512 bytes`, `20 KB`, `1.5 MB` (1024-based, as Windows shows sizes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 ? Math.round(value).toString() : String(Math.round(value * 10) / 10);
  return `${shown} ${units[unit]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
