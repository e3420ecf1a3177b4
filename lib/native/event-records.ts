/**
 * Decodes the addon's event batches (layout: native/winrt/core/event-records.h and native/winrt/esim/esim-records.h, which this file must
 * match). The objects are made here, in JavaScript, because making them through Node-API costs
 * about a microsecond each: a batch crosses as one Int32Array and one string, and each string
 * field is a slice of that string.
 *
 * @module
 * @internal
 */

import type { EsimInfo, EsimProfileInfo } from '../backend.js';
import { BatchReader } from './batch-reader.js';
import {
  CoreRecordKind,
  decodeCoreRecord,
  undecodableBatch,
  type CoreRecordHandler,
} from './core-records.js';
import { enumName, esimProfileClasses, esimProfileStates, esimStates } from './winrt-enums.js';

/** Record kinds: the eSIM capability's (native/winrt/esim/esim-records.h) and the core ones. */
export const RecordKind = {
  added: 1,
  updated: 2,
  removed: 3,
  ...CoreRecordKind,
} as const;

/** Receives decoded records, in order. */
export interface EsimRecordHandler extends CoreRecordHandler {
  esim(kind: 'added' | 'updated' | 'removed', esim: EsimInfo): void;
  /**
   * A failure: an event that carried nothing usable, or (with `esimId`) a field of an eSIM that
   * could not be read; that eSIM was delivered just before with what could be read.
   */
  error(hresult: number, call: string, esimId?: string): void;
}

/** HRESULT reported for a record the decoder cannot read (E_UNEXPECTED). */
const unreadable = undecodableBatch;

/** A record read whole whose enum value this version does not know: framing is intact. */
class UnknownValue extends Error {}

function readProfile(reader: BatchReader, problems: string[]): EsimProfileInfo {
  const id = reader.string();
  const classValue = reader.int();
  const nickname = reader.string();
  const providerId = reader.string();
  const providerName = reader.string();
  const state = enumName(esimProfileStates, reader.int(), 'ESimProfileState', 'unknown');
  const canDelete = reader.bool();
  const canDisable = reader.bool();
  const isManagedByEnterprise = reader.bool();
  let profileClass = esimProfileClasses[classValue];
  if (profileClass === undefined) {
    problems.push(
      `profile ${id} has ESimProfileClass ${classValue}, which this version does not know`,
    );
    profileClass = 'operational';
  }
  return {
    id,
    class: profileClass,
    nickname,
    providerId,
    providerName,
    state,
    policy: { canDelete, canDisable, isManagedByEnterprise },
  };
}

/** A record's first failed read (0: none). */
interface ReadFailure {
  hresult: number;
  call: string;
}

function readEsim(reader: BatchReader): { esim: EsimInfo; failure: ReadFailure | undefined } {
  const problems: string[] = [];
  const eid = reader.string();
  const firmwareVersion = reader.string();
  const modemDeviceId = reader.string();
  const availableMemoryBytes = reader.optionalInt();
  const state = enumName(esimStates, reader.int(), 'ESimState', 'unknown');
  const slotIndex = reader.optionalInt();
  const shouldEnableManagingUi = reader.bool();
  const count = reader.int();
  const profiles: EsimProfileInfo[] = new Array<EsimProfileInfo>(count);
  for (let i = 0; i < count; i++) profiles[i] = readProfile(reader, problems);
  const failureHresult = reader.int() >>> 0;
  const failureCall = reader.string();
  if (problems.length > 0) throw new UnknownValue(problems.join('; '));
  const esim: EsimInfo = {
    id: eid !== '' ? eid : `modem:${modemDeviceId}`,
    eid,
    firmwareVersion,
    availableMemoryBytes,
    modemDeviceId,
    state,
    slotIndex,
    policy: { shouldEnableManagingUi },
    profiles,
  };
  const failure = failureHresult !== 0 ? { hresult: failureHresult, call: failureCall } : undefined;
  return { esim, failure };
}

/** Delivers an eSIM record: the eSIM, then the read that failed, if one did. */
function deliverEsim(
  kind: 'added' | 'updated' | 'removed',
  reader: BatchReader,
  handler: EsimRecordHandler,
): void {
  const { esim, failure } = readEsim(reader);
  handler.esim(kind, esim);
  if (failure) handler.error(failure.hresult, failure.call, esim.id);
}

/** Decodes one batch, calling `handler` for each record in order. */
export function decodeEsimRecords(
  words: Int32Array,
  text: string,
  handler: EsimRecordHandler,
): void {
  const reader = new BatchReader(words, text);
  while (!reader.done) {
    let kind: number;
    try {
      kind = reader.int();
      switch (kind) {
        case RecordKind.added:
          deliverEsim('added', reader, handler);
          break;
        case RecordKind.updated:
          deliverEsim('updated', reader, handler);
          break;
        case RecordKind.removed:
          deliverEsim('removed', reader, handler);
          break;
        default:
          if (!decodeCoreRecord(kind, reader, handler)) {
            throw new RangeError(`unknown event record kind ${kind}`);
          }
      }
    } catch (error) {
      if (error instanceof UnknownValue) {
        handler.error(unreadable, `reading an eSIM event (${error.message})`);
        continue;
      }
      if (!(error instanceof RangeError)) throw error;
      // The rest of the batch cannot be framed: report it once, never as data.
      handler.error(unreadable, `decoding an event record (${error.message})`);
      return;
    }
  }
}
