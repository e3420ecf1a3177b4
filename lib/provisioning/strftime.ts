/**
 * Reading the date and time of a message with the strftime-like `Format` of a
 * `UsageTimestamp` field (`%I:%M%p on %d %b`).
 *
 * A hand-written scanner, linear in the text, so a format can never be slow.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { describeKind } from '../check-arguments.js';
import { checkInstant, maxYear, minYear } from '../time-values.js';

/**
 * The directives a `Format` may use. Windows documents `%d %H %I %m %M %S %y %Y %p` and the
 * `%#d`-style forms without leading zeros; the documents' own sample also uses `%b`, so
 * month names are accepted too.
 */
export const timestampDirectives = {
  d: 'day of the month, 1–31',
  e: 'day of the month, 1–31 (may be space-padded)',
  m: 'month number, 1–12',
  b: 'month name, English, abbreviated or full, any case',
  B: 'month name (same as %b)',
  h: 'month name (same as %b)',
  y: 'year without century (69–99 → 19xx, 00–68 → 20xx)',
  Y: 'year with century, 4 digits',
  H: 'hour, 0–23',
  I: 'hour, 1–12 (with %p)',
  M: 'minute, 0–59',
  S: 'second, 0–59',
  p: 'AM or PM (or the rule’s AmToken / PmToken), any case',
  '%': 'a literal %',
} as const;

type Directive = Exclude<keyof typeof timestampDirectives, '%'>;
type Field = 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second' | 'meridiem';

const fieldOf: Record<Directive, Field> = {
  d: 'day',
  e: 'day',
  m: 'month',
  b: 'month',
  B: 'month',
  h: 'month',
  y: 'year',
  Y: 'year',
  H: 'hour',
  I: 'hour',
  M: 'minute',
  S: 'second',
  p: 'meridiem',
};

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

type Token =
  | { kind: 'directive'; directive: Directive }
  | { kind: 'literal'; text: string; lower: string }
  | { kind: 'space' };

/**
 * `details` of the `ERR_INVALID_ARGUMENT` error {@link compileTimestampFormat} throws: what is
 * wrong and at which character of the format.
 */
export interface TimestampFormatErrorDetails extends Record<string, unknown> {
  /** What is wrong, without position. */
  reason: string;
  /** 0-based index in the format. */
  offset: number;
}

/** The longest `Format` accepted; real ones are a few directives long. */
export const maxTimestampFormatLength = 256;

function formatError(reason: string, offset: number): MobileBroadbandError {
  const details: TimestampFormatErrorDetails = { reason, offset };
  return new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `${reason} (at character ${offset + 1} of the format)`,
    { details },
  );
}

/** How to place a timestamp in time. */
export interface TimestampContext {
  /**
   * When the message arrived, in ms since the epoch: a timestamp without a year is the most
   * recent occurrence of its date on or before this time's date (in the operator's zone).
   */
  referenceTime: number;
  /** The zone the message's times are written in, in minutes east of UTC (UTC+1 → 60). */
  utcOffsetMinutes: number;
  /** The text `%p` takes for AM, besides `AM`. */
  amToken?: string;
  /** The text `%p` takes for PM, besides `PM`. */
  pmToken?: string;
}

/** The result of reading a timestamp: a date, or why the text does not fit the format. */
export type TimestampResult = { ok: true; date: Date } | { ok: false; reason: string };

/** A compiled `Format`. */
export interface TimestampFormat {
  readonly source: string;
  /** Reads `text`, which must fit the whole format. */
  parse(text: string, context: TimestampContext): TimestampResult;
}

/**
 * Compiles a `Format`.
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` with {@link TimestampFormatErrorDetails}
 *   for an unknown directive, a directive given twice, a format without month and day (Windows
 *   requires both), or one longer than {@link maxTimestampFormatLength}.
 */
export function compileTimestampFormat(format: string): TimestampFormat {
  if (typeof format !== 'string')
    throw formatError(`the format must be a string, got ${describeKind(format)}`, 0);
  if (format.length > maxTimestampFormatLength)
    throw formatError(
      `the format is ${format.length} characters long; at most ${maxTimestampFormatLength} are accepted`,
      maxTimestampFormatLength,
    );
  const tokens = tokenize(format);
  const fields = new Set(
    tokens.flatMap((t) => (t.kind === 'directive' ? [fieldOf[t.directive]] : [])),
  );
  if (!fields.has('month') || !fields.has('day'))
    throw formatError(
      'a timestamp format needs a month (%m or %b) and a day (%d); Windows requires both',
      0,
    );
  return {
    source: format,
    parse: (text, context) => parseWith(tokens, checkText(text), checkContext(context)),
  };
}

/** The longest text {@link TimestampFormat.parse} reads (a capture group of a message). */
const maxTimestampTextLength = 1024;

function checkText(text: unknown): string {
  if (typeof text !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `the timestamp text must be a string, got ${describeKind(text)}`,
    );
  return text;
}

/** Range-checks the context: a real reference time, an offset of a real time zone. */
function checkContext(context: unknown): TimestampContext {
  if (typeof context !== 'object' || context === null)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'the timestamp context must be an object { referenceTime, utcOffsetMinutes, amToken?, pmToken? }',
    );
  const { referenceTime, utcOffsetMinutes, amToken, pmToken } = context as TimestampContext;
  checkInstant(referenceTime, 'referenceTime');
  checkUtcOffset(utcOffsetMinutes);
  // Checked one by one, no list made: this runs for every timestamp a message rule reads.
  checkToken(amToken, 'amToken');
  checkToken(pmToken, 'pmToken');
  return context as TimestampContext;
}

function checkToken(token: unknown, name: string): void {
  if (token !== undefined && (typeof token !== 'string' || token.length > 40))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${name} must be a string of at most 40 characters`,
    );
}

/** The offsets of real time zones: UTC−12:00 to UTC+14:00, in minutes. */
export const minUtcOffsetMinutes = -12 * 60;
export const maxUtcOffsetMinutes = 14 * 60;

/** An offset from UTC in whole minutes, from UTC−12:00 to UTC+14:00. */
export function checkUtcOffset(value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < minUtcOffsetMinutes ||
    value > maxUtcOffsetMinutes
  )
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `utcOffsetMinutes must be a whole number of minutes from ${minUtcOffsetMinutes} to ${maxUtcOffsetMinutes} (UTC−12:00 to UTC+14:00), got ${describeKind(value)}`,
    );
  return value;
}

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  const seen = new Set<Field>();
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%') {
      const start = i;
      let next = format[++i];
      // %#d (Windows) and %-d (glibc): no leading zeros. Reading is lenient either way.
      if (next === '#' || next === '-') next = format[++i];
      if (next === undefined) throw formatError('the format ends with a lone %', start);
      if (next === '%') {
        tokens.push({ kind: 'literal', text: '%', lower: '%' });
        continue;
      }
      if (!Object.hasOwn(fieldOf, next))
        throw formatError(
          `unknown directive %${next} (known: ${Object.keys(timestampDirectives)
            .map((d) => `%${d}`)
            .join(' ')})`,
          start,
        );
      const directive = next as Directive;
      const field = fieldOf[directive];
      if (seen.has(field)) throw formatError(`the ${field} appears twice (%${directive})`, start);
      seen.add(field);
      tokens.push({ kind: 'directive', directive });
    } else if (isSpace(c)) {
      if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space' });
    } else {
      const last = tokens.at(-1);
      if (last?.kind === 'literal') last.text += c;
      else tokens.push({ kind: 'literal', text: c, lower: '' });
    }
  }
  for (const token of tokens) if (token.kind === 'literal') token.lower = token.text.toLowerCase();
  return tokens;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
}

interface Parts {
  day?: number;
  month?: number;
  year?: number;
  hour?: number;
  twelveHour?: boolean;
  minute?: number;
  second?: number;
  pm?: boolean;
}

function parseWith(tokens: Token[], text: string, context: TimestampContext): TimestampResult {
  if (text.length > maxTimestampTextLength)
    return fail(
      `the text is ${text.length} characters long; a timestamp is at most ${maxTimestampTextLength}`,
    );
  // Every field present from the start: one object shape whatever the format.
  const parts: Parts = {
    day: undefined,
    month: undefined,
    year: undefined,
    hour: undefined,
    twelveHour: undefined,
    minute: undefined,
    second: undefined,
    pm: undefined,
  };
  let pos = 0;
  const skipSpaces = (): void => {
    while (pos < text.length && isSpace(text[pos]!)) pos++;
  };
  skipSpaces();
  for (const token of tokens) {
    if (token.kind === 'space') {
      skipSpaces();
      continue;
    }
    if (token.kind === 'literal') {
      const found = text.slice(pos, pos + token.text.length);
      // Most literals (":", " on ") are found as written: no lower-case copies then.
      if (found !== token.text && found.toLowerCase() !== token.lower)
        return fail(`expected "${token.text}" at character ${pos + 1}`);
      pos += token.text.length;
      continue;
    }
    const read = readDirective(token.directive, text, pos, parts, context);
    if (typeof read === 'string') return fail(read);
    pos = read;
  }
  skipSpaces();
  if (pos < text.length)
    return fail(
      `unexpected "${text.slice(pos, pos + 20)}${text.length - pos > 20 ? '…' : ''}" after the timestamp`,
    );
  return place(parts, context);
}

function fail(reason: string): TimestampResult {
  return { ok: false, reason };
}

/** Reads one directive at `pos`; returns the new position, or why it failed. */
function readDirective(
  directive: Directive,
  text: string,
  pos: number,
  parts: Parts,
  context: TimestampContext,
): number | string {
  switch (directive) {
    case 'b':
    case 'B':
    case 'h': {
      const rest = text.slice(pos, pos + 10).toLowerCase();
      for (const [form, month] of monthForms) {
        const next = rest.charCodeAt(form.length);
        // The name must end there: "Mar" but not the start of "Marching".
        if (rest.startsWith(form) && !(next >= 0x61 && next <= 0x7a)) {
          parts.month = month;
          return pos + form.length;
        }
      }
      return `expected a month name at character ${pos + 1}`;
    }
    case 'p': {
      const rest = text.slice(pos, pos + 40).toLowerCase();
      // The rule's own tokens first, then AM and PM.
      const am = context.amToken;
      const pm = context.pmToken;
      if (am && rest.startsWith(am.toLowerCase())) return meridiem(parts, false, pos + am.length);
      if (pm && rest.startsWith(pm.toLowerCase())) return meridiem(parts, true, pos + pm.length);
      if (rest.startsWith('am')) return meridiem(parts, false, pos + 2);
      if (rest.startsWith('pm')) return meridiem(parts, true, pos + 2);
      return `expected AM or PM at character ${pos + 1}`;
    }
    case 'e':
      if (text[pos] === ' ') pos++;
      return readNumber(text, pos, 2, 1, 31, 'day', parts);
    case 'd':
      return readNumber(text, pos, 2, 1, 31, 'day', parts);
    case 'm':
      return readNumber(text, pos, 2, 1, 12, 'month', parts);
    case 'y': {
      const end = readNumber(text, pos, 2, 0, 99, 'year', parts);
      if (typeof end === 'number')
        parts.year = parts.year! < 69 ? 2000 + parts.year! : 1900 + parts.year!;
      return end;
    }
    case 'Y':
      // Exactly four digits: "26" is not the year 26 (nor 1926), and a year needs its century.
      if (!/^\d{4}(?!\d)/.test(text.slice(pos, pos + 5)))
        return `expected a four-digit year at character ${pos + 1}`;
      return readNumber(text, pos, 4, minYear, maxYear, 'year', parts);
    case 'H':
      return readNumber(text, pos, 2, 0, 23, 'hour', parts);
    case 'I':
      parts.twelveHour = true;
      return readNumber(text, pos, 2, 1, 12, 'hour', parts);
    case 'M':
      return readNumber(text, pos, 2, 0, 59, 'minute', parts);
    case 'S':
      return readNumber(text, pos, 2, 0, 59, 'second', parts);
  }
}

/** Every month's full and three-letter name, lower case, in the order they are tried. */
const monthForms: readonly (readonly [string, number])[] = monthNames.flatMap((name, index) => [
  [name, index + 1] as const,
  [name.slice(0, 3), index + 1] as const,
]);

function meridiem(parts: Parts, pm: boolean, end: number): number {
  parts.pm = pm;
  return end;
}

/** Reads up to `maxDigits` digits at `pos` into `parts[what]`; the new position, or why not. */
function readNumber(
  text: string,
  pos: number,
  maxDigits: number,
  min: number,
  max: number,
  what: 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second',
  parts: Parts,
): number | string {
  let value = 0;
  let end = pos;
  for (; end < text.length && end - pos < maxDigits; end++) {
    const digit = text.charCodeAt(end) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (end === pos) return `expected the ${what} (digits) at character ${pos + 1}`;
  if (value < min || value > max) return `${what} ${value} is out of range ${min}–${max}`;
  parts[what] = value;
  return end;
}

const msPerMinute = 60_000;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthDays[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function place(parts: Parts, context: TimestampContext): TimestampResult {
  const month = parts.month!;
  const day = parts.day!;
  let hour = parts.hour ?? 0;
  // %I with %p: 12 AM is 0h, 12 PM is 12h. %I without %p reads the hour as written.
  if (parts.twelveHour && parts.pm !== undefined) hour = (hour % 12) + (parts.pm ? 12 : 0);
  else if (parts.pm === true && hour < 12) hour += 12;
  const offset = context.utcOffsetMinutes * msPerMinute;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  const at = (year: number): number | undefined => {
    // 31 April does not exist (Date.UTC would roll it over to 1 May).
    if (day > daysInMonth(year, month)) return undefined;
    // Date.UTC reads the years 0–99 as 1900–1999: those go through setUTCFullYear.
    if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second) - offset;
    const wall = new Date(0);
    wall.setUTCFullYear(year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    return wall.getTime() - offset;
  };
  if (parts.year !== undefined) {
    const time = at(parts.year);
    if (time === undefined) return fail(`${parts.year}-${month}-${day} is not a date`);
    return { ok: true, date: new Date(time) };
  }
  // No year: "the most recent occurrence of that date is assumed" (WWAN schema,
  // UsageTimestamp/@Group): the latest year in which the date is not after the date of the
  // reference time, in the operator's zone. By the date, not the instant: a time later the
  // same day (an operator's clock or zone a few hours off) stays on that day rather than a
  // year back. 29 February may lie up to eight years back (1896, then 1904).
  const reference = new Date(context.referenceTime + offset);
  const referenceYear = reference.getUTCFullYear();
  const referenceMonth = reference.getUTCMonth() + 1;
  const notAfterReference =
    month < referenceMonth || (month === referenceMonth && day <= reference.getUTCDate());
  const latest = notAfterReference ? referenceYear : referenceYear - 1;
  for (let year = latest; year >= latest - 8; year--) {
    const time = at(year);
    if (time !== undefined) return { ok: true, date: new Date(time) };
  }
  return fail(`month ${month} has no day ${day}`);
}
