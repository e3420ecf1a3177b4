/**
 * Operator messages on the fake: an SMS or USSD message reaches the operator app as a
 * MobileOperatorNotification only when a provisioning rule takes it. Windows then updates the
 * data counter from the rule's Usage/DataLimit fields before the app sees the message; other
 * messages are not operator notifications at all (they go to the ordinary SMS inbox).
 *
 * @module
 */

import type { OperatorMessageFields } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { decodeSmsPdu } from '../messages/decode-sms-pdu.js';
import {
  matchOperatorMessage,
  type OperatorMessageMatch,
} from '../provisioning/match-operator-message.js';
import type { MessageRuleSet } from '../provisioning/message-rule-set.js';
import { maskIdentifier } from '../text/mask-identifier.js';
import type { FakeContext, FakeOutcome } from './fake-context.js';
import type { FakeDataPlan } from './fake-data-plan.js';
import { cdmaCoding, smsCoding, ussdCoding, type MessageCoding } from './message-encoding.js';

/** An SMS for {@link FakeBackend.receiveSms}. */
export interface IncomingSms {
  /** The sender address as the network gives it (`+18005551212`, `18005551212`, `Contoso`). */
  from?: string;
  /** The text. */
  text?: string;
  /** A class-0 ("flash") message. */
  classZero?: boolean;
  /** The SMS-DELIVER PDU (hex); sender, text and class then come from it. */
  pdu?: string;
}

/** What happened to an operator message. */
export interface OperatorMessageOutcome extends FakeOutcome {
  /** Whether the app received it (a rule took it). */
  delivered: boolean;
  /** Why, in words. */
  reason: string;
  /** The rule that took it. */
  ruleId?: string;
  /** The fields the rule read (already applied to the data counter). */
  fields?: OperatorMessageFields;
  /** Fields the rule could not read. */
  warnings?: string[];
}

/** @internal */
export class FakeOperatorMessages {
  readonly #context: FakeContext;
  readonly #dataPlan: FakeDataPlan;
  #rules: MessageRuleSet | undefined;

  constructor(context: FakeContext, dataPlan: FakeDataPlan) {
    this.#context = context;
    this.#dataPlan = dataPlan;
  }

  /** The rules of the last provisioning document. */
  setRules(rules: MessageRuleSet): void {
    this.#rules = rules;
  }

  receiveSms(sms: IncomingSms): Promise<OperatorMessageOutcome> {
    const { from, text, classZero, pdu } = readSms(sms);
    return this.#receive(
      0,
      'sms',
      { sender: from, text, classZero },
      smsCoding(text, classZero),
      pdu,
    );
  }

  receiveCdmaSms(sms: { from: string; text: string }): Promise<OperatorMessageOutcome> {
    checkText(sms?.text, 'receiveCdmaSms');
    checkSender(sms?.from, 'receiveCdmaSms');
    return this.#receive(
      1,
      'sms',
      { sender: sms.from, text: sms.text, classZero: false },
      cdmaCoding(sms.text),
    );
  }

  receiveUssd(text: string): Promise<OperatorMessageOutcome> {
    checkText(text, 'receiveUssd');
    return this.#receive(2, 'ussd', { text }, ussdCoding(text));
  }

  async #receive(
    messageType: 0 | 1 | 2,
    bearer: 'sms' | 'ussd',
    message: { sender?: string; text: string; classZero?: boolean },
    coding: MessageCoding,
    pdu?: string,
  ): Promise<OperatorMessageOutcome> {
    const rules = this.#rules;
    const match =
      rules === undefined
        ? undefined
        : matchOperatorMessage(
            rules,
            { bearer, ...message },
            { referenceTime: this.#context.clock.now() },
          );
    if (match === undefined) {
      return { delivered: false, reason: this.#whyNot(bearer, message), emitted: [] };
    }
    // Windows updates the counter from the message before the app sees it.
    this.#dataPlan.correct(match.fields);
    if (!this.#context.packaged) {
      return {
        delivered: false,
        reason: `matched rule ${match.ruleId ?? '(without RuleId)'}, but operator messages reach only the operator's packaged app, and this process is unpackaged`,
        ...(match.ruleId === undefined ? {} : { ruleId: match.ruleId }),
        fields: match.fields,
        warnings: match.warnings,
        emitted: [],
      };
    }
    const emitted = await this.#context.emit({
      messageType,
      ...coding,
      message: message.text,
      ...(match.ruleId === undefined ? {} : { ruleId: match.ruleId }),
      silent: match.silent,
      ...(hasFields(match) ? { fields: match.fields } : {}),
      ...(pdu === undefined ? {} : { pdu }),
    });
    return {
      delivered: true,
      reason: `matched rule ${match.ruleId ?? '(without RuleId)'}`,
      ...(match.ruleId === undefined ? {} : { ruleId: match.ruleId }),
      fields: match.fields,
      warnings: match.warnings,
      emitted,
    };
  }

  #whyNot(bearer: 'sms' | 'ussd', message: { sender?: string; classZero?: boolean }): string {
    const rules = this.#rules;
    if (rules === undefined || rules.rules.length === 0) {
      return 'no provisioning rules: only messages that match a rule are operator notifications';
    }
    if (bearer === 'ussd') {
      return rules.ussdCandidates().length === 0
        ? 'no USSD rule (USSDBearer) is provisioned'
        : 'no USSD rule’s pattern matches the text';
    }
    const candidates = rules.smsCandidates(message.sender);
    // The sender may be a person's number: named masked, as in every message of the package.
    const sender = message.sender === undefined ? '(none)' : maskIdentifier(message.sender);
    if (candidates.length === 0)
      return `no rule takes SMS from ${sender} (senders must match exactly)`;
    if (!message.classZero && candidates.every((c) => c.classZeroOnly)) {
      return `the rules for ${sender} take class-0 messages only (ClassZeroOnly)`;
    }
    return `no pattern of the rules for ${sender} matches the text`;
  }
}

function hasFields(match: OperatorMessageMatch): boolean {
  return Object.keys(match.fields).length > 0;
}

function readSms(sms: IncomingSms): {
  from: string;
  text: string;
  classZero: boolean;
  pdu?: string;
} {
  if (typeof sms !== 'object' || sms === null) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'receiveSms({ from, text, classZero?, pdu? }) takes an object',
    );
  }
  if (sms.pdu === undefined) {
    checkSender(sms.from, 'receiveSms');
    checkText(sms.text, 'receiveSms');
    if (sms.classZero !== undefined && typeof sms.classZero !== 'boolean') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'receiveSms: classZero must be a boolean',
      );
    }
    return { from: sms.from!, text: sms.text!, classZero: sms.classZero ?? false };
  }
  const decoded = decodeSmsPdu(sms.pdu);
  if (decoded.text === undefined) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'receiveSms: the PDU carries 8-bit data, not text; operator-message rules match text only',
    );
  }
  const classZero = decoded.messageClass === 0;
  for (const [field, given, actual] of [
    ['from', sms.from, decoded.sender],
    ['text', sms.text, decoded.text],
    ['classZero', sms.classZero, classZero],
  ] as const) {
    if (given !== undefined && given !== actual) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `receiveSms: ${field} does not agree with the PDU (${JSON.stringify(given)} given, ${JSON.stringify(actual)} in the PDU); pass one or the other`,
      );
    }
  }
  return { from: decoded.sender, text: decoded.text, classZero, pdu: sms.pdu };
}

function checkSender(from: unknown, what: string): void {
  if (typeof from !== 'string' || from.length === 0 || from.length > 32) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${what}: from must be a sender address of 1 to 32 characters`,
    );
  }
}

function checkText(text: unknown, what: string): void {
  if (typeof text !== 'string') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${what}: the text must be a string, got ${text === null ? 'null' : typeof text}`,
    );
  }
}
