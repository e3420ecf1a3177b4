/**
 * How the CLI shows notifications: one readable timeline line each, or one JSON line each.
 *
 * @module
 */

import type { Notification } from '../notifications/notification.js';
import { paint, type CliIo } from './cli-io.js';
import { printableUserText, quoteUserValue } from '../text/quote-user-value.js';

/** How many characters of a name, an id or a reason a timeline line shows. */
export const maxShownNameChars = 80;

/** A name, id or reason from a user or a device, for a line of human output. */
export function shown(text: string): string {
  return printableUserText(text, maxShownNameChars);
}

const typeColumn = 40;

/** `MM-DD HH:MM:SS.mmm` in UTC (virtual time of the fake is UTC too). */
export function clockTime(date: Date): string {
  return date.toISOString().slice(5, 23).replace('T', ' ');
}

/** What a notification says, in a few words. */
export function describeNotification(n: Notification): string {
  const account = shown(n.networkAccountId ?? n.interfaceId ?? '?');
  switch (n.type) {
    case 'gsmSms':
    case 'cdmaSms':
    case 'ussd': {
      const rule =
        n.ruleId === undefined ? '' : ` rule ${shown(n.ruleId)}${n.silent ? ' (silent)' : ''}`;
      const fields = n.fields === undefined ? '' : ` ${describeFields(n.fields)}`;
      return `${quoteUserValue(n.message, 80)}${rule}${fields}`;
    }
    case 'tetheringEntitlementCheck': {
      const answer = n.answer;
      return answer === undefined
        ? `account ${account}: waiting for an answer`
        : `account ${account}: ${answer.allow ? 'allowed' : `denied: ${shown(answer.reason)}`} (answered by ${
            answer.by === 'listener' ? 'a handler' : 'the default'
          })`;
    }
    case 'tetheringOperationalStateChanged':
      return `hotspot ${n.state ?? 'state not reported'}`;
    case 'tetheringNumberOfClientsChanged':
      return `${n.clientCount ?? '?'} client(s)`;
    case 'unknown':
      return `MessageType ${n.messageType ?? '?'}${n.issues.length > 0 ? `: ${printableUserText(n.issues.join('; '), 500)}` : ''}`;
    default:
      return `account ${account}`;
  }
}

function describeFields(
  fields: NonNullable<Extract<Notification, { type: 'ussd' }>['fields']>,
): string {
  const parts: string[] = [];
  if (fields.usageBytes !== undefined) parts.push(`usage ${formatBytes(fields.usageBytes)}`);
  if (fields.dataLimitBytes !== undefined)
    parts.push(`limit ${formatBytes(fields.dataLimitBytes)}`);
  if (fields.usageTimestamp !== undefined)
    parts.push(`as of ${fields.usageTimestamp.toISOString()}`);
  return parts.length > 0 ? `[${parts.join(', ')}]` : '';
}

/**
 * Bytes in SI units (1 GB = 10^9 bytes), the way operators write usage in their messages and the
 * provisioning schema's `G` multiplier counts.
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 2).replace(/\.?0+$/, '')} ${units[unit]}`;
}

/** One timeline line. */
export function timelineLine(io: CliIo, n: Notification): string {
  const label = `${n.type} (${n.messageType ?? '?'})`;
  const origin = n.origin === 'derived' ? paint(io, 'dim', ' [derived]') : '';
  return `${paint(io, 'dim', clockTime(n.timestamp))}  ${paint(io, 'cyan', label.padEnd(typeColumn))}${describeNotification(n)}${origin}\n`;
}

/** One NDJSON line. */
export function jsonLine(n: Notification): string {
  return `${JSON.stringify(n)}\n`;
}
