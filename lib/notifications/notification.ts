/**
 * The typed notifications: one member of a discriminated union per MessageType, keyed by
 * `type`. SMS/USSD fields exist only on the message types (0–2), and only the entitlement check
 * (10) can be answered.
 *
 * @module
 */

import type {
  EntitlementAnswer,
  NotificationOrigin,
  OperatorMessageFields,
  TetheringOperationalState,
} from '../backend.js';
import type { Alphabet } from '../messages/alphabet.js';
import type { DecodedSms } from '../messages/decode-sms-pdu.js';

/** Fields every notification has. */
export interface NotificationBase {
  /** Who produced it: Windows' event details (`'system'`) or the backend (`'derived'`). */
  readonly origin: NotificationOrigin;
  /** The network account the event belongs to, where known. */
  readonly networkAccountId: string | undefined;
  /** GUID of the physical interface, where known. */
  readonly interfaceId: string | undefined;
  /** When it happened (the backend's clock). */
  readonly timestamp: Date;
  /** Position in this connection's stream, from 1; increases by one per delivered record. */
  readonly sequence: number;
}

/** An operator message (GSM SMS, CDMA SMS or USSD) that matched a provisioning rule. */
export interface OperatorMessageNotification<
  T extends string,
  M extends number,
> extends NotificationBase {
  readonly type: T;
  readonly messageType: M;
  /** The data coding scheme byte (`EncodingType`), where given. */
  readonly encodingType: number | undefined;
  /**
   * The alphabet `encodingType` names (`'gsm7'`, `'8bit'`, `'ucs2'`, `'reserved'`): the SMS
   * data coding scheme for gsmSms, the cell-broadcast one for ussd. `undefined` for cdmaSms
   * (CDMA's own encodings) and when no EncodingType was given.
   */
  readonly encoding: Alphabet | undefined;
  /** Size of the message in bytes (`MessageDataSize`), where given. */
  readonly messageDataSize: number | undefined;
  /** The message text. */
  readonly message: string;
  /** `RuleId` of the provisioning rule that matched the message. */
  readonly ruleId: string | undefined;
  /** The rule's `Silent` attribute, where the backend knows it. */
  readonly silent: boolean | undefined;
  /** Fields the rule parsed (usage, limit, timestamp), where the backend knows them. */
  readonly fields: OperatorMessageFields | undefined;
  /** The raw SMS PDU (hex), where the backend has it. */
  readonly pdu: string | undefined;
  /** gsmSms with a PDU: the PDU decoded (sender, service-centre time stamp, header). */
  readonly sms: DecodedSms | undefined;
}

/** A notification that carries nothing beyond the common fields. */
export interface PlainNotification<T extends string, M extends number> extends NotificationBase {
  readonly type: T;
  readonly messageType: M;
}

/** MessageType 0. */
export type GsmSmsNotification = OperatorMessageNotification<'gsmSms', 0>;
/** MessageType 1. */
export type CdmaSmsNotification = OperatorMessageNotification<'cdmaSms', 1>;
/** MessageType 2. */
export type UssdNotification = OperatorMessageNotification<'ussd', 2>;
/**
 * MessageType 3. Off unless the plan sets DataUsageInMobileOperatorNotificationEnabled; then
 * sent each time local usage grows by 5 % of the limit (home), 100 MB (home, no limit) or 5 MB
 * (roaming) since the last one.
 */
export type DataPlanThresholdReachedNotification = PlainNotification<'dataPlanThresholdReached', 3>;
/** MessageType 4: billing-cycle reset, local usage back to zero. */
export type DataPlanResetNotification = PlainNotification<'dataPlanReset', 4>;
/** MessageType 5: a prepaid plan expired and its connection profile was deleted. */
export type DataPlanDeletedNotification = PlainNotification<'dataPlanDeleted', 5>;
/** MessageType 6: an L2 connection came up (before network identification). */
export type ProfileConnectedNotification = PlainNotification<'profileConnected', 6>;
/** MessageType 7: the connection went down. */
export type ProfileDisconnectedNotification = PlainNotification<'profileDisconnected', 7>;
/**
 * MessageType 8: registered on a roaming (or partner) network. Sent on every registration;
 * see {@link createRegistrationTracker} to tell the user once per change.
 */
export type RegisteredRoamingNotification = PlainNotification<'registeredRoaming', 8>;
/** MessageType 9: registered on the home network; sent on every registration. */
export type RegisteredHomeNotification = PlainNotification<'registeredHome', 9>;

/** How an entitlement check was answered. */
export interface EntitlementOutcome extends EntitlementAnswer {
  /**
   * `'listener'`: a handler called `authorize()`. `'default'`: nobody answered in time (or
   * nobody listened, or the connection closed) and the configured default was sent.
   */
  readonly by: 'listener' | 'default';
}

/**
 * MessageType 10: the user turned on tethering and the operator requires an entitlement check.
 * Answer exactly once with {@link TetheringEntitlementCheckNotification.authorize}; if no
 * handler answers within the configured timeout, the default answer is sent.
 */
export interface TetheringEntitlementCheckNotification extends NotificationBase {
  readonly type: 'tetheringEntitlementCheck';
  readonly messageType: 10;
  /**
   * Sends the answer to Windows. Callable once: a second call, or a call after the default
   * answer went out, throws `ERR_ALREADY_ANSWERED`. Resolves when the backend took the answer.
   *
   * @param allow Whether the subscriber may tether.
   * @param reason Why not (shown to the user); ignored when allowed.
   */
  authorize(allow: boolean, reason?: string): Promise<void>;
  /** The answer, once sent. */
  readonly answer: EntitlementOutcome | undefined;
  /** Resolves with the answer once it has been sent, whoever sent it. */
  readonly answered: Promise<EntitlementOutcome>;
}

/** MessageType 11 (newer Windows): the hotspot's operational state changed. */
export interface TetheringOperationalStateChangedNotification extends NotificationBase {
  readonly type: 'tetheringOperationalStateChanged';
  readonly messageType: 11;
  /** The state after the change, where the backend knows it. */
  readonly state: TetheringOperationalState | undefined;
}

/** MessageType 12 (newer Windows): the number of hotspot clients changed. */
export interface TetheringNumberOfClientsChangedNotification extends NotificationBase {
  readonly type: 'tetheringNumberOfClientsChanged';
  readonly messageType: 12;
  /** The number of clients after the change, where the backend knows it. */
  readonly clientCount: number | undefined;
}

/**
 * A record this version does not recognise (a MessageType newer than 12), or one that broke
 * the backend contract. Nothing is dropped: every raw field is kept in `raw`, and `issues`
 * says what was wrong (empty for a well-formed record of an unknown MessageType).
 */
export interface UnknownNotification extends NotificationBase {
  readonly type: 'unknown';
  /** The record's MessageType, if it had a numeric one. */
  readonly messageType: number | undefined;
  /** The record as the backend delivered it. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** What made the record unusable as a known notification. */
  readonly issues: readonly string[];
}

/** Each notification type by its `type`. */
export interface NotificationMap {
  gsmSms: GsmSmsNotification;
  cdmaSms: CdmaSmsNotification;
  ussd: UssdNotification;
  dataPlanThresholdReached: DataPlanThresholdReachedNotification;
  dataPlanReset: DataPlanResetNotification;
  dataPlanDeleted: DataPlanDeletedNotification;
  profileConnected: ProfileConnectedNotification;
  profileDisconnected: ProfileDisconnectedNotification;
  registeredRoaming: RegisteredRoamingNotification;
  registeredHome: RegisteredHomeNotification;
  tetheringEntitlementCheck: TetheringEntitlementCheckNotification;
  tetheringOperationalStateChanged: TetheringOperationalStateChangedNotification;
  tetheringNumberOfClientsChanged: TetheringNumberOfClientsChangedNotification;
  unknown: UnknownNotification;
}

/** Any notification; switch on `type` to narrow it. */
export type Notification = NotificationMap[keyof NotificationMap];

/** An operator message of any bearer (MessageType 0–2). */
export type AnyOperatorMessageNotification =
  GsmSmsNotification | CdmaSmsNotification | UssdNotification;
