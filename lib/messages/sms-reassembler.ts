/**
 * Joins the parts of concatenated SMS (TS 23.040 §9.2.3.24.1) into whole messages.
 *
 * Parts are keyed by sender, reference number (8- and 16-bit references are kept apart) and
 * number of parts; they may arrive in any order. A part whose position is already filled is a
 * duplicate and is dropped (and counted), also when it arrives shortly after its message was
 * completed: a retransmitted part carries the same service centre time stamp, so the
 * reassembler remembers the parts of completed messages for one timeout. A new message that
 * reuses the reference gets a different time stamp and is accepted.
 *
 * A message still incomplete `timeoutMs` after its first part arrived is given up and reported
 * through `onIncomplete`, with the positions received and missing. At most `maxPending`
 * messages wait at once; a first part of one more message gives up the oldest waiting message
 * (reported with reason `'evicted'`), so memory stays bounded whatever arrives.
 *
 * Timers run on the given {@link Clock} (the fake backend's virtual clock in tests) and never
 * keep the process alive.
 *
 * @module
 */

import { systemClock, type Clock, type TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { describeValue } from '../events/describe-value.js';
import { callUserCode, listenerFailedError, warnUnhandled } from '../events/listener-failure.js';
import { allocateBytes } from './allocate-bytes.js';
import type { DecodedSms } from './decode-sms-pdu.js';

/** Options of {@link SmsReassembler}. */
export interface SmsReassemblerOptions {
  /**
   * How long to wait for the missing parts of a message, from the arrival of its first part,
   * in ms of `clock`. Default 10 minutes.
   */
  timeoutMs?: number;
  /** Messages waiting for parts at most; default 100. */
  maxPending?: number;
  /** The clock for timeouts. Default: {@link systemClock}. */
  clock?: Clock;
  /**
   * Called with each message given up (timeout or eviction). If it throws (anything) or
   * rejects, the failure becomes a process warning `ERR_LISTENER_FAILED` with the thrown value
   * as the cause; it is never thrown again. It may call {@link SmsReassembler.close}, but not
   * {@link SmsReassembler.add} while an `add()` is running (an eviction): that `add()` throws
   * `ERR_INVALID_STATE`, so the bound on pending messages holds.
   */
  onIncomplete?: (report: IncompleteSms) => void;
}

/** A whole message: one part, or every part of a concatenated message. */
export interface ReassembledSms {
  /** The sender (of every part). */
  readonly sender: string;
  /** The concatenation reference, or `undefined` for a message that was not split. */
  readonly reference: number | undefined;
  /** Whether the reference was 8- or 16-bit; `undefined` for a message that was not split. */
  readonly referenceBits: 8 | 16 | undefined;
  /** Number of parts. */
  readonly total: number;
  /**
   * The parts' texts joined in order (a surrogate pair split between parts is whole again);
   * `undefined` when any part has no text (8-bit data).
   */
  readonly text: string | undefined;
  /** The parts' `userData` joined in order. */
  readonly userData: Uint8Array;
  /** The first part's service centre time stamp. */
  readonly timestamp: Date;
  /** The first part's time zone offset in minutes. */
  readonly timeZoneOffsetMinutes: number;
  /** The parts in order. */
  readonly parts: readonly DecodedSms[];
}

/** Why a message was given up. */
export type IncompleteReason = 'timeout' | 'evicted' | 'closed';

/** A message given up before all its parts arrived. */
export interface IncompleteSms {
  /** `'timeout'`, `'evicted'` (too many pending messages) or `'closed'` ({@link SmsReassembler.close}). */
  readonly reason: IncompleteReason;
  readonly sender: string;
  readonly reference: number;
  readonly referenceBits: 8 | 16;
  readonly total: number;
  /** Positions received, ascending (from 1). */
  readonly received: readonly number[];
  /** Positions missing, ascending (from 1). */
  readonly missing: readonly number[];
  /** The parts received, in order. */
  readonly parts: readonly DecodedSms[];
  /** When the first part arrived, in ms of the reassembler's clock. */
  readonly firstReceivedAt: number;
}

/** Counters of a {@link SmsReassembler}. */
export interface SmsReassemblerStats {
  /** Messages waiting for parts now. */
  readonly pending: number;
  /** Messages returned whole by {@link SmsReassembler.add}. */
  readonly completed: number;
  /** Parts dropped as duplicates. */
  readonly duplicatesDropped: number;
  /** Messages given up (timeout or eviction). */
  readonly incomplete: number;
}

interface Pending {
  readonly sender: string;
  readonly reference: number;
  readonly referenceBits: 8 | 16;
  readonly total: number;
  readonly parts: (DecodedSms | undefined)[];
  received: number;
  readonly firstReceivedAt: number;
  readonly timer: TimerHandle;
}

interface Completed {
  readonly expiresAt: number;
  /** `sequence:timestamp` of each part. */
  readonly fingerprints: ReadonlySet<string>;
}

const defaultTimeoutMs = 10 * 60_000;
const defaultMaxPending = 100;
/** Node's timers fire at once beyond this (and warn); refuse it instead. */
const maxTimeoutMs = 2 ** 31 - 1;

/**
 * Reassembles concatenated SMS.
 *
 * @example
 * ```ts
 * import { decodeSmsPdu, SmsReassembler } from 'windows-mobile-broadband/messages';
 * const reassembler = new SmsReassembler({
 *   timeoutMs: 5 * 60_000,
 *   onIncomplete: (report) => console.warn(`gave up on ${report.sender}: missing ${report.missing.join(', ')}`),
 * });
 * function onPdu(hex: string): void {
 *   const whole = reassembler.add(decodeSmsPdu(hex));
 *   if (whole !== undefined) console.log(whole.sender, whole.text);
 * }
 * onPdu('07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37');
 * reassembler.close();
 * ```
 */
export class SmsReassembler {
  readonly #timeoutMs: number;
  readonly #maxPending: number;
  readonly #clock: Clock;
  readonly #onIncomplete: ((report: IncompleteSms) => void) | undefined;
  /** Insertion order = arrival order of first parts, so the first entry is the oldest. */
  readonly #pending = new Map<string, Pending>();
  /** Insertion order = completion order = expiry order. */
  readonly #completed = new Map<string, Completed>();
  #closed = false;
  /** An add() is running: onIncomplete (called for an eviction) must not add more. */
  #adding = false;
  #completedCount = 0;
  #duplicates = 0;
  #incomplete = 0;

  /**
   * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` for a `timeoutMs` that is not a
   *   positive number of ms up to 2³¹−1, or a `maxPending` that is not a positive integer.
   */
  constructor(options: SmsReassemblerOptions = {}) {
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= maxTimeoutMs)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `timeoutMs must be a number of ms above 0 and at most ${maxTimeoutMs}, got ${describeValue(timeoutMs)}`,
      );
    }
    const maxPending = options.maxPending ?? defaultMaxPending;
    if (!Number.isInteger(maxPending) || maxPending < 1) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `maxPending must be a positive integer, got ${describeValue(maxPending)}`,
      );
    }
    this.#timeoutMs = timeoutMs;
    this.#maxPending = maxPending;
    this.#clock = options.clock ?? systemClock;
    this.#onIncomplete = options.onIncomplete;
  }

  /** Messages waiting for parts. */
  get pending(): number {
    return this.#pending.size;
  }

  /** The counters. */
  get stats(): SmsReassemblerStats {
    return {
      pending: this.#pending.size,
      completed: this.#completedCount,
      duplicatesDropped: this.#duplicates,
      incomplete: this.#incomplete,
    };
  }

  /**
   * Adds a decoded SMS. Returns the whole message when this part completes it (a message
   * without a concatenation element, or "part 1 of 1", is complete at once), otherwise
   * `undefined`: more parts are needed, or the part was a duplicate. Only messages with a
   * concatenation element can be recognised as duplicates.
   *
   * @throws MobileBroadbandError `ERR_CLOSED` after {@link SmsReassembler.close};
   *   `ERR_INVALID_ARGUMENT` for something that is not a decoded SMS, or a concatenation whose
   *   numbers are impossible; `ERR_INVALID_STATE` when called from `onIncomplete` during
   *   another `add()`.
   */
  add(sms: DecodedSms): ReassembledSms | undefined {
    if (this.#closed) {
      throw new MobileBroadbandError('ERR_CLOSED', 'The SMS reassembler was closed');
    }
    if (this.#adding) {
      // Refused rather than queued: an onIncomplete that adds a new message each time it is
      // told of an eviction would otherwise evict, and add, without end.
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        'add() was called from onIncomplete during another add() (an eviction); call it after onIncomplete returns, for example in queueMicrotask()',
      );
    }
    this.#adding = true;
    try {
      return this.#add(sms);
    } finally {
      this.#adding = false;
    }
  }

  #add(sms: DecodedSms): ReassembledSms | undefined {
    if (
      typeof sms !== 'object' ||
      sms === null ||
      typeof sms.sender !== 'string' ||
      !(sms.timestamp instanceof Date)
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'add(sms) takes an SMS from decodeSmsPdu() (an object with a sender and a timestamp)',
      );
    }
    const concatenation = sms.userDataHeader?.concatenation;
    if (concatenation === undefined) {
      // Nothing identifies a retransmission of an unsplit message; it is complete as it is.
      this.#completedCount++;
      return assemble([sms], undefined, undefined);
    }
    const { reference, referenceBits, total, sequence } = concatenation;
    if (
      !Number.isInteger(total) ||
      !Number.isInteger(sequence) ||
      total > 255 ||
      sequence < 1 ||
      sequence > total
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `The SMS says it is part ${sequence} of ${total}; parts are numbered 1 to at most 255`,
      );
    }
    const key = `${sms.sender}\u0000${referenceBits}\u0000${reference}\u0000${total}`;
    const fingerprint = `${sequence}:${sms.timestamp.getTime()}`;

    this.#forgetExpiredCompletions();
    if (this.#completed.get(key)?.fingerprints.has(fingerprint) === true) {
      this.#duplicates++;
      return undefined;
    }

    let entry = this.#pending.get(key);
    if (entry === undefined && total === 1) {
      // A "1 of 1" message: complete at once, but remembered so a retransmission is dropped.
      this.#rememberCompletion(key, [sms]);
      this.#completedCount++;
      return assemble([sms], reference, referenceBits);
    }
    if (entry === undefined) {
      if (this.#pending.size >= this.#maxPending) {
        this.#evictOldest();
        // onIncomplete may have closed the reassembler.
        if (this.#closed) {
          throw new MobileBroadbandError('ERR_CLOSED', 'The SMS reassembler was closed');
        }
      }
      const created: Pending = {
        sender: sms.sender,
        reference,
        referenceBits,
        total,
        parts: new Array<DecodedSms | undefined>(total).fill(undefined),
        received: 0,
        firstReceivedAt: this.#clock.now(),
        timer: this.#clock.setTimeout(() => this.#timedOut(key, created), this.#timeoutMs),
      };
      created.timer.unref?.();
      this.#pending.set(key, created);
      entry = created;
    }
    if (entry.parts[sequence - 1] !== undefined) {
      this.#duplicates++;
      return undefined;
    }
    entry.parts[sequence - 1] = sms;
    entry.received++;
    if (entry.received < total) return undefined;

    this.#clock.clearTimeout(entry.timer);
    this.#pending.delete(key);
    const parts = entry.parts as DecodedSms[];
    this.#rememberCompletion(key, parts);
    this.#completedCount++;
    return assemble(parts, reference, referenceBits);
  }

  /**
   * Stops every timer and returns the messages still waiting for parts (reason `'closed'`,
   * not passed to `onIncomplete`). Further {@link SmsReassembler.add} calls throw `ERR_CLOSED`.
   * Calling it again returns an empty list.
   */
  close(): IncompleteSms[] {
    this.#closed = true;
    const reports: IncompleteSms[] = [];
    for (const entry of this.#pending.values()) {
      this.#clock.clearTimeout(entry.timer);
      reports.push(report(entry, 'closed'));
    }
    this.#pending.clear();
    this.#completed.clear();
    return reports;
  }

  #timedOut(key: string, entry: Pending): void {
    if (this.#pending.get(key) !== entry) return;
    this.#pending.delete(key);
    this.#giveUp(entry, 'timeout');
  }

  #evictOldest(): void {
    const oldest = this.#pending.entries().next().value;
    if (oldest === undefined) return;
    const [key, entry] = oldest;
    this.#clock.clearTimeout(entry.timer);
    this.#pending.delete(key);
    this.#giveUp(entry, 'evicted');
  }

  #giveUp(entry: Pending, reason: IncompleteReason): void {
    this.#incomplete++;
    const callback = this.#onIncomplete;
    if (callback === undefined) return;
    callUserCode(callback, report(entry, reason), onIncompleteFailed);
  }

  #rememberCompletion(key: string, parts: readonly DecodedSms[]): void {
    this.#completed.delete(key);
    this.#completed.set(key, {
      expiresAt: this.#clock.now() + this.#timeoutMs,
      fingerprints: new Set(parts.map((p, i) => `${i + 1}:${p.timestamp.getTime()}`)),
    });
    // Bounded like the pending messages.
    if (this.#completed.size > this.#maxPending) {
      const oldest = this.#completed.keys().next().value;
      if (oldest !== undefined) this.#completed.delete(oldest);
    }
  }

  #forgetExpiredCompletions(): void {
    if (this.#completed.size === 0) return;
    const now = this.#clock.now();
    for (const [key, completed] of this.#completed) {
      if (completed.expiresAt > now) break;
      this.#completed.delete(key);
    }
  }
}

function onIncompleteFailed(error: unknown): void {
  warnUnhandled(listenerFailedError('The onIncomplete callback of the SMS reassembler', error));
}

function report(entry: Pending, reason: IncompleteReason): IncompleteSms {
  const received: number[] = [];
  const missing: number[] = [];
  const parts: DecodedSms[] = [];
  entry.parts.forEach((part, i) => {
    if (part === undefined) {
      missing.push(i + 1);
    } else {
      received.push(i + 1);
      parts.push(part);
    }
  });
  return {
    reason,
    sender: entry.sender,
    reference: entry.reference,
    referenceBits: entry.referenceBits,
    total: entry.total,
    received,
    missing,
    parts,
    firstReceivedAt: entry.firstReceivedAt,
  };
}

function assemble(
  parts: readonly DecodedSms[],
  reference: number | undefined,
  referenceBits: 8 | 16 | undefined,
): ReassembledSms {
  const first = parts[0]!;
  let text: string | undefined = '';
  let length = 0;
  for (const part of parts) {
    text = text === undefined || part.text === undefined ? undefined : text + part.text;
    length += part.userData.length;
  }
  const userData = allocateBytes(length);
  let at = 0;
  for (const part of parts) {
    userData.set(part.userData, at);
    at += part.userData.length;
  }
  return {
    sender: first.sender,
    reference,
    referenceBits,
    total: parts.length,
    text,
    userData,
    timestamp: first.timestamp,
    timeZoneOffsetMinutes: first.timeZoneOffsetMinutes,
    parts,
  };
}
