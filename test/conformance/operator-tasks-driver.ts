/**
 * How the operator-tasks conformance suite sets up "Windows" for a backend: the fake through
 * `fake.notifications.operatorTasks` (operator-tasks-fake-driver.ts), the native addon through
 * the Wine test component's BackgroundTaskBuilder, triggers, registrations and
 * BackgroundExecutionManager (test/windows/operator-tasks-native-driver.ts).
 */

import type { Backend } from '../../lib/backend.js';
import type { BackgroundAccessStatus } from '../../lib/notifications/operator-tasks.js';

export interface OperatorTasksDriver {
  /** 'fake' or 'native (…)'. */
  readonly name: string;
  /** The account the tasks are registered for. */
  readonly networkAccountId: string;
  /**
   * A fresh backend of a process with package identity (the operator's packaged app) on a
   * machine with no task registered and background access allowed.
   */
  createBackend(): Promise<Backend>;
  /** A fresh backend of a process without package identity (`node.exe`, the CLI). */
  createUnpackagedBackend(): Promise<Backend>;
  /** What `BackgroundExecutionManager.RequestAccessAsync` answers from now on. */
  setBackgroundAccess(status: BackgroundAccessStatus): Promise<void>;
  /**
   * Registers a task of another part of the app (not the package's: its name has another
   * prefix), with the NetworkOperatorNotificationTrigger of the account.
   */
  addForeignTask(name: string): Promise<void>;
  /** The names of every registration "Windows" holds, the package's and others, sorted. */
  registeredNames(): Promise<string[]>;
  /** Objects of "Windows" still alive after the backend closed (0 for the fake). */
  liveObjects(): Promise<number>;
}
