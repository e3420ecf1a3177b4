/**
 * The fake's background-task registrations (`fake.notifications.operatorTasks`): an in-memory
 * `BackgroundTaskRegistration.AllTasks` with the rules Windows applies to the package's
 * registration helpers. A process without package identity (`packaged: false`) is refused
 * with `ERR_PACKAGE_IDENTITY_REQUIRED`, as Windows refuses it; background access Windows would
 * deny is a knob ({@link FakeOperatorTasks.setBackgroundAccess}).
 *
 * @module
 */

import type {
  OperatorTaskBackend,
  OperatorTaskInfo,
  OperatorTaskRegistrationOptions,
  OperatorTaskTrigger,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import {
  backgroundAccessDeniedError,
  backgroundAccessStatuses,
  checkOperatorTaskOptions,
  isBackgroundAccessDenied,
  operatorTaskEntryPoint,
  operatorTaskNames,
  packageIdentityRequiredError,
  packageTasks,
  type BackgroundAccessStatus,
} from '../notifications/operator-tasks.js';
import { describeValue } from '../events/describe-value.js';

/** One task as the fake's Windows keeps it. */
export interface FakeTaskRegistration extends OperatorTaskInfo {
  /** The `TaskEntryPoint` it was registered with. */
  entryPoint: string;
}

/** Background-task registrations of the fake machine. */
export class FakeOperatorTasks implements OperatorTaskBackend {
  readonly #packaged: boolean;
  readonly #tasks = new Map<string, FakeTaskRegistration>();
  #access: BackgroundAccessStatus = 'alwaysAllowed';
  #nextId = 1;

  /** @internal Made by the fake's notification source. */
  constructor(packaged: boolean) {
    this.#packaged = packaged;
  }

  /**
   * What `BackgroundExecutionManager.RequestAccessAsync` answers from now on (default
   * `'alwaysAllowed'`). `'denied'`, `'deniedBySystemPolicy'` and `'deniedByUser'` make
   * registering fail with `ERR_NOT_AUTHORIZED`.
   */
  setBackgroundAccess(status: BackgroundAccessStatus): void {
    if (!(backgroundAccessStatuses as readonly unknown[]).includes(status)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `setBackgroundAccess(status): status must be one of ${backgroundAccessStatuses.join(', ')}, got ${describeValue(status)}`,
      );
    }
    this.#access = status;
  }

  /**
   * Every registration the fake's Windows holds, the package's and others, with its entry
   * point: what a test looks at.
   */
  registrations(): FakeTaskRegistration[] {
    return [...this.#tasks.values()].map((task) => ({ ...task }));
  }

  /**
   * Registers a task of another app component (a name and trigger of the test's choosing), as
   * if the app had registered it itself: the package's helpers must leave it alone unless its
   * name has their prefix.
   */
  addRegistration(name: string, trigger: OperatorTaskTrigger, entryPoint = 'Other.Task'): string {
    return this.#add(name, trigger, entryPoint, undefined).taskId;
  }

  async register(options: OperatorTaskRegistrationOptions): Promise<OperatorTaskInfo[]> {
    const where = 'Registering the operator tasks';
    const { networkAccountId } = checkOperatorTaskOptions(
      options,
      'registerOperatorTasks(options)',
    );
    this.#checkIdentity(where);
    if (isBackgroundAccessDenied(this.#access)) {
      throw backgroundAccessDeniedError(where, this.#access);
    }
    // Replacing: a task never runs twice for one event.
    this.#removeWhere((task) => Object.values<string>(operatorTaskNames).includes(task.name));
    const registered = [
      this.#add(
        operatorTaskNames.networkOperatorNotification,
        'networkOperatorNotification',
        operatorTaskEntryPoint,
        networkAccountId,
      ),
      this.#add(
        operatorTaskNames.tetheringEntitlementCheck,
        'tetheringEntitlementCheck',
        operatorTaskEntryPoint,
        undefined,
      ),
    ];
    return Promise.resolve(registered.map(publicInfo));
  }

  async list(): Promise<OperatorTaskInfo[]> {
    this.#checkIdentity('Listing the operator tasks');
    return Promise.resolve(packageTasks([...this.#tasks.values()].map(publicInfo)));
  }

  async unregister(): Promise<number> {
    this.#checkIdentity('Unregistering the operator tasks');
    const ours = new Set(packageTasks([...this.#tasks.values()]).map((task) => task.taskId));
    return Promise.resolve(this.#removeWhere((task) => ours.has(task.taskId)));
  }

  #checkIdentity(where: string): void {
    if (!this.#packaged) throw packageIdentityRequiredError(where);
  }

  #add(
    name: string,
    trigger: OperatorTaskTrigger,
    entryPoint: string,
    networkAccountId: string | undefined,
  ): FakeTaskRegistration {
    const taskId = `{00000000-0000-4000-8000-${(this.#nextId++).toString(16).padStart(12, '0')}}`;
    const task: FakeTaskRegistration = {
      taskId,
      name,
      trigger,
      ...(networkAccountId === undefined ? {} : { networkAccountId }),
      entryPoint,
    };
    this.#tasks.set(taskId, task);
    return task;
  }

  #removeWhere(predicate: (task: FakeTaskRegistration) => boolean): number {
    let removed = 0;
    for (const [id, task] of this.#tasks) {
      if (predicate(task)) {
        this.#tasks.delete(id);
        removed++;
      }
    }
    return removed;
  }
}

function publicInfo(task: FakeTaskRegistration): OperatorTaskInfo {
  return {
    taskId: task.taskId,
    name: task.name,
    trigger: task.trigger,
    ...(task.networkAccountId === undefined ? {} : { networkAccountId: task.networkAccountId }),
  };
}
