/**
 * Turns a backend's raw record into a typed notification. Pure and total: any input, however
 * malformed, becomes exactly one notification; a record that breaks the contract becomes an
 * `unknown` notification that keeps every raw field and says what was wrong.
 *
 * @module
 */

import type { NotificationOrigin, RawNotification, TetheringOperationalState } from '../backend.js';
import type {
  Notification,
  NotificationBase,
  TetheringEntitlementCheckNotification,
  UnknownNotification,
} from './notification.js';
import { isMessageBearing, notificationTypeNames } from './notification-type.js';
import { alphabetOfEncodingType } from '../messages/encoding-type.js';
import { decodeSmsPdu, type DecodedSms } from '../messages/decode-sms-pdu.js';
import { describeValue } from '../events/describe-value.js';

/** What the conversion needs from the connection that delivers the record. */
export interface ConversionContext {
  /** The sequence number to give the notification. */
  sequence: number;
  /** "Now" on the backend's clock, for records without a timestamp. */
  now: number;
  /** Makes the answerable notification of an entitlement check. */
  createEntitlementCheck(
    base: NotificationBase,
    entitlementCheckId: string,
  ): TetheringEntitlementCheckNotification;
}

const messageOnlyFields = [
  'encodingType',
  'messageDataSize',
  'message',
  'ruleId',
  'silent',
  'fields',
  'pdu',
] as const;

const tetheringStates: ReadonlySet<string> = new Set<TetheringOperationalState>([
  'unknown',
  'on',
  'off',
  'inTransition',
]);

/** Converts one raw record; never throws. */
export function toNotification(input: unknown, context: ConversionContext): Notification {
  try {
    return plainNotification(input, context) ?? convert(input, context);
  } catch (error) {
    // A record whose properties throw when read (a getter, a revoked Proxy) is still delivered.
    return unknownRecord({}, undefined, context, [
      `reading the record failed: ${describeValue(error)}`,
    ]);
  }
}

/**
 * The fast path: a well-formed record of a plain type (3–9: registration, connection and
 * data-plan events, most of any stream) becomes its notification in one pass, without an issue
 * list. Anything else (another type, a field of the wrong kind or out of place) gives
 * `undefined`, and {@link convert} checks the record from the start and says what is wrong. The
 * fields are read in convert's order, so a record whose getter throws fails at the same field
 * either way.
 */
function plainNotification(input: unknown, context: ConversionContext): Notification | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const raw = input as Record<string, unknown>;
  if (raw.issues !== undefined) return undefined;
  const messageType = raw.messageType;
  if (typeof messageType !== 'number' || !isMessageType(messageType)) return undefined;
  if (messageType < 3 || messageType > 9) return undefined;
  const origin = raw.origin;
  if (!isOrigin(origin)) return undefined;
  const networkAccountId = raw.networkAccountId;
  if (!isOptionalString(networkAccountId)) return undefined;
  const interfaceId = raw.interfaceId;
  if (!isOptionalString(interfaceId) || (!networkAccountId && !interfaceId)) return undefined;
  const timestamp = raw.timestamp;
  if (!isTimestamp(timestamp)) return undefined;
  if (
    hasMessageOnlyField(raw) ||
    raw.entitlementCheckId !== undefined ||
    raw.tetheringState !== undefined ||
    raw.clientCount !== undefined
  ) {
    return undefined;
  }
  return plainRecord(
    messageType,
    origin,
    networkAccountId,
    interfaceId,
    new Date(timestamp ?? context.now),
    context.sequence,
  );
}

/**
 * The issues of the record being converted: one array reused for every record (most have
 * none, and this is the hot path of every delivery), copied only into an `unknown` record. A
 * getter of a record that makes a conversion run inside this one gets an array of its own.
 */
const scratchIssues: string[] = [];
let scratchInUse = false;

function convert(input: unknown, context: ConversionContext): Notification {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return unknownRecord({ value: input }, undefined, context, [
      `a record must be an object, got ${describe(input)}`,
    ]);
  }
  if (scratchInUse) return convertWith(input as Record<string, unknown>, context, []);
  scratchInUse = true;
  if (scratchIssues.length !== 0) scratchIssues.length = 0;
  try {
    return convertWith(input as Record<string, unknown>, context, scratchIssues);
  } finally {
    scratchInUse = false;
  }
}

function convertWith(
  raw: Record<string, unknown>,
  context: ConversionContext,
  issues: string[],
): Notification {
  backendIssues(raw.issues, issues);
  const messageType = raw.messageType;

  const numericType = typeof messageType === 'number' ? messageType : undefined;
  if (numericType === undefined) {
    issues.push(`messageType must be a non-negative integer, got ${describe(messageType)}`);
  } else if (!isMessageType(numericType)) {
    issues.push(`messageType must be a non-negative integer, got ${numericType}`);
  }
  if (!isOrigin(raw.origin)) {
    issues.push(`origin must be 'system' or 'derived', got ${describe(raw.origin)}`);
  }
  // Read by name (not through optionalString's computed key): V8 answers from the record's shape.
  const networkAccountId = stringField(raw.networkAccountId, 'networkAccountId', issues);
  const interfaceId = stringField(raw.interfaceId, 'interfaceId', issues);
  if (!networkAccountId && !interfaceId) {
    issues.push('a record needs a networkAccountId or an interfaceId, and has neither');
  }
  const timestamp = raw.timestamp;
  if (!isTimestamp(timestamp)) {
    issues.push(`timestamp must be a number of milliseconds, got ${describe(timestamp)}`);
  }
  if (numericType !== undefined && issues.length === 0) {
    const typeName = notificationTypeNames[numericType];
    if (typeName === undefined) {
      // A MessageType newer than this version knows: well-formed, kept whole.
      return unknownRecord(raw, numericType, context, []);
    }
    checkTypeSpecificFields(raw, numericType, issues);
  }
  const sms =
    numericType === 0 && typeof raw.pdu === 'string' ? decodePdu(raw.pdu, issues) : undefined;
  if (issues.length > 0) return unknownRecord(raw, numericType, context, issues.slice());

  return typedRecord(
    raw as unknown as RawNotification,
    networkAccountId,
    interfaceId,
    new Date((timestamp as number | undefined) ?? context.now),
    context,
    sms,
  );
}

/** The decoded PDU of a GSM SMS; a PDU that does not decode is an issue of the record. */
function decodePdu(pdu: string, issues: string[]): DecodedSms | undefined {
  try {
    return decodeSmsPdu(pdu);
  } catch (error) {
    issues.push(`pdu is not a valid SMS-DELIVER: ${describeValue(error)}`);
    return undefined;
  }
}

// Objects are built with all their fields in one literal (no spreading of a shared base): this
// is the hot path of every delivery, and literal shapes keep it several times faster.
function typedRecord(
  raw: RawNotification,
  networkAccountId: string | undefined,
  interfaceId: string | undefined,
  timestamp: Date,
  context: ConversionContext,
  sms: DecodedSms | undefined,
): Notification {
  const { messageType, origin } = raw;
  const sequence = context.sequence;
  switch (messageType) {
    case 0:
    case 1:
    case 2:
      return {
        type: messageType === 0 ? 'gsmSms' : messageType === 1 ? 'cdmaSms' : 'ussd',
        messageType,
        origin,
        networkAccountId,
        interfaceId,
        timestamp,
        sequence,
        encodingType: raw.encodingType,
        encoding:
          raw.encodingType === undefined || messageType === 1
            ? undefined
            : alphabetOfEncodingType(raw.encodingType, messageType === 0 ? 'sms' : 'ussd'),
        messageDataSize: raw.messageDataSize,
        message: raw.message as string,
        ruleId: raw.ruleId,
        silent: raw.silent,
        fields: raw.fields,
        pdu: raw.pdu,
        sms,
      } as Notification;
    case 10:
      return context.createEntitlementCheck(
        { origin, networkAccountId, interfaceId, timestamp, sequence },
        raw.entitlementCheckId as string,
      );
    case 11:
      return {
        type: 'tetheringOperationalStateChanged',
        messageType,
        origin,
        networkAccountId,
        interfaceId,
        timestamp,
        sequence,
        state: raw.tetheringState,
      };
    case 12:
      return {
        type: 'tetheringNumberOfClientsChanged',
        messageType,
        origin,
        networkAccountId,
        interfaceId,
        timestamp,
        sequence,
        clientCount: raw.clientCount,
      };
    default:
      return plainRecord(messageType, origin, networkAccountId, interfaceId, timestamp, sequence);
  }
}

/** A notification of a plain type (3–9): one literal, so every one has the same shape. */
function plainRecord(
  messageType: number,
  origin: NotificationOrigin,
  networkAccountId: string | undefined,
  interfaceId: string | undefined,
  timestamp: Date,
  sequence: number,
): Notification {
  return {
    type: notificationTypeNames[messageType],
    messageType,
    origin,
    networkAccountId,
    interfaceId,
    timestamp,
    sequence,
  } as Notification;
}

/** A MessageType: a non-negative integer. */
function isMessageType(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function isOrigin(value: unknown): value is NotificationOrigin {
  return value === 'system' || value === 'derived';
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** A record's timestamp: absent ("now"), or finite milliseconds. */
function isTimestamp(value: unknown): value is number | undefined {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value));
}

/** Checks the fields that only some MessageTypes may carry; appends what is wrong. */
function checkTypeSpecificFields(
  raw: Record<string, unknown>,
  messageType: number,
  issues: string[],
): void {
  const typeName = notificationTypeNames[messageType] ?? 'unknown';
  if (isMessageBearing(messageType)) {
    if (typeof raw.message !== 'string') {
      issues.push(`${typeName} needs a message string, got ${describe(raw.message)}`);
    }
    const encodingType = raw.encodingType;
    if (
      encodingType !== undefined &&
      !(
        Number.isInteger(encodingType) &&
        (encodingType as number) >= 0 &&
        (encodingType as number) <= 255
      )
    ) {
      issues.push(`encodingType must be a byte (0-255), got ${describe(encodingType)}`);
    }
    const size = raw.messageDataSize;
    if (size !== undefined && !(Number.isInteger(size) && (size as number) >= 0)) {
      issues.push(`messageDataSize must be a non-negative integer, got ${describe(size)}`);
    }
    optionalString(raw, 'ruleId', issues);
    optionalString(raw, 'pdu', issues);
    if (raw.silent !== undefined && typeof raw.silent !== 'boolean') {
      issues.push(`silent must be a boolean, got ${describe(raw.silent)}`);
    }
    if (raw.fields !== undefined && (typeof raw.fields !== 'object' || raw.fields === null)) {
      issues.push(`fields must be an object, got ${describe(raw.fields)}`);
    }
  } else if (hasMessageOnlyField(raw)) {
    for (const field of messageOnlyFields) {
      if (raw[field] !== undefined) {
        issues.push(
          `${field} belongs to SMS/USSD records only, but this record is MessageType ${messageType} (${typeName})`,
        );
      }
    }
  }
  if (messageType === 10) {
    const id = raw.entitlementCheckId;
    if (typeof id !== 'string' || id === '') {
      issues.push(
        `a tetheringEntitlementCheck needs an entitlementCheckId to be answered, got ${describe(id)}`,
      );
    }
  } else if (raw.entitlementCheckId !== undefined) {
    issues.push(
      `entitlementCheckId belongs to MessageType 10 only, not ${messageType} (${typeName})`,
    );
  }
  if (messageType === 11) {
    const state = raw.tetheringState;
    if (state !== undefined && !(typeof state === 'string' && tetheringStates.has(state))) {
      issues.push(
        `tetheringState must be unknown, on, off or inTransition, got ${describe(state)}`,
      );
    }
  } else if (raw.tetheringState !== undefined) {
    issues.push(`tetheringState belongs to MessageType 11 only, not ${messageType} (${typeName})`);
  }
  if (messageType === 12) {
    const count = raw.clientCount;
    if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 0)) {
      issues.push(`clientCount must be a non-negative integer, got ${describe(count)}`);
    }
  } else if (raw.clientCount !== undefined) {
    issues.push(`clientCount belongs to MessageType 12 only, not ${messageType} (${typeName})`);
  }
}

/**
 * Whether any of {@link messageOnlyFields} is set: each read by name, which V8 answers from the
 * record's shape, where the loop's computed reads would each be a dictionary lookup; every
 * record of the other types passes here.
 */
function hasMessageOnlyField(raw: Record<string, unknown>): boolean {
  return (
    raw.encodingType !== undefined ||
    raw.messageDataSize !== undefined ||
    raw.message !== undefined ||
    raw.ruleId !== undefined ||
    raw.silent !== undefined ||
    raw.fields !== undefined ||
    raw.pdu !== undefined
  );
}

/**
 * What the backend said it could not read (RawNotification.issues): any entry makes the record
 * `unknown`. A malformed list is an issue itself; entries are bounded like every message here.
 * Appends to `issues`.
 */
function backendIssues(value: unknown, issues: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(`issues must be an array of strings, got ${describe(value)}`);
    return;
  }
  const shown = Math.min(value.length, maxBackendIssues);
  for (let i = 0; i < shown; i++) {
    const entry: unknown = value[i];
    issues.push(
      typeof entry === 'string'
        ? entry.length > maxIssueLength
          ? `${entry.slice(0, maxIssueLength)}… (${entry.length} characters)`
          : entry
        : `issues[${i}] must be a string, got ${describe(entry)}`,
    );
  }
  if (value.length > shown) issues.push(`${value.length - shown} more issues`);
}

/** How many of a backend's issues a notification lists, and how long each may be. */
const maxBackendIssues = 32;
const maxIssueLength = 500;

function unknownRecord(
  raw: Record<string, unknown>,
  messageType: number | undefined,
  context: ConversionContext,
  issues: string[],
): UnknownNotification {
  const timestamp = raw.timestamp;
  return {
    type: 'unknown',
    messageType,
    origin: raw.origin === 'system' ? 'system' : 'derived',
    networkAccountId: typeof raw.networkAccountId === 'string' ? raw.networkAccountId : undefined,
    interfaceId: typeof raw.interfaceId === 'string' ? raw.interfaceId : undefined,
    timestamp: new Date(
      typeof timestamp === 'number' && Number.isFinite(timestamp) ? timestamp : context.now,
    ),
    sequence: context.sequence,
    raw: { ...raw },
    issues,
  };
}

function optionalString(
  raw: Record<string, unknown>,
  field: string,
  issues: string[],
): string | undefined {
  return stringField(raw[field], field, issues);
}

/** A field that is a string or absent; anything else is an issue named `field`. */
function stringField(value: unknown, field: string, issues: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  issues.push(`${field} must be a string, got ${describe(value)}`);
  return undefined;
}

/** A short, safe description of a value for messages (never the whole of a long string). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} ${String(value)}`;
  }
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
