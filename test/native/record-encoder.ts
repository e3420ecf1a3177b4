/**
 * Writes event batches the way native/winrt/core/event-records.h and esim/esim-records.cpp do, so the
 * decoder can be tested on any OS. A change of layout must change both sides and this file.
 */

import type { EsimInfo } from '../../lib/backend.js';
import { AccountRecordKind, type AccountRecord } from '../../lib/native/account-records.js';
import { RecordKind } from '../../lib/native/event-records.js';
import {
  enumValue,
  esimProfileClasses,
  esimProfileStates,
  esimStates,
} from '../../lib/native/winrt-enums.js';

export class RecordEncoder {
  readonly words: number[] = [];
  text = '';

  string(value: string): this {
    this.words.push(value.length);
    this.text += value;
    return this;
  }

  optional(value: number | undefined): this {
    this.words.push(value === undefined ? 0 : 1, value ?? 0);
    return this;
  }

  /** An eSIM record; `failure` is the first read that failed (the fields then hold what could
   *  be read). */
  esim(
    kind: 'added' | 'updated' | 'removed',
    esim: EsimInfo,
    failure?: { hresult: number; call: string },
  ): this {
    this.words.push(RecordKind[kind]);
    this.string(esim.eid).string(esim.firmwareVersion).string(esim.modemDeviceId);
    this.optional(esim.availableMemoryBytes);
    this.words.push(enumValue(esimStates, esim.state));
    this.optional(esim.slotIndex);
    this.words.push(esim.policy.shouldEnableManagingUi ? 1 : 0, esim.profiles.length);
    for (const p of esim.profiles) {
      this.string(p.id);
      this.words.push(enumValue(esimProfileClasses, p.class));
      this.string(p.nickname).string(p.providerId).string(p.providerName);
      this.words.push(
        enumValue(esimProfileStates, p.state),
        p.policy.canDelete ? 1 : 0,
        p.policy.canDisable ? 1 : 0,
        p.policy.isManagedByEnterprise ? 1 : 0,
      );
    }
    this.words.push(failure ? failure.hresult | 0 : 0);
    return this.string(failure?.call ?? '');
  }

  /** An account record (native/winrt/modems/account-records.h). */
  account(account: AccountRecord): this {
    this.words.push(AccountRecordKind.account);
    this.string(account.networkAccountId)
      .string(account.serviceProviderGuid)
      .string(account.serviceProviderName);
    const d = account.device;
    this.words.push(d ? 1 : 0);
    if (d) {
      this.string(d.deviceId).string(d.manufacturer).string(d.model).string(d.firmwareInformation);
      this.words.push(d.deviceType, d.cellularClass, d.dataClasses | 0);
      this.string(d.customDataClass).string(d.mobileEquipmentId).string(d.subscriberId);
      this.string(d.simIccId);
      this.words.push(d.telephoneNumbers.length);
      for (const number of d.telephoneNumbers) this.string(number);
      this.words.push(d.currentRadioState, d.networkDeviceStatus);
    }
    const n = account.network;
    this.words.push(n ? 1 : 0);
    if (n) {
      this.words.push(n.networkRegistrationState);
      this.string(n.registeredProviderId).string(n.registeredProviderName);
      this.words.push(
        n.registrationNetworkError | 0,
        n.packetAttachNetworkError | 0,
        n.activationNetworkError | 0,
      );
      this.string(n.accessPointName);
      this.words.push(n.registeredDataClass | 0);
      this.string(n.networkAdapterId);
    }
    const c = account.connection;
    if (c === 'unknown') {
      this.words.push(0);
    } else if (c === undefined) {
      this.words.push(1);
    } else {
      this.words.push(2);
      this.string(c.profileName);
      this.words.push(c.connectivityLevel);
      this.optional(c.signalBars);
      const plan = c.dataPlan;
      this.words.push(plan ? 1 : 0);
      if (plan) {
        this.words.push(plan.megabytesUsed | 0);
        this.instant(plan.lastSyncTime);
        this.optional(plan.limitMegabytes === undefined ? undefined : plan.limitMegabytes | 0);
        this.instant(plan.nextBillingCycle);
      }
    }
    this.words.push(account.failure ? account.failure.hresult | 0 : 0);
    return this.string(account.failure?.call ?? '');
  }

  /** An optional instant: present (0/1), then 64 bits low and high (RecordBatch::Int64). */
  instant(ms: number | undefined): this {
    const value = ms ?? 0;
    this.words.push(ms === undefined ? 0 : 1, (value % 2 ** 32) | 0, Math.floor(value / 2 ** 32));
    return this;
  }

  control(kind: 'enumerationCompleted' | 'stopped'): this {
    this.words.push(RecordKind[kind]);
    return this;
  }

  overflow(discarded: number): this {
    this.words.push(RecordKind.overflow, discarded);
    return this;
  }

  error(hresult: number, call: string): this {
    this.words.push(RecordKind.error, hresult | 0);
    return this.string(call);
  }

  raw(...words: number[]): this {
    this.words.push(...words);
    return this;
  }

  batch(): [Int32Array, string] {
    return [Int32Array.from(this.words), this.text];
  }
}
