/**
 * The fake's notification source: records are queued and delivered to subscribers in one
 * batch on the next microtask, never inside the call that produced them, as on Windows.
 *
 * @module
 */

import type {
  EntitlementAnswer,
  NotificationAvailabilityMap,
  NotificationSink,
  NotificationSource,
  NotificationSubscribeOptions,
  NotificationSubscription,
  RawNotification,
} from '../backend.js';
import { packagedAvailability, unpackagedAvailability } from '../derived/availability.js';
import type { DerivedNotificationSource } from '../derived/derived-notification-source.js';
import { MobileBroadbandError } from '../errors.js';
import { BoundedLog, defaultRecordLimit } from './bounded-log.js';
import { FakeOperatorTasks } from './fake-operator-tasks.js';

/** An entitlement answer the fake received. */
export interface RecordedEntitlementAnswer extends EntitlementAnswer {
  entitlementCheckId: string;
  /** When it arrived, on the fake's clock. */
  at: number;
}

interface PendingCheck {
  resolve(answer: EntitlementAnswer): void;
  readonly answered: Promise<EntitlementAnswer>;
}

/**
 * The fake's notification source (`fake.notifications`): the backend side of the notification
 * contract, plus what tests need to see of it (subscribers, entitlement answers).
 */
export class FakeNotificationSource implements NotificationSource {
  readonly #now: () => number;
  readonly #sinks = new Set<NotificationSink>();
  readonly #recorded: BoundedLog<RawNotification>;
  readonly #answers: BoundedLog<RecordedEntitlementAnswer>;
  readonly #pendingChecks = new Map<string, PendingCheck>();
  #queue: RawNotification[] = [];
  #flush: Promise<void> | undefined;
  #nextCheckId = 1;
  #closed = false;
  /** Unpackaged: the derived source whose records this source queues, and its subscription. */
  readonly #derived: DerivedNotificationSource | undefined;
  #derivedSubscription: Promise<NotificationSubscription> | undefined;
  #capture: RawNotification[] | undefined;
  /**
   * The background-task registrations (`mbb.notifications.registerOperatorTasks()` and the
   * others), in memory; refused without package identity (`packaged: false`), as on Windows.
   */
  readonly operatorTasks: FakeOperatorTasks;

  /**
   * @param recordLimit - records (and, apart, answers) kept for a test to look at.
   * @param derived - set when the fake plays an unpackaged process.
   */
  constructor(
    now: () => number,
    recordLimit: number = defaultRecordLimit,
    derived?: DerivedNotificationSource,
  ) {
    this.#now = now;
    this.#recorded = new BoundedLog(recordLimit);
    this.#answers = new BoundedLog(recordLimit);
    this.#derived = derived;
    this.operatorTasks = new FakeOperatorTasks(derived === undefined);
  }

  async subscribe(
    sink: NotificationSink,
    options?: NotificationSubscribeOptions,
  ): Promise<NotificationSubscription> {
    if (this.#closed) throw closedError();
    this.#sinks.add(sink);
    if (this.#derived !== undefined) {
      this.#derivedSubscription ??= this.#derived.subscribe(this.#derivedSink, options);
      try {
        await this.#derivedSubscription;
      } catch (error) {
        this.#sinks.delete(sink);
        this.#derivedSubscription = undefined;
        throw error;
      }
    }
    return {
      close: async () => {
        this.#sinks.delete(sink);
        const derived = this.#derivedSubscription;
        if (this.#sinks.size === 0 && derived !== undefined) {
          this.#derivedSubscription = undefined;
          await (await derived).close();
        }
      },
      setTypes: (types) => {
        void this.#derivedSubscription?.then((s) => s.setTypes?.(types));
      },
    };
  }

  /** Which types the app can receive: everything as the operator's app, else derived ones. */
  availability(): Promise<NotificationAvailabilityMap> {
    return Promise.resolve(
      this.#derived === undefined
        ? packagedAvailability()
        : unpackagedAvailability({ hotspot: true }),
    );
  }

  /** Derived records join the queue, so recorded(), settled() and ordering work the same. */
  readonly #derivedSink: NotificationSink = {
    deliver: (records) => {
      for (const record of records) this.queue(record);
    },
    overflow: (discarded) => {
      for (const sink of [...this.#sinks]) sink.overflow(discarded);
    },
    error: (error) => {
      for (const sink of [...this.#sinks]) sink.error(error);
    },
  };

  /** Runs `fn`; returns the records queued meanwhile and when they are delivered. */
  capture(fn: () => void): { records: RawNotification[]; delivered: Promise<void> } {
    const records: RawNotification[] = [];
    const outer = this.#capture;
    this.#capture = records;
    try {
      fn();
    } finally {
      this.#capture = outer;
    }
    outer?.push(...records);
    return { records, delivered: this.settled() };
  }

  answerEntitlementCheck(entitlementCheckId: string, answer: EntitlementAnswer): Promise<void> {
    const pending = this.#pendingChecks.get(entitlementCheckId);
    if (pending === undefined) {
      return Promise.reject(
        new MobileBroadbandError(
          'ERR_INVALID_STATE',
          `No entitlement check ${JSON.stringify(entitlementCheckId)} is waiting for an answer (already answered, timed out, or never sent)`,
        ),
      );
    }
    this.#pendingChecks.delete(entitlementCheckId);
    this.#answers.push({
      entitlementCheckId,
      allow: answer.allow,
      reason: answer.reason,
      at: this.#now(),
    });
    pending.resolve({ allow: answer.allow, reason: answer.reason });
    return Promise.resolve();
  }

  /**
   * Queues a record for delivery; resolves once subscribers have received it. An entitlement
   * check without an id gets one, so it can be answered.
   */
  emit(record: RawNotification): Promise<void> {
    if (this.#closed) return Promise.reject(closedError());
    this.#enqueue(record);
    return this.#flush!;
  }

  /** Queues a record; returns it as queued (with id and timestamp) and when it is delivered. */
  queue(record: RawNotification): { record: RawNotification; delivered: Promise<void> } {
    if (this.#closed) return { record, delivered: Promise.reject(closedError()) };
    const queued = this.#enqueue(record);
    return { record: queued, delivered: this.#flush! };
  }

  /** Queues a record (no wrapper object: `emit` runs for every record a test injects). */
  #enqueue(record: RawNotification): RawNotification {
    if (record.messageType === 10 && record.entitlementCheckId === undefined) {
      record = { ...record, entitlementCheckId: `check-${this.#nextCheckId++}` };
    }
    if (record.timestamp === undefined) record = { ...record, timestamp: this.#now() };
    if (record.messageType === 10 && typeof record.entitlementCheckId === 'string') {
      this.#track(record.entitlementCheckId);
    }
    this.#recorded.push(record);
    this.#capture?.push(record);
    this.#queue.push(record);
    this.#flush ??= Promise.resolve().then(() => this.#drain());
    return record;
  }

  /** Resolves with the answer to an entitlement check the fake sent. */
  answerOf(entitlementCheckId: string): Promise<EntitlementAnswer> {
    const pending = this.#pendingChecks.get(entitlementCheckId);
    if (pending !== undefined) return pending.answered;
    const answer = this.#answers.findLast((a) => a.entitlementCheckId === entitlementCheckId);
    if (answer !== undefined)
      return Promise.resolve({ allow: answer.allow, reason: answer.reason });
    return Promise.reject(
      new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `The fake sent no entitlement check ${JSON.stringify(entitlementCheckId)}${this.#answers.dropped > 0 ? ', or its answer is older than those kept (createFakeBackend({ recordLimit }))' : ''}`,
      ),
    );
  }

  /** Windows stopped waiting for an answer: a later one is refused. */
  expire(entitlementCheckId: string): void {
    this.#pendingChecks.delete(entitlementCheckId);
  }

  /** Resolves once every queued record has been delivered. */
  settled(): Promise<void> {
    return this.#flush ?? Promise.resolve();
  }

  /** Nothing is waiting to be delivered. */
  get idle(): boolean {
    return this.#flush === undefined && this.#queue.length === 0;
  }

  /** The records kept (the latest `recordLimit`), oldest first. */
  get recorded(): readonly RawNotification[] {
    return this.#recorded.toArray();
  }

  /** Records raised but no longer kept. */
  get recordsDropped(): number {
    return this.#recorded.dropped;
  }

  /** The answers kept (the latest `recordLimit`), oldest first. */
  get answers(): readonly RecordedEntitlementAnswer[] {
    return this.#answers.toArray();
  }

  /** Whether anyone is subscribed (the app listens). */
  get subscribed(): boolean {
    return this.#sinks.size > 0;
  }

  close(): void {
    this.#closed = true;
    this.#sinks.clear();
    const derived = this.#derivedSubscription;
    this.#derivedSubscription = undefined;
    void derived?.then((s) => s.close()).catch(() => undefined);
  }

  #track(entitlementCheckId: string): void {
    let resolve!: (answer: EntitlementAnswer) => void;
    const answered = new Promise<EntitlementAnswer>((r) => (resolve = r));
    this.#pendingChecks.set(entitlementCheckId, { resolve, answered });
  }

  #drain(): void {
    this.#flush = undefined;
    const batch = this.#queue;
    this.#queue = [];
    for (const sink of [...this.#sinks]) sink.deliver(batch);
  }
}

function closedError(): MobileBroadbandError {
  return new MobileBroadbandError('ERR_CLOSED', 'The fake backend is closed; create a new one');
}
