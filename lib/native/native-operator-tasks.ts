/**
 * The native backend's background-task registrations: the addon makes the Windows calls on its
 * MTA thread (native/winrt/operator-tasks), this decides their order and maps what they answer
 * to the backend contract and typed errors.
 *
 * Registering is: package identity (`GetCurrentPackageFullName`), background access
 * (`BackgroundExecutionManager.RequestAccessAsync`), the earlier tasks of the two names
 * unregistered, then one `BackgroundTaskBuilder.Register()` per task. A second registration
 * that fails takes the first back, so a failure leaves neither.
 *
 * @module
 * @internal
 */

import type {
  NotificationSource,
  OperatorTaskBackend,
  OperatorTaskInfo,
  OperatorTaskRegistrationOptions,
  OperatorTaskTrigger,
} from '../backend.js';
import type { MobileBroadbandError } from '../errors.js';
import {
  backgroundAccessDeniedError,
  backgroundAccessStatuses,
  checkOperatorTaskOptions,
  isBackgroundAccessDenied,
  operatorTaskEntryPoint,
  operatorTaskNamePrefix,
  operatorTaskNames,
  packageIdentityAdvice,
  packageIdentityRequiredError,
  packageTasks,
  triggerOfTaskName,
} from '../notifications/operator-tasks.js';
import type { NativeAddon, NativeOperation, NativeOperatorTask } from './addon-types.js';
import { fromNativeError } from './hresult.js';

/** The addon's trigger kinds (native/winrt/operator-tasks/task-registrations.h). */
const TriggerKind = {
  unknown: -1,
  other: 0,
  networkOperatorNotification: 1,
  tetheringEntitlementCheck: 2,
} as const;

/** What a refused registration usually lacks, for ERR_NOT_AUTHORIZED. */
const notAuthorizedAdvice =
  "Windows refused the registration: the app's manifest must declare the forwarding component (WindowsMobileBroadband.OperatorTask) as a windows.backgroundTasks extension with the systemEvent task type, and the entitlement trigger needs the networkConnectionManagerProvisioning capability (`wmbb package manifest` prints both; see docs/packaging.md)";

/** Options of {@link NativeOperatorTasks}. */
export interface NativeOperatorTasksOptions {
  /**
   * Skips the package-identity check (the Wine lane, where no process has identity and the
   * test component plays Windows' registrations). Never set in production.
   */
  assumePackageIdentity: boolean;
}

export class NativeOperatorTasks implements OperatorTaskBackend {
  readonly #addon: NativeAddon;
  readonly #assumeIdentity: boolean;

  constructor(addon: NativeAddon, options: NativeOperatorTasksOptions) {
    this.#addon = addon;
    this.#assumeIdentity = options.assumePackageIdentity;
  }

  async register(options: OperatorTaskRegistrationOptions): Promise<OperatorTaskInfo[]> {
    const where = 'Registering the operator tasks';
    const { networkAccountId } = checkOperatorTaskOptions(
      options,
      'registerOperatorTasks(options)',
    );
    this.#checkIdentity(where);
    const tasks = this.#addon.operatorTasks;
    const value = await this.#call(where, () => tasks.requestAccess());
    const status = backgroundAccessStatuses[value];
    if (status !== undefined && isBackgroundAccessDenied(status)) {
      throw backgroundAccessDeniedError(where, status);
    }
    // Replacing: a task of the same name registered twice would run twice for one event.
    await this.#call(where, () => tasks.unregister(Object.values(operatorTaskNames)));
    const notification = await this.#call(where, () =>
      tasks.register(
        operatorTaskNames.networkOperatorNotification,
        operatorTaskEntryPoint,
        TriggerKind.networkOperatorNotification,
        networkAccountId,
      ),
    );
    let entitlement: NativeOperatorTask;
    try {
      entitlement = await this.#call(where, () =>
        tasks.register(
          operatorTaskNames.tetheringEntitlementCheck,
          operatorTaskEntryPoint,
          TriggerKind.tetheringEntitlementCheck,
          '',
        ),
      );
    } catch (error) {
      // Neither or both: take the first back (its failure would hide the one that matters).
      await tasks
        .unregister([operatorTaskNames.networkOperatorNotification])
        .promise.catch(() => undefined);
      throw error;
    }
    return [notification, entitlement].map(toInfo);
  }

  async list(): Promise<OperatorTaskInfo[]> {
    const where = 'Listing the operator tasks';
    this.#checkIdentity(where);
    const found = await this.#call(where, () =>
      this.#addon.operatorTasks.list(operatorTaskNamePrefix),
    );
    return packageTasks(found.map(toInfo));
  }

  async unregister(): Promise<number> {
    const where = 'Unregistering the operator tasks';
    this.#checkIdentity(where);
    const tasks = this.#addon.operatorTasks;
    const found = await this.#call(where, () => tasks.list(operatorTaskNamePrefix));
    if (found.length === 0) return 0;
    const names = [...new Set(found.map((task) => task.name))];
    return await this.#call(where, () => tasks.unregister(names));
  }

  #checkIdentity(where: string): void {
    if (this.#assumeIdentity) return;
    let identity: boolean;
    try {
      identity = this.#addon.operator.hasPackageIdentity();
    } catch (error) {
      throw mapError(error, where);
    }
    if (!identity) throw packageIdentityRequiredError(where);
  }

  /** Runs an addon call; a failure becomes a typed error naming the operation. */
  async #call<T>(operation: string, start: () => NativeOperation<T>): Promise<T> {
    try {
      return await start().promise;
    } catch (error) {
      throw mapError(error, operation);
    }
  }
}

/** The service behind BackgroundTaskBuilder and the registrations. */
const backgroundTaskService = {
  name: 'BrokerInfrastructure',
  displayName: 'Background Tasks Infrastructure Service',
} as const;

function mapError(error: unknown, operation: string): MobileBroadbandError {
  return fromNativeError(error, {
    operation,
    service: backgroundTaskService,
    advice: {
      ERR_NOT_AUTHORIZED: notAuthorizedAdvice,
      ERR_PACKAGE_IDENTITY_REQUIRED: packageIdentityAdvice,
    },
  });
}

function toInfo(task: NativeOperatorTask): OperatorTaskInfo {
  const trigger: OperatorTaskTrigger =
    task.trigger === TriggerKind.networkOperatorNotification
      ? 'networkOperatorNotification'
      : task.trigger === TriggerKind.tetheringEntitlementCheck
        ? 'tetheringEntitlementCheck'
        : task.trigger === TriggerKind.unknown
          ? // Windows did not say: the package's own names say which trigger it gave them.
            triggerOfTaskName(task.name)
          : 'other';
  return {
    taskId: task.taskId,
    name: task.name,
    trigger,
    ...(task.networkAccountId === undefined ? {} : { networkAccountId: task.networkAccountId }),
  };
}

/** `source` with the background-task registrations added. */
export function withOperatorTasks(
  source: NotificationSource,
  operatorTasks: OperatorTaskBackend,
): NotificationSource {
  return {
    subscribe: (sink, options) => source.subscribe(sink, options),
    ...(typeof source.availability === 'function'
      ? { availability: () => source.availability!() }
      : {}),
    answerEntitlementCheck: (id, answer) => source.answerEntitlementCheck(id, answer),
    operatorTasks,
  };
}
