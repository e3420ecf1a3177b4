/**
 * The forwarding component's blob (version 1, docs/native.md "Serving the operator app's
 * events") as a {@link RawNotification}. The blob is JSON the component wrote from
 * `INetworkOperatorNotificationEventDetails` or `TetheringEntitlementCheckTriggerDetails` in
 * `backgroundtaskhost.exe`; here it is untrusted text. Total: any string becomes exactly one
 * record. A blob that does not parse, has a version other than 1, names `issues`, or has fields
 * of the wrong type becomes a record with `issues`, which the conversion delivers as `unknown`.
 *
 * @module
 * @internal
 */

import type { RawNotification } from '../backend.js';
import { describeValue } from '../events/describe-value.js';
import { isMessageBearing } from '../notifications/notification-type.js';

/** The longest blob read, in UTF-16 units: what the addon accepts (1 MiB). */
export const maxBlobLength = 1_048_576;

/** `SmsDataFormat.GsmDeliver`: the only format whose PDU the package decodes. */
const gsmDeliverFormat = 4;

/** MessageType 10, `TetheringEntitlementCheck`. */
const entitlementCheckType = 10;

/** Where the blob came from: `Notify` (no check id) or `CheckEntitlement` (its check id). */
export interface BlobOrigin {
  /** The addon's check id for `CheckEntitlement`; 0 for `Notify`. */
  checkId: number;
}

/**
 * Reads one blob. `checkId` (from `CheckEntitlement`) becomes the record's
 * `entitlementCheckId` when the blob is a well-formed check; a record with `issues` carries none
 * (nobody can answer it; the caller is released with no answer).
 */
export function operatorEventFromBlob(blob: string, origin: BlobOrigin): RawNotification {
  const issues: string[] = [];
  if (blob.length > maxBlobLength) {
    return withIssues({}, [
      `the blob is ${blob.length} UTF-16 units long, more than ${maxBlobLength}`,
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(blob);
  } catch (error) {
    // Deep nesting ends here too (a RangeError from the parser's stack).
    return withIssues({}, [`the blob is not JSON: ${describeValue(error)}`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return withIssues({}, [`the blob must be a JSON object, got ${describeValue(parsed)}`]);
  }
  const blobObject = parsed as Record<string, unknown>;
  if (blobObject.v !== 1) {
    issues.push(`blob version ${describeValue(blobObject.v)} is not 1`);
  }
  const componentIssues = blobObject.issues;
  if (componentIssues !== undefined) {
    if (Array.isArray(componentIssues) && componentIssues.every((i) => typeof i === 'string')) {
      issues.push(...componentIssues);
    } else {
      issues.push(`issues must be an array of strings, got ${describeValue(componentIssues)}`);
    }
  }

  const record: RawNotification & { messageType: number } = { messageType: -1, origin: 'system' };
  const trigger = blobObject.trigger;
  if (trigger === 'tetheringEntitlementCheck') {
    record.messageType = entitlementCheckType;
  } else if (trigger === 'networkOperatorNotification') {
    const type = blobObject.messageType;
    if (typeof type === 'number' && Number.isInteger(type) && type >= 0 && type <= 255) {
      record.messageType = type;
    } else {
      issues.push(`messageType must be an integer from 0 to 255, got ${describeValue(type)}`);
    }
  } else {
    issues.push(
      `trigger must be networkOperatorNotification or tetheringEntitlementCheck, got ${describeValue(trigger)}`,
    );
  }
  const networkAccountId = text(blobObject, 'networkAccountId', issues);
  if (networkAccountId !== undefined) record.networkAccountId = networkAccountId;

  if (isMessageBearing(record.messageType)) readMessageFields(blobObject, record, issues);

  const isCheck = record.messageType === entitlementCheckType;
  if (isCheck && origin.checkId === 0) {
    issues.push('an entitlement check came through Notify: nobody waits for its answer');
  } else if (!isCheck && origin.checkId !== 0 && record.messageType !== -1) {
    issues.push(
      `CheckEntitlement carried MessageType ${record.messageType}, not an entitlement check`,
    );
  }
  if (issues.length > 0) return withIssues(record, issues);
  if (isCheck) record.entitlementCheckId = String(origin.checkId);
  return record;
}

/** The SMS/USSD fields (MessageType 0–2): what `INetworkOperatorNotificationEventDetails` has. */
function readMessageFields(
  blob: Record<string, unknown>,
  record: RawNotification,
  issues: string[],
): void {
  const encodingType = blob.encodingType;
  if (encodingType !== undefined) {
    if (
      typeof encodingType === 'number' &&
      Number.isInteger(encodingType) &&
      encodingType >= 0 &&
      encodingType <= 255
    ) {
      record.encodingType = encodingType;
    } else {
      issues.push(`encodingType must be a byte (0-255), got ${describeValue(encodingType)}`);
    }
  }
  // The blob names no MessageDataSize (its UTF-16 byte size is not what Windows counts): only
  // a blob that carries one gives it.
  const size = blob.messageDataSize;
  if (size !== undefined) {
    if (typeof size === 'number' && Number.isInteger(size) && size >= 0) {
      record.messageDataSize = size;
    } else {
      issues.push(`messageDataSize must be a non-negative integer, got ${describeValue(size)}`);
    }
  }
  const message = text(blob, 'message', issues);
  // A message the component could not read is named in its issues; without them it is "".
  record.message = message ?? '';
  const ruleId = text(blob, 'ruleId', issues);
  if (ruleId !== undefined && ruleId !== '') record.ruleId = ruleId;
  const sms = blob.sms;
  if (sms === undefined || sms === null) return;
  if (typeof sms !== 'object' || Array.isArray(sms)) {
    issues.push(`sms must be an object, got ${describeValue(sms)}`);
    return;
  }
  const smsObject = sms as Record<string, unknown>;
  for (const field of ['id', 'messageClass', 'format'] as const) {
    const value = smsObject[field];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value))) {
      issues.push(`sms.${field} must be an integer, got ${describeValue(value)}`);
    }
  }
  const pdu = smsObject.pdu;
  if (pdu === undefined) return;
  if (typeof pdu !== 'string' || !/^(?:[0-9A-Fa-f]{2})*$/.test(pdu)) {
    // Never quoted: a PDU carries the sender's number.
    issues.push(
      `sms.pdu must be hexadecimal, got ${typeof pdu === 'string' ? `a string of ${pdu.length} characters` : describeValue(pdu)}`,
    );
    return;
  }
  // Only an SMS-DELIVER is decoded (the conversion decodes `pdu` on MessageType 0).
  if (record.messageType === 0 && smsObject.format === gsmDeliverFormat) record.pdu = pdu;
}

function text(blob: Record<string, unknown>, field: string, issues: string[]): string | undefined {
  const value = blob[field];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  issues.push(`${field} must be a string, got ${describeValue(value)}`);
  return undefined;
}

/** A record the conversion delivers as `unknown`, with what could be read kept. */
function withIssues(record: Partial<RawNotification>, issues: string[]): RawNotification {
  const { messageType, ...rest } = record;
  return {
    ...rest,
    ...(messageType !== undefined && messageType >= 0 ? { messageType } : {}),
    origin: 'system',
    issues,
  } as RawNotification;
}
