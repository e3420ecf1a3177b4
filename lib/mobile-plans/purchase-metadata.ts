/**
 * The purchase metadata a portal passes with every call, checked the way the app reads it.
 *
 * @module
 */

import { quoteUserValue } from '../text/quote-user-value.js';
import type { MobilePlansMoDirectStatus, MobilePlansStepOutcome } from './mobile-plans-enums.js';

/** Purchase metadata, normalised: one spelling per field, values as the enumerations' strings. */
export interface PurchaseMetadata {
  userAccount: MobilePlansStepOutcome;
  purchaseInstrument: MobilePlansStepOutcome;
  /** `line`, which the documents also spell `lineType`. */
  line: MobilePlansStepOutcome;
  /** `moDirectStatus`, which the documents also spell `modirectStatus`. */
  moDirectStatus: MobilePlansMoDirectStatus;
  planName: string;
}

/** What reading purchase metadata gives. */
export type PurchaseMetadataResult =
  | {
      ok: true;
      metadata: PurchaseMetadata;
      /**
       * Rules broken that do not stop the flow (the app reports them for business reporting
       * and goes on): a `planName` that is empty on success or set on failure.
       */
      violations: string[];
    }
  | { ok: false; reason: string };

/** Longest text field the app keeps; longer strings are refused, not truncated. */
export const maxMetadataFieldLength = 256;
/** Longest JSON text of metadata read. */
export const maxMetadataJsonLength = 16_384;

const stepOutcomes: readonly string[] = ['new', 'existing', 'bailed', 'none'];
const moDirectStatuses: readonly string[] = [
  'complete',
  'serviceError',
  'invalidSIM',
  'logOnFailed',
  'purchaseFailed',
  'invalidParameters',
  'billingError',
  'cancelled',
];

/**
 * Reads purchase metadata: an object or its JSON text. Values are matched without regard to
 * case (the documents' table writes `"New"`, their samples `MobilePlansUserAccount.new`); both
 * spellings of `line`/`lineType` and `moDirectStatus`/`modirectStatus` are read, and two
 * spellings with different values are refused. Never throws.
 */
export function readPurchaseMetadata(input: unknown): PurchaseMetadataResult {
  let value = input;
  if (typeof value === 'string') {
    if (value.length > maxMetadataJsonLength) {
      return {
        ok: false,
        reason: `the metadata is ${value.length} characters of JSON, over ${maxMetadataJsonLength}`,
      };
    }
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { ok: false, reason: 'the metadata is a string that is not JSON' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `the metadata must be an object, got ${describe(value)}` };
  }
  const fields = value as Record<string, unknown>;
  const userAccount = readEnum(fields, ['userAccount'], stepOutcomes);
  const purchaseInstrument = readEnum(fields, ['purchaseInstrument'], stepOutcomes);
  const line = readEnum(fields, ['line', 'lineType'], stepOutcomes);
  const moDirectStatus = readEnum(fields, ['moDirectStatus', 'modirectStatus'], moDirectStatuses);
  for (const read of [userAccount, purchaseInstrument, line, moDirectStatus]) {
    if (!read.ok) return read;
  }
  const planName = fields.planName ?? '';
  if (typeof planName !== 'string') {
    return { ok: false, reason: `planName must be a string, got ${describe(planName)}` };
  }
  if (planName.length > maxMetadataFieldLength) {
    return {
      ok: false,
      reason: `planName is ${planName.length} characters, over ${maxMetadataFieldLength}`,
    };
  }
  const metadata: PurchaseMetadata = {
    userAccount: (userAccount as Ok).value as MobilePlansStepOutcome,
    purchaseInstrument: (purchaseInstrument as Ok).value as MobilePlansStepOutcome,
    line: (line as Ok).value as MobilePlansStepOutcome,
    moDirectStatus: (moDirectStatus as Ok).value as MobilePlansMoDirectStatus,
    planName,
  };
  return { ok: true, metadata, violations: planNameViolations(metadata) };
}

/** `planName` is the plan bought: set exactly when the purchase completed. */
export function planNameViolations(metadata: PurchaseMetadata): string[] {
  const success = metadata.moDirectStatus === 'complete';
  if (success && metadata.planName.trim() === '') {
    return ['planName is empty although moDirectStatus is complete'];
  }
  if (!success && metadata.planName !== '') {
    return [`planName is set although moDirectStatus is ${metadata.moDirectStatus}`];
  }
  return [];
}

interface Ok {
  ok: true;
  value: string;
}

function readEnum(
  fields: Record<string, unknown>,
  spellings: readonly string[],
  allowed: readonly string[],
): Ok | { ok: false; reason: string } {
  const present = spellings.filter((name) => fields[name] !== undefined && fields[name] !== null);
  if (present.length === 0) {
    return {
      ok: false,
      reason: `${spellings.join(' (or ')}${spellings.length > 1 ? ')' : ''} is missing`,
    };
  }
  let found: string | undefined;
  for (const name of present) {
    const raw = fields[name];
    if (typeof raw !== 'string') {
      return { ok: false, reason: `${name} must be a string, got ${describe(raw)}` };
    }
    const value = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (value === undefined) {
      return {
        ok: false,
        reason: `${name} must be one of ${allowed.join(', ')}, got ${quoteUserValue(raw)}`,
      };
    }
    if (found !== undefined && found !== value) {
      return { ok: false, reason: `${spellings.join(' and ')} disagree (${found}, ${value})` };
    }
    found = value;
  }
  return { ok: true, value: found! };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `a string of ${value.length} characters` : typeof value;
}
