/**
 * `wmbb-operator-task.ini`, the settings the forwarding component reads from beside its DLL
 * with GetPrivateProfileStringW/GetPrivateProfileIntW: what to answer an entitlement check when
 * the app cannot (not running and not startable, no answer in time, the task cancelled).
 *
 * @module
 */

import type { CheckedOperatorManifestOptions } from './operator-manifest-options.js';

/**
 * The INI text. Comments stand on lines of their own: Windows' profile reader does not strip a
 * `;` after a value, so `default=allow ; note` would read as a bad value (and so as `deny`).
 */
export function operatorTaskConfigText(
  options: Pick<
    CheckedOperatorManifestOptions,
    'entitlementDefault' | 'entitlementReason' | 'entitlementDeadlineMs'
  >,
): string {
  return [
    '; wmbb-operator-task.ini: read by wmbb-operator-task.dll from its own folder.',
    '; What the component answers a tethering entitlement check by itself when the app cannot:',
    '; default is allow or deny; reason is shown with a denial; deadlineMs is 1000 to 25000.',
    '[entitlement]',
    `default=${options.entitlementDefault}`,
    `reason=${options.entitlementReason}`,
    `deadlineMs=${options.entitlementDeadlineMs}`,
    '',
  ].join('\r\n');
}

/**
 * The INI file's bytes: UTF-16LE with a byte-order mark, the one encoding in which
 * GetPrivateProfileStringW reads every character of a reason (a file without the mark is read
 * in the machine's ANSI code page, which turns "ü" or "ł" written as UTF-8 into other letters;
 * Raymond Chen, "Can INI files be Unicode? Yes, they can, but it has to be your idea", The Old
 * New Thing, 2024-06-06).
 */
export function operatorTaskConfigBytes(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  const bytes = new Uint8Array(body.length + 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  bytes.set(body, 2);
  return bytes;
}
