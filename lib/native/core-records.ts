/**
 * The record kinds every capability shares (native/winrt/core/event-records.h): how a watcher's
 * batch says that its enumeration completed, that it stopped, that events were discarded, or
 * that a read failed. Each capability's decoder handles its own kinds and hands these here.
 *
 * @module
 * @internal
 */

import type { BatchReader } from './batch-reader.js';

/** The core record kinds. */
export const CoreRecordKind = {
  enumerationCompleted: 4,
  stopped: 5,
  overflow: 6,
  error: 7,
} as const;

/** What a watcher's consumer does with the core records. */
export interface CoreRecordHandler {
  enumerationCompleted(): void;
  stopped(): void;
  overflow(discarded: number): void;
  error(hresult: number, call: string): void;
}

/** The HRESULT reported for a batch that cannot be framed (E_UNEXPECTED). */
export const undecodableBatch = 0x8000ffff;

/**
 * Reads the body of a core record of `kind` and hands it to `handler`; false when `kind` is not
 * a core kind (the caller's own, or unknown).
 */
export function decodeCoreRecord(
  kind: number,
  reader: BatchReader,
  handler: CoreRecordHandler,
): boolean {
  switch (kind) {
    case CoreRecordKind.enumerationCompleted:
      handler.enumerationCompleted();
      return true;
    case CoreRecordKind.stopped:
      handler.stopped();
      return true;
    case CoreRecordKind.overflow:
      handler.overflow(reader.int());
      return true;
    case CoreRecordKind.error:
      handler.error(reader.int() >>> 0, reader.string());
      return true;
    default:
      return false;
  }
}
