/**
 * Decodes the addon's account-watcher and network-status records (layout:
 * native/winrt/modems/modems-watch.h, which this file must match).
 *
 * @module
 * @internal
 */

import { BatchReader } from './batch-reader.js';
import { decodeCoreRecord, undecodableBatch, type CoreRecordHandler } from './core-records.js';

/** The modems capability's event record kinds (native/winrt/modems/modems-watch.h). */
export const ModemEventKind = {
  accountAdded: 0x102,
  accountUpdated: 0x103,
  accountRemoved: 0x104,
  networkStatusChanged: 0x105,
} as const;

/** What a decoded batch hands over, in order. */
export interface ModemEventHandler extends CoreRecordHandler {
  accountAdded(networkAccountId: string): void;
  accountUpdated(networkAccountId: string, deviceChanged: boolean, networkChanged: boolean): void;
  accountRemoved(networkAccountId: string): void;
  networkStatusChanged(): void;
}

export function decodeModemEvents(
  words: Int32Array,
  text: string,
  handler: ModemEventHandler,
): void {
  const reader = new BatchReader(words, text);
  while (!reader.done) {
    try {
      const kind = reader.int();
      switch (kind) {
        case ModemEventKind.accountAdded:
          handler.accountAdded(reader.string());
          break;
        case ModemEventKind.accountUpdated: {
          const id = reader.string();
          const device = reader.bool();
          handler.accountUpdated(id, device, reader.bool());
          break;
        }
        case ModemEventKind.accountRemoved:
          handler.accountRemoved(reader.string());
          break;
        case ModemEventKind.networkStatusChanged:
          handler.networkStatusChanged();
          break;
        default:
          if (!decodeCoreRecord(kind, reader, handler)) {
            throw new RangeError(`unknown modem event record kind ${kind}`);
          }
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // The rest of the batch cannot be framed: report it once, never as data.
      handler.error(undecodableBatch, `decoding a modem event record (${error.message})`);
      return;
    }
  }
}
