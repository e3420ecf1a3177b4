/**
 * What every backend shares about the operator app's background tasks: their names, the entry
 * point, the check of a network account id, and the errors for a process without package
 * identity and for background access Windows denied. The fake and the native backend both use
 * these, so the two cannot drift apart.
 *
 * @module
 * @internal
 */

import type { OperatorTaskInfo, OperatorTaskTrigger } from '../backend.js';
import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { maskIdentifier } from '../text/mask-identifier.js';

/** Every task the package registers has a name that starts with this. */
export const operatorTaskNamePrefix = 'WindowsMobileBroadband.';

// The forwarding component's WinRT class, the `TaskEntryPoint` of both tasks: one definition
// for the registration and the manifest the packaging kit prints.
export { operatorTaskEntryPoint } from '../packaging/operator-component.js';

/** The two tasks, by the trigger each is registered with. */
export const operatorTaskNames = {
  networkOperatorNotification: 'WindowsMobileBroadband.OperatorNotification',
  tetheringEntitlementCheck: 'WindowsMobileBroadband.TetheringEntitlementCheck',
} as const satisfies Record<Exclude<OperatorTaskTrigger, 'other'>, string>;

/** The trigger a task of that name is registered with by this package, if it is one of its two. */
export function triggerOfTaskName(name: string): OperatorTaskTrigger {
  if (name === operatorTaskNames.networkOperatorNotification) return 'networkOperatorNotification';
  if (name === operatorTaskNames.tetheringEntitlementCheck) return 'tetheringEntitlementCheck';
  return 'other';
}

/** Longest network account id taken (Windows' ids are GUID strings, 38 characters). */
export const maxNetworkAccountIdLength = 256;

/**
 * Checks `registerOperatorTasks(options)`: an object whose `networkAccountId` is a non-empty
 * string of at most 256 characters without control characters. The id is an identifier: a bad
 * one appears masked in the message.
 */
export function checkOperatorTaskOptions(
  options: unknown,
  where: string,
): { networkAccountId: string } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where} takes { networkAccountId }, got ${describeKind(options)}`,
    );
  }
  const id = (options as { networkAccountId?: unknown }).networkAccountId;
  if (typeof id !== 'string') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: networkAccountId must be a string (an id from mbb.modems.accounts()), got ${describeKind(id)}`,
    );
  }
  const problem =
    id === ''
      ? 'is empty'
      : id.length > maxNetworkAccountIdLength
        ? `is longer than ${maxNetworkAccountIdLength} characters`
        : // eslint-disable-next-line no-control-regex -- control characters are what is refused
          /[\u0000-\u001f\u007f-\u009f]/.test(id)
          ? 'contains control characters'
          : undefined;
  if (problem !== undefined) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: networkAccountId ${maskIdentifier(id)} ${problem}; pass an id from mbb.modems.accounts()`,
      { details: { length: id.length } },
    );
  }
  return { networkAccountId: id };
}

/** What to do without package identity. */
export const packageIdentityAdvice =
  'background tasks belong to a packaged app, and this process has no package identity. Package the app as MSIX (or a sparse package for an unpackaged executable), declare the forwarding component and the tasks in its manifest (`wmbb package manifest` prints the fragments) and run it from there; see docs/packaging.md';

/** What a process without package identity is told. */
export function packageIdentityRequiredError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_PACKAGE_IDENTITY_REQUIRED',
    `${operation}: ${packageIdentityAdvice}`,
  );
}

/** `BackgroundAccessStatus`: what `BackgroundExecutionManager.RequestAccessAsync` answers. */
export type BackgroundAccessStatus =
  | 'unspecified'
  | 'allowedWithAlwaysOnRealTimeConnectivity'
  | 'allowedMayUseActiveRealTimeConnectivity'
  | 'denied'
  | 'alwaysAllowed'
  | 'allowedSubjectToSystemPolicy'
  | 'deniedBySystemPolicy'
  | 'deniedByUser';

/** `BackgroundAccessStatus` by value (Unspecified 0 … DeniedByUser 7). */
export const backgroundAccessStatuses: readonly BackgroundAccessStatus[] = [
  'unspecified',
  'allowedWithAlwaysOnRealTimeConnectivity',
  'allowedMayUseActiveRealTimeConnectivity',
  'denied',
  'alwaysAllowed',
  'allowedSubjectToSystemPolicy',
  'deniedBySystemPolicy',
  'deniedByUser',
];

/** Whether Windows refused background access (`Denied`, `DeniedBySystemPolicy`, `DeniedByUser`). */
export function isBackgroundAccessDenied(status: BackgroundAccessStatus): boolean {
  return status.startsWith('denied');
}

/** What a process whose background access Windows denied is told. */
export function backgroundAccessDeniedError(
  operation: string,
  status: BackgroundAccessStatus,
): MobileBroadbandError {
  const advice =
    status === 'deniedByUser'
      ? 'the user turned background activity off for this app: Settings > Apps > Installed apps > (the app) > Advanced options > Background apps permissions'
      : status === 'deniedBySystemPolicy'
        ? 'a system policy (battery saver, or an administrator) keeps this app from running in the background'
        : 'Windows does not let this app run background tasks';
  return new MobileBroadbandError(
    'ERR_NOT_AUTHORIZED',
    `${operation}: BackgroundExecutionManager.RequestAccessAsync answered '${status}': ${advice}`,
    { details: { backgroundAccessStatus: status } },
  );
}

/** The package's tasks among `tasks`, sorted by name then id (Windows lists them in no order). */
export function packageTasks(tasks: readonly OperatorTaskInfo[]): OperatorTaskInfo[] {
  return tasks
    .filter((task) => task.name.startsWith(operatorTaskNamePrefix))
    .sort((a, b) =>
      a.name === b.name ? a.taskId.localeCompare(b.taskId) : a.name < b.name ? -1 : 1,
    );
}
