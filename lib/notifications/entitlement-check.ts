/**
 * Tethering entitlement checks (MessageType 10): each is answered exactly once, by a handler or
 * by the configured default, and never left unanswered — Windows keeps the user waiting until
 * the operator app answers.
 *
 * @module
 */

import type { Clock, TimerHandle } from '../clock.js';
import type { EntitlementAnswer, NotificationSource } from '../backend.js';
import { describeValue } from '../events/describe-value.js';
import { MobileBroadbandError } from '../errors.js';
import { checkTimerDelay } from '../time-values.js';
import type {
  EntitlementOutcome,
  NotificationBase,
  TetheringEntitlementCheckNotification,
} from './notification.js';

/** How unanswered entitlement checks are handled. */
export interface EntitlementOptions {
  /**
   * How long handlers have to call `authorize()` before the default answer is sent, in
   * milliseconds of the backend's clock, from 0 to 2³¹−1 (a Node timer's range). Default 10 000.
   */
  timeoutMs?: number;
  /**
   * The answer sent when no handler answers in time, nobody listens, or the connection closes.
   * Default: deny, with a reason saying that no handler answered.
   */
  defaultAnswer?: { allow: boolean; reason?: string };
}

/** The longest default reason accepted: it is shown to the user by Windows. */
const maxReasonLength = 1024;

/** Why the default answer went out. */
type DefaultCause = 'timeout' | 'no-listener' | 'closed';

const defaultReasons: Record<DefaultCause, (timeoutMs: number) => string> = {
  timeout: (ms) => `No handler answered the tethering entitlement check within ${ms} ms`,
  'no-listener': () => 'No handler is listening for tethering entitlement checks',
  closed: () => 'The connection closed before a handler answered the entitlement check',
};

/** Creates and tracks the answerable entitlement-check notifications of one connection. */
export class EntitlementChecks {
  readonly #source: NotificationSource;
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  readonly #defaultAnswer: { allow: boolean; reason?: string };
  readonly #reportError: (error: MobileBroadbandError) => void;
  readonly #pending = new Set<EntitlementCheck>();

  constructor(
    source: NotificationSource,
    clock: Clock,
    options: EntitlementOptions,
    reportError: (error: MobileBroadbandError) => void,
  ) {
    if (typeof options !== 'object' || options === null)
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'entitlement must be an object { timeoutMs?, defaultAnswer? }',
      );
    // A Node timer of 2³¹ ms or more fires after 1 ms: the range is checked here, where the
    // value enters, with the allowed range in the message.
    const timeoutMs = checkTimerDelay(options.timeoutMs ?? 10_000, 'entitlement.timeoutMs');
    const defaultAnswer = options.defaultAnswer ?? { allow: false };
    if (
      typeof defaultAnswer !== 'object' ||
      defaultAnswer === null ||
      typeof defaultAnswer.allow !== 'boolean'
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'entitlement.defaultAnswer must be { allow: boolean, reason?: string }',
      );
    }
    if (
      defaultAnswer.reason !== undefined &&
      (typeof defaultAnswer.reason !== 'string' || defaultAnswer.reason.length > maxReasonLength)
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `entitlement.defaultAnswer.reason must be a string of at most ${maxReasonLength} characters`,
      );
    }
    this.#source = source;
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
    this.#defaultAnswer = defaultAnswer;
    this.#reportError = reportError;
  }

  /** Makes the notification for a check and starts its timeout. */
  create(
    base: NotificationBase,
    entitlementCheckId: string,
  ): TetheringEntitlementCheckNotification {
    const check = new EntitlementCheck(base, entitlementCheckId, this);
    this.#pending.add(check);
    check.timer = this.#clock.setTimeout(() => this.sendDefault(check, 'timeout'), this.#timeoutMs);
    return check;
  }

  /** Sends the default answer now, if the check is still unanswered. */
  sendDefault(check: TetheringEntitlementCheckNotification, cause: DefaultCause): void {
    if (!(check instanceof EntitlementCheck) || check.answer !== undefined) return;
    const allow = this.#defaultAnswer.allow;
    const reason = allow
      ? ''
      : (this.#defaultAnswer.reason ?? defaultReasons[cause](this.#timeoutMs));
    check.settle({ allow, reason, by: 'default' }).catch((error: unknown) => {
      this.#reportError(
        new MobileBroadbandError(
          'ERR_WINDOWS',
          `Sending the default entitlement answer failed: ${describeValue(error)}`,
          { cause: error },
        ),
      );
    });
  }

  /** Answers every pending check with the default (the connection is closing). */
  closeAll(): void {
    for (const check of [...this.#pending]) this.sendDefault(check, 'closed');
  }

  /** @internal */
  send(check: EntitlementCheck, answer: EntitlementAnswer): Promise<void> {
    this.#pending.delete(check);
    if (check.timer !== undefined) this.#clock.clearTimeout(check.timer);
    return this.#source.answerEntitlementCheck(check.entitlementCheckId, answer);
  }
}

/** The answerable notification. Fields are the notification's; the rest is private state. */
class EntitlementCheck implements TetheringEntitlementCheckNotification {
  readonly type = 'tetheringEntitlementCheck';
  readonly messageType = 10;
  readonly origin: NotificationBase['origin'];
  readonly networkAccountId: string | undefined;
  readonly interfaceId: string | undefined;
  readonly timestamp: Date;
  readonly sequence: number;
  readonly answered: Promise<EntitlementOutcome>;
  timer: TimerHandle | undefined;
  readonly #checks: EntitlementChecks;
  readonly #entitlementCheckId: string;
  #answer: EntitlementOutcome | undefined;
  #resolveAnswered!: (outcome: EntitlementOutcome) => void;

  constructor(base: NotificationBase, entitlementCheckId: string, checks: EntitlementChecks) {
    this.origin = base.origin;
    this.networkAccountId = base.networkAccountId;
    this.interfaceId = base.interfaceId;
    this.timestamp = base.timestamp;
    this.sequence = base.sequence;
    this.#entitlementCheckId = entitlementCheckId;
    this.#checks = checks;
    this.answered = new Promise((resolve) => (this.#resolveAnswered = resolve));
  }

  get entitlementCheckId(): string {
    return this.#entitlementCheckId;
  }

  get answer(): EntitlementOutcome | undefined {
    return this.#answer;
  }

  authorize(allow: boolean, reason?: string): Promise<void> {
    if (typeof allow !== 'boolean') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `authorize(allow, reason): allow must be a boolean, got ${typeof allow}`,
      );
    }
    if (reason !== undefined && typeof reason !== 'string') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `authorize(allow, reason): reason must be a string, got ${typeof reason}`,
      );
    }
    if (this.#answer !== undefined) {
      const how =
        this.#answer.by === 'default'
          ? 'the default answer was already sent because no handler answered in time'
          : 'a handler already answered it';
      throw new MobileBroadbandError(
        'ERR_ALREADY_ANSWERED',
        `This tethering entitlement check was already answered (${this.#answer.allow ? 'allowed' : 'denied'}): ${how}. Windows takes one answer per check.`,
      );
    }
    return this.settle({ allow, reason: allow ? '' : (reason ?? ''), by: 'listener' });
  }

  /** @internal Records the answer, then sends it. */
  settle(outcome: EntitlementOutcome): Promise<void> {
    this.#answer = outcome;
    this.#resolveAnswered(outcome);
    return this.#checks.send(this, { allow: outcome.allow, reason: outcome.reason });
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      messageType: this.messageType,
      origin: this.origin,
      networkAccountId: this.networkAccountId,
      interfaceId: this.interfaceId,
      timestamp: this.timestamp,
      sequence: this.sequence,
      answer: this.#answer,
    };
  }
}
