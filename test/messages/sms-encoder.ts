/**
 * An SMS-DELIVER / USSD encoder for the tests only (not shipped). It is written from the
 * specifications independently of lib/messages (its own alphabet table, its own bit packing),
 * so round trips through it check the decoder rather than the decoder checking itself.
 */

/** GSM 7-bit default alphabet, TS 23.038 §6.2.1, written out row by row (0x1B = escape). */
const defaultRows = [
  '@£$¥èéùìòÇ\nØø\rÅå',
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ',
  ' !"#¤%&\'()*+,-./',
  '0123456789:;<=>?',
  '¡ABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÄÖÑÜ§',
  '¿abcdefghijklmno',
  'pqrstuvwxyzäöñüà',
];
const defaultTable = new Map<string, number>();
defaultRows
  .join('')
  .split('')
  .forEach((char, code) => {
    if (code !== 0x1b) defaultTable.set(char, code);
  });
/** Extension table, TS 23.038 §6.2.1.1: character → code after the escape. */
const extensionTable = new Map<string, number>([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

/** Every character the GSM 7-bit default alphabet and its extension table can carry. */
export const gsm7Characters: readonly string[] = [...defaultTable.keys(), ...extensionTable.keys()];

/** Septets of `text`; extension characters become escape + code. Throws for others. */
export function gsm7Septets(text: string): number[] {
  const out: number[] = [];
  for (const char of text) {
    const code = defaultTable.get(char);
    if (code !== undefined) {
      out.push(code);
      continue;
    }
    const extended = extensionTable.get(char);
    if (extended === undefined) throw new Error(`not in the GSM 7-bit alphabet: ${char}`);
    out.push(0x1b, extended);
  }
  return out;
}

/**
 * Packs septets after `prefix` octets: the septets start at the first septet boundary after
 * the prefix (fill bits are zero), bits least significant first.
 */
export function packSeptets(septets: readonly number[], prefix: readonly number[] = []): number[] {
  const prefixSeptets = Math.ceil((prefix.length * 8) / 7);
  const totalBits = (prefixSeptets + septets.length) * 7;
  const out = new Array<number>(Math.ceil(totalBits / 8)).fill(0);
  prefix.forEach((octet, i) => (out[i] = octet));
  septets.forEach((septet, i) => {
    for (let b = 0; b < 7; b++) {
      if (((septet >> b) & 1) === 0) continue;
      const bit = (prefixSeptets + i) * 7 + b;
      out[bit >> 3]! |= 1 << (bit & 7);
    }
  });
  return out;
}

/** Big-endian UTF-16 code units of `text` (lone surrogates included). */
export function ucs2Octets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(unit >> 8, unit & 0xff);
  }
  return out;
}

/** Semi-octets of a digit string, low nibble first, F-filled. */
function semiOctets(digits: string): number[] {
  const values = [...digits].map((d) => '0123456789*#abc'.indexOf(d));
  if (values.includes(-1)) throw new Error(`not an address digit in ${digits}`);
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 2) out.push(values[i]! | ((values[i + 1] ?? 0xf) << 4));
  return out;
}

export interface EncodeAddress {
  /** Digits (with a leading + for international), or a name when `alphanumeric`. */
  value: string;
  alphanumeric?: boolean;
  /** Overrides the type-of-address octet. */
  typeOfAddress?: number;
}

/** TP-OA: length in semi-octets, type of address, value. */
export function encodeOriginatingAddress(address: EncodeAddress): number[] {
  if (address.alphanumeric === true) {
    const septets = gsm7Septets(address.value);
    const packed = packSeptets(septets);
    return [Math.ceil((septets.length * 7) / 4), address.typeOfAddress ?? 0xd0, ...packed];
  }
  const international = address.value.startsWith('+');
  const digits = international ? address.value.slice(1) : address.value;
  return [
    digits.length,
    address.typeOfAddress ?? (international ? 0x91 : 0x81),
    ...semiOctets(digits),
  ];
}

/** The SC address: octet count, type of address, digits. `undefined` → `00`. */
export function encodeServiceCentre(value: string | undefined): number[] {
  if (value === undefined) return [0];
  const international = value.startsWith('+');
  const digits = semiOctets(international ? value.slice(1) : value);
  return [digits.length + 1, international ? 0x91 : 0x81, ...digits];
}

export interface EncodeTimestamp {
  /** Full year; encoded as two digits. */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset from UTC in minutes, a multiple of 15. */
  offsetMinutes: number;
}

function bcdSwapped(value: number): number {
  return (Math.floor(value / 10) % 10) | ((value % 10) << 4);
}

/** TP-SCTS. */
export function encodeTimestamp(t: EncodeTimestamp): number[] {
  const quarters = Math.abs(t.offsetMinutes) / 15;
  const zone = bcdSwapped(quarters) | (t.offsetMinutes < 0 ? 0x08 : 0);
  return [t.year % 100, t.month, t.day, t.hour, t.minute, t.second].map(bcdSwapped).concat(zone);
}

/** The UTC instant a timestamp stands for. */
export function instantOf(t: EncodeTimestamp): number {
  return (
    Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - t.offsetMinutes * 60_000
  );
}

export type EncodeBody =
  | { alphabet: 'gsm7'; text: string }
  | { alphabet: 'ucs2'; text: string }
  | { alphabet: '8bit'; data: readonly number[] };

export interface EncodeDeliver {
  smsc?: string | undefined;
  sender: EncodeAddress;
  timestamp: EncodeTimestamp;
  pid?: number;
  /** Defaults to 0x00 / 0x08 / 0x04 by alphabet. */
  dcs?: number;
  /** Information elements (without UDHL); sets TP-UDHI. */
  header?: readonly number[];
  body: EncodeBody;
  moreMessagesToSend?: boolean;
  replyPath?: boolean;
  statusReportIndication?: boolean;
  /** Leave out the SC address entirely (a bare TPDU). */
  tpduOnly?: boolean;
}

/** Encodes an SMS-DELIVER, SC address first unless `tpduOnly`. */
export function encodeDeliver(m: EncodeDeliver): Uint8Array {
  const header = m.header === undefined ? [] : [m.header.length, ...m.header];
  const firstOctet =
    (m.moreMessagesToSend === true ? 0 : 0x04) |
    (m.statusReportIndication === true ? 0x20 : 0) |
    (header.length > 0 ? 0x40 : 0) |
    (m.replyPath === true ? 0x80 : 0);
  let dcs: number;
  let udl: number;
  let ud: number[];
  switch (m.body.alphabet) {
    case 'gsm7': {
      const septets = gsm7Septets(m.body.text);
      ud = packSeptets(septets, header);
      udl = Math.ceil((header.length * 8) / 7) + septets.length;
      dcs = m.dcs ?? 0x00;
      break;
    }
    case 'ucs2':
      ud = [...header, ...ucs2Octets(m.body.text)];
      udl = ud.length;
      dcs = m.dcs ?? 0x08;
      break;
    case '8bit':
      ud = [...header, ...m.body.data];
      udl = ud.length;
      dcs = m.dcs ?? 0x04;
      break;
  }
  return Uint8Array.from([
    ...(m.tpduOnly === true ? [] : encodeServiceCentre(m.smsc)),
    firstOctet,
    ...encodeOriginatingAddress(m.sender),
    m.pid ?? 0,
    dcs,
    ...encodeTimestamp(m.timestamp),
    udl,
    ...ud,
  ]);
}

/** Concatenation information element (8- or 16-bit reference). */
export function concatenationElement(
  reference: number,
  total: number,
  sequence: number,
  bits: 8 | 16 = 8,
): number[] {
  return bits === 8
    ? [0x00, 3, reference, total, sequence]
    : [0x08, 4, reference >> 8, reference & 0xff, total, sequence];
}

/**
 * Splits a text into the bodies of concatenated parts the way a sender would: GSM 7-bit never
 * splits an escape sequence; UCS-2 splits at any code unit (so a surrogate pair may straddle
 * two parts, which the receiver must join again).
 */
export function splitText(text: string, alphabet: 'gsm7' | 'ucs2', bits: 8 | 16): string[] {
  const headerOctets = bits === 8 ? 6 : 7;
  if (alphabet === 'ucs2') {
    const units = (140 - headerOctets) >> 1;
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += units) parts.push(text.slice(i, i + units));
    return parts.length === 0 ? [''] : parts;
  }
  const capacity = Math.floor((140 * 8) / 7) - Math.ceil((headerOctets * 8) / 7);
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const cost = gsm7Septets(char).length;
    if (used + cost > capacity) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cost;
  }
  parts.push(current);
  return parts;
}

/** Hex of bytes, upper case. */
export function toHex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
}

/**
 * A USSD string in GSM 7-bit, with TS 23.038 §6.1.2.3.1's padding: 8n−1 characters get a CR in
 * the 7 spare bits; a text ending in CR on an octet boundary gets a second CR.
 */
export function packUssd(text: string): number[] {
  const septets = gsm7Septets(text);
  if (septets.length % 8 === 7) septets.push(0x0d);
  else if (septets.length % 8 === 0 && septets[septets.length - 1] === 0x0d) septets.push(0x0d);
  return packSeptets(septets);
}
