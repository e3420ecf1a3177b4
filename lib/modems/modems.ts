/**
 * `mbb.modems`: the mobile broadband accounts of the machine and the modems behind them. Any
 * process may read them (no package identity, no capability).
 *
 * @module
 */

import type { AccountInfo, DataPlanStatus, ModemBackend } from '../backend.js';
import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';

/** A data plan's usage, with times as `Date`s. */
export interface DataPlan {
  /** Bytes used since the billing cycle started (`MegabytesUsed` × 1 048 576). */
  usedBytes: number;
  /** The plan's limit in bytes; `undefined` for a plan without one. */
  limitBytes: number | undefined;
  /** When Windows last synchronised the usage, where it says. */
  lastSyncTime: Date | undefined;
  /** When the next billing cycle starts, where the plan has one. */
  nextBillingCycle: Date | undefined;
}

/** A network account as `mbb.modems` gives it: {@link AccountInfo} with a {@link DataPlan}. */
export interface Account extends Omit<AccountInfo, 'dataPlan'> {
  /** The plan's usage; `undefined` when the account has no connection profile. */
  dataPlan: DataPlan | undefined;
}

/**
 * The accounts and modems of one connection.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * for (const account of await mbb.modems.accounts()) {
 *   console.log(account.serviceProviderName, account.network?.registrationState);
 * }
 * ```
 */
export class Modems {
  readonly #backend: ModemBackend;

  /** @internal Use {@link connect}. */
  constructor(backend: ModemBackend) {
    this.#backend = backend;
  }

  /** Every mobile broadband account on the machine; `[]` without a modem. */
  async accounts(): Promise<Account[]> {
    return (await this.#backend.accounts()).map(toAccount);
  }

  /**
   * One account by its network account id. An id that names no account is
   * `ERR_INVALID_ARGUMENT`, naming the accounts present.
   */
  async account(networkAccountId: string): Promise<Account> {
    checkId(networkAccountId, 'account');
    return toAccount(await this.#backend.account(networkAccountId));
  }

  /** The data plan's usage of an account; `undefined` when it has no connection profile. */
  async dataPlanStatus(networkAccountId: string): Promise<DataPlan | undefined> {
    checkId(networkAccountId, 'dataPlanStatus');
    return toDataPlan(await this.#backend.dataPlanStatus(networkAccountId));
  }
}

function checkId(id: unknown, method: string): void {
  if (typeof id !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `modems.${method}(networkAccountId): networkAccountId must be a string, got ${describeKind(id)}`,
    );
}

function toDate(ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ms);
}

function toDataPlan(status: DataPlanStatus | undefined): DataPlan | undefined {
  if (status === undefined) return undefined;
  return {
    usedBytes: status.usedBytes,
    limitBytes: status.limitBytes,
    lastSyncTime: toDate(status.lastSyncTime),
    nextBillingCycle: toDate(status.nextBillingCycle),
  };
}

function toAccount(info: AccountInfo): Account {
  return { ...info, dataPlan: toDataPlan(info.dataPlan) };
}
