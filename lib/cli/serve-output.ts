/**
 * What `wmbb serve` prints per notification: one timeline line, or one JSON line, with
 * identifiers (account and interface ids, the SMS sender, service centre and PDU, which carries
 * both) masked unless `--reveal`.
 *
 * @module
 */

import type { Notification } from '../notifications/notification.js';
import { printableUserText, quoteUserValue } from '../text/quote-user-value.js';
import { paint, type CliIo } from './cli-io.js';
import { clockTime, shown } from './format-notification.js';
import type { Identify } from './identify.js';

/** Keys whose string values identify a subscriber, a device or a sender. */
const identifierKeys: ReadonlySet<string> = new Set([
  'networkAccountId',
  'interfaceId',
  'pdu',
  'sender',
  'value',
]);

/** How deep the masking walks (a notification is a few levels deep; `raw` of an unknown one
 *  holds what the backend gave, bounded by the blob parser). */
const maxDepth = 8;

/** A JSON copy of the notification with identifiers masked by `id`. */
export function maskedJson(n: Notification, id: Identify): unknown {
  return mask(JSON.parse(JSON.stringify(n)) as unknown, id, 0);
}

function mask(value: unknown, id: Identify, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maxDepth) return '…';
  if (Array.isArray(value)) return value.map((entry) => mask(entry, id, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    out[key] =
      typeof entry === 'string' && identifierKeys.has(key) ? id(entry) : mask(entry, id, depth + 1);
  }
  return out;
}

/** One NDJSON line. */
export function serveJsonLine(n: Notification, id: Identify): string {
  return `${JSON.stringify(maskedJson(n, id))}\n`;
}

/** One timeline line. */
export function serveTimelineLine(io: CliIo, n: Notification, id: Identify): string {
  const label = `${n.type} (${n.messageType ?? '?'})`.padEnd(40);
  const account = id(n.networkAccountId ?? n.interfaceId ?? '');
  let what: string;
  switch (n.type) {
    case 'gsmSms':
    case 'cdmaSms':
    case 'ussd': {
      const from = n.type === 'gsmSms' && n.sms !== undefined ? `from ${id(n.sms.sender)} ` : '';
      const rule = n.ruleId === undefined ? '' : ` rule ${shown(n.ruleId)}`;
      what = `${from}${quoteUserValue(n.message, 80)}${rule}`;
      break;
    }
    case 'tetheringEntitlementCheck': {
      const answer = n.answer;
      what =
        answer === undefined
          ? `account ${account}: waiting for an answer`
          : `account ${account}: ${answer.allow ? 'allowed' : `denied: ${shown(answer.reason)}`} (by ${answer.by === 'listener' ? 'a handler' : 'the default'})`;
      break;
    }
    case 'unknown':
      what = `MessageType ${n.messageType ?? '?'}${n.issues.length > 0 ? `: ${printableUserText(n.issues.join('; '), 500)}` : ''}`;
      break;
    default:
      what = `account ${account}`;
  }
  return `${paint(io, 'dim', clockTime(n.timestamp))}  ${paint(io, 'cyan', label)}${what}\n`;
}
