/**
 * The fake's local data counter and plan, following the DataPlanThresholdReached rules of the
 * MobileOperatorNotification documents (Windows 8.1 and later):
 *
 * - Off unless the plan sets DataUsageInMobileOperatorNotificationEnabled.
 * - Raised when local usage has grown, since the last such event, by at least 5 % of the plan's
 *   limit (home network, limit set), 100 MB (home network, no limit), or 5 MB (roaming or
 *   partner network; the limit does not apply there).
 * - As soon as the step is reached (Windows 8 checked once a minute); one event per
 *   observation, however many steps a transfer crossed; the next step counts from the usage at
 *   that event.
 *
 * Usage and limit also follow operator messages whose provisioning rule parses them: Windows
 * updates the counter before the app sees the message. Such an update re-bases the threshold
 * steps on the reported usage (it is a correction of the counter, not local traffic).
 *
 * @module
 */

import {
  DataPlanThresholds,
  thresholdStep,
  thresholdSteps,
} from '../derived/data-plan-thresholds.js';

/** The plan as the fake applies it (from a provisioning document's Plan). */
export interface FakePlan {
  /** The plan's name (`Plan/@Name`). */
  name?: string;
  /** The data limit in bytes (`DataLimitInMegabytes` × 1 048 576), if the plan is capped. */
  limitBytes?: number;
  /** `DataUsageInMobileOperatorNotificationEnabled`. */
  notificationsEnabled: boolean;
}

/** The counter as `fake.usage()` reports it. */
export interface FakeUsage {
  /** Bytes counted since the start of the billing cycle. */
  usedBytes: number;
  /** The limit in bytes, or `undefined` for a plan without one. */
  limitBytes: number | undefined;
}

export { thresholdSteps };

/** @internal */
export class FakeDataPlan {
  #used = 0;
  #limit: number | undefined;
  #notificationsEnabled = false;
  #planName: string | undefined;
  /** Where the next DataPlanThresholdReached counts from: the rule derived notifications share. */
  readonly #thresholds = new DataPlanThresholds();
  /** When the counter last changed (`DataPlanUsage.LastSyncTime`). */
  #lastSync: number | undefined;
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** When the counter last changed, if ever. */
  get lastSyncTime(): number | undefined {
    return this.#lastSync;
  }

  get planName(): string | undefined {
    return this.#planName;
  }

  get notificationsEnabled(): boolean {
    return this.#notificationsEnabled;
  }

  usage(): FakeUsage {
    return { usedBytes: this.#used, limitBytes: this.#limit };
  }

  /** Applies a provisioned plan. Usage is kept; the threshold steps count from here. */
  apply(plan: FakePlan): void {
    this.#planName = plan.name;
    this.#limit = plan.limitBytes;
    this.#notificationsEnabled = plan.notificationsEnabled;
    this.#thresholds.rebase(this.#used);
  }

  /** The step that applies now, in bytes. */
  step(roaming: boolean): number {
    return thresholdStep(this.#limit, roaming);
  }

  /** Counts a transfer; returns whether a DataPlanThresholdReached is due. */
  transfer(bytes: number, roaming: boolean): boolean {
    this.#used += bytes;
    this.#lastSync = this.#now();
    if (!this.#notificationsEnabled) return false;
    return this.#thresholds.reached(this.#used, this.#limit, roaming);
  }

  /** Corrects the counter from an operator message's parsed fields. */
  correct(fields: { usageBytes?: number; dataLimitBytes?: number }): void {
    if (fields.dataLimitBytes !== undefined) this.#limit = fields.dataLimitBytes;
    if (fields.usageBytes !== undefined) {
      this.#used = fields.usageBytes;
      this.#lastSync = this.#now();
      this.#thresholds.rebase(this.#used);
    }
  }

  /** Billing-cycle reset: local usage back to zero. */
  reset(): void {
    this.#used = 0;
    this.#thresholds.rebase(0);
    this.#lastSync = this.#now();
  }
}
