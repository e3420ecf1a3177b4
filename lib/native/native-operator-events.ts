/**
 * The notification source of a serving process (the operator's packaged app, or `wmbb serve`
 * started by COM): Windows' own events, forwarded by the package's background-task component
 * to the COM class `WindowsMobileBroadband.OperatorEvents` this process registers while
 * someone listens (native/winrt/operator/operator-events.h). Records are `origin: 'system'`;
 * entitlement checks are answered through the addon, which hands the answer to the component's
 * waiting call.
 *
 * @module
 * @internal
 */

import type {
  EntitlementAnswer,
  NotificationAvailabilityMap,
  NotificationSink,
  NotificationSource,
  NotificationSubscription,
  RawNotification,
} from '../backend.js';
import { packagedAvailability } from '../derived/availability.js';
import { MobileBroadbandError } from '../errors.js';
import type { NativeAddon, NativeOperatorServer } from './addon-types.js';
import { BatchReader } from './batch-reader.js';
import { decodeCoreRecord, undecodableBatch } from './core-records.js';
import { errorFromHresult, fromNativeError } from './hresult.js';
import { operatorEventFromBlob } from './operator-event-blob.js';

/** The record kind of one blob (native/winrt/operator/operator-events.h). */
export const OperatorRecordKind = { operatorEvent: 0x201 } as const;

/** CO_E_OBJISREG: the class is registered in this process already. */
const classAlreadyRegistered = 0x800401fc;

/**
 * Blobs waiting for JavaScript at most. Each may be up to 1 MiB (2 MiB of UTF-16), so this
 * bound is far below the watchers' 65 536; operator events are rare. Entitlement checks are
 * never discarded (each holds a caller until answered).
 */
export const maxQueuedOperatorEvents = 256;

/** What a consumer of decoded operator records does with them. */
export interface OperatorRecordHandler {
  event(checkId: number, blob: string): void;
  overflow(discarded: number): void;
  error(hresult: number, call: string): void;
}

/** Decodes one batch of the server's records; an unframeable batch is an error. */
export function decodeOperatorRecords(
  words: Int32Array,
  text: string,
  handler: OperatorRecordHandler,
): void {
  const reader = new BatchReader(words, text);
  try {
    while (!reader.done) {
      const kind = reader.int();
      if (kind === OperatorRecordKind.operatorEvent) {
        const checkId = reader.int() >>> 0;
        handler.event(checkId, reader.string());
      } else if (
        !decodeCoreRecord(kind, reader, {
          enumerationCompleted: () => {},
          stopped: () => {},
          overflow: (n) => handler.overflow(n),
          error: (hresult, call) => handler.error(hresult, call),
        })
      ) {
        handler.error(undecodableBatch, `operator events: record kind ${kind}`);
        return;
      }
    }
  } catch {
    handler.error(undecodableBatch, 'operator events: a truncated record');
  }
}

/** The answer string of the hop: "1" allows, "0" + reason denies. */
export function answerText(answer: EntitlementAnswer): string {
  return answer.allow ? '1' : `0${answer.reason}`;
}

/** The serving source; one registration of the class, shared by every subscription. */
export class NativeOperatorEvents implements NotificationSource {
  readonly #addon: NativeAddon;
  readonly #maxBatch: number;
  readonly #sinks = new Set<NotificationSink>();
  #server: Promise<NativeOperatorServer> | undefined;

  constructor(addon: NativeAddon, limits: { maxBatch: number }) {
    this.#addon = addon;
    this.#maxBatch = limits.maxBatch;
  }

  async subscribe(sink: NotificationSink): Promise<NotificationSubscription> {
    this.#sinks.add(sink);
    try {
      this.#server ??= this.#serve();
      await this.#server;
    } catch (error) {
      this.#sinks.delete(sink);
      this.#server = undefined;
      throw error;
    }
    return {
      close: async () => {
        if (!this.#sinks.delete(sink) || this.#sinks.size > 0) return;
        const server = this.#server;
        this.#server = undefined;
        // Releases every waiting caller (VT_EMPTY) at once, then revokes the class.
        if (server !== undefined) await (await server).close().promise;
      },
    };
  }

  /** Every type comes from Windows, as the operator's app. */
  availability(): Promise<NotificationAvailabilityMap> {
    return Promise.resolve(packagedAvailability());
  }

  async answerEntitlementCheck(
    entitlementCheckId: string,
    answer: EntitlementAnswer,
  ): Promise<void> {
    const server = this.#server === undefined ? undefined : await this.#server.catch(() => {});
    const checkId = Number(entitlementCheckId);
    if (
      server === undefined ||
      !Number.isInteger(checkId) ||
      !server.answer(checkId, answerText(answer))
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `No entitlement check ${JSON.stringify(entitlementCheckId)} is waiting for an answer (already answered, past the caller's deadline, or the server closed; the component then sent its configured default)`,
      );
    }
  }

  async #serve(): Promise<NativeOperatorServer> {
    let server: NativeOperatorServer | undefined;
    const onBatch = (words: Int32Array, text: string): void => {
      const records: RawNotification[] = [];
      decodeOperatorRecords(words, text, {
        event: (checkId, blob) => {
          const record = operatorEventFromBlob(blob, { checkId });
          // A check that cannot be answered (its blob has issues) releases its caller now,
          // with no answer: the component applies its configured default.
          if (checkId !== 0 && record.entitlementCheckId === undefined)
            server?.answer(checkId, null);
          records.push(record);
        },
        overflow: (discarded) => {
          this.#deliver(records.splice(0));
          for (const sink of [...this.#sinks]) sink.overflow(discarded);
        },
        error: (hresult, call) => {
          this.#deliver(records.splice(0));
          const error = errorFromHresult(hresult, call, { operation: 'Serving operator events' });
          for (const sink of [...this.#sinks]) sink.error(error);
        },
      });
      this.#deliver(records);
    };
    try {
      server = await this.#addon.operator.serve(onBatch, this.#maxBatch, maxQueuedOperatorEvents)
        .promise;
      return server;
    } catch (error) {
      const failure = fromNativeError(error, { operation: 'Serving operator events' });
      if (failure.hresult === classAlreadyRegistered) {
        throw new MobileBroadbandError(
          'ERR_INVALID_STATE',
          'Serving operator events: another connection of this process serves them already (one serving connection per process)',
          { cause: error, hresult: classAlreadyRegistered },
        );
      }
      throw failure;
    }
  }

  #deliver(records: RawNotification[]): void {
    if (records.length === 0) return;
    for (const sink of [...this.#sinks]) sink.deliver(records);
  }
}
