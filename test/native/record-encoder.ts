/**
 * Writes event batches the way native/winrt/core/event-records.h and esim/esim-records.cpp do, so the
 * decoder can be tested on any OS. A change of layout must change both sides and this file.
 */

import type { EsimInfo } from '../../lib/backend.js';
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
