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
import { civilFromDays, daysFromCivil, type CivilDate } from './civil-date.js';

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

/**
 * One step of a compiled format, every kind with the same fields (one object shape, so the
 * reader's loop stays monomorphic): a run of spaces, a literal, a number, a month name or AM/PM.
 */
interface Step {
  op: typeof opSpace | typeof opLiteral | typeof opNumber | typeof opMonth | typeof opMeridiem;
  /** A literal's text as written, in lower case, and its first character's code. */
  text: string;
  lower: string;
  code: number;
  /** A number's field, how many digits it reads at most, and its range. */
  field: number;
  what: NumberField;
  digits: number;
  min: number;
  max: number;
  /** `%e`: one space may come first. */
  padded: boolean;
  /** `%Y`: exactly four digits. */
  fourDigits: boolean;
  /** `%y`: a year of the 1900s or 2000s. */
  century: boolean;
}

// Strings, not numbered constants: the bundle turns module constants into variables the
// reader's switch would load on every step, where string literals are compared as pointers.
const opSpace = 'space';
const opLiteral = 'literal';
const opNumber = 'number';
const opMonth = 'month';
const opMeridiem = 'meridiem';

type NumberField = 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second';

/** What sets a number step apart: `%e`'s padding, `%Y`'s four digits, `%y`'s century. */
type NumberFlag = 'padded' | 'fourDigits' | 'century';

/** Where each field's value goes while a text is read (-1: not read). */
const dayAt = 0;
const monthAt = 1;
const yearAt = 2;
const hourAt = 3;
const minuteAt = 4;
const secondAt = 5;
/** 0 for AM, 1 for PM. */
const meridiemAt = 6;
const fieldAt: Record<NumberField, number> = {
  day: dayAt,
  month: monthAt,
  year: yearAt,
  hour: hourAt,
  minute: minuteAt,
  second: secondAt,
};

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
  return compileTimestampReader(format);
}

/** @internal A compiled `Format` with the matcher's reader, for arguments already checked. */
export interface TimestampReader extends TimestampFormat {
  /** What `parse` does, without its checks: the date, or why the text does not fit. */
  read(
    text: string,
    referenceTime: number,
    utcOffsetMinutes: number,
    tokens: MeridiemTokens | undefined,
  ): Date | string;
}

/** @internal {@link compileTimestampFormat}, typed with the matcher's reader. */
export function compileTimestampReader(format: string): TimestampReader {
  if (typeof format !== 'string')
    throw formatError(`the format must be a string, got ${describeKind(format)}`, 0);
  if (format.length > maxTimestampFormatLength)
    throw formatError(
      `the format is ${format.length} characters long; at most ${maxTimestampFormatLength} are accepted`,
      maxTimestampFormatLength,
    );
  const { steps, fields, twelveHour } = compileSteps(format);
  if (!fields.has('month') || !fields.has('day'))
    throw formatError(
      'a timestamp format needs a month (%m or %b) and a day (%d); Windows requires both',
      0,
    );
  const read = (
    text: string,
    referenceTime: number,
    utcOffsetMinutes: number,
    tokens: MeridiemTokens | undefined,
  ): Date | string => readSteps(steps, twelveHour, text, referenceTime, utcOffsetMinutes, tokens);
  return {
    source: format,
    parse: (text, context) => {
      checkText(text);
      const { referenceTime, utcOffsetMinutes, amToken, pmToken } = checkContext(context);
      const result = read(text, referenceTime, utcOffsetMinutes, meridiemTokens(amToken, pmToken));
      return typeof result === 'string'
        ? { ok: false, reason: result }
        : { ok: true, date: result };
    },
    read,
  };
}

/** @internal A rule's `AmToken` and `PmToken`, each with its lower-case form, made once. */
export interface MeridiemTokens {
  readonly am: string | undefined;
  readonly amLower: string | undefined;
  readonly pm: string | undefined;
  readonly pmLower: string | undefined;
}

/**
 * @internal The tokens `%p` takes besides AM and PM; `undefined` when there are none. A token
 * longer than the 40 characters `%p` looks at can never be found, and is left out.
 */
export function meridiemTokens(
  am: string | undefined,
  pm: string | undefined,
): MeridiemTokens | undefined {
  const usable = (token: string | undefined): string | undefined =>
    token && token.length <= maxMeridiemTokenLength ? token : undefined;
  const amToken = usable(am);
  const pmToken = usable(pm);
  if (amToken === undefined && pmToken === undefined) return undefined;
  return {
    am: amToken,
    amLower: amToken?.toLowerCase(),
    pm: pmToken,
    pmLower: pmToken?.toLowerCase(),
  };
}

/** How much of the text `%p` looks at, and so the longest AmToken or PmToken. */
const maxMeridiemTokenLength = 40;

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
  if (token !== undefined && (typeof token !== 'string' || token.length > maxMeridiemTokenLength))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${name} must be a string of at most ${maxMeridiemTokenLength} characters`,
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

/** Every step is made here, all fields in one order: one object shape for the reader. */
function step(
  op: Step['op'],
  { text = '', what = 'day', digits = 0, min = 0, max = 0 }: Partial<Step> = {},
  flag?: NumberFlag,
): Step {
  return {
    op,
    text,
    lower: text.toLowerCase(),
    code: text.charCodeAt(0),
    field: op === opNumber ? fieldAt[what] : -1,
    what,
    digits,
    min,
    max,
    padded: flag === 'padded',
    fourDigits: flag === 'fourDigits',
    century: flag === 'century',
  };
}

function numberStep(
  what: NumberField,
  digits: number,
  min: number,
  max: number,
  flag?: NumberFlag,
): Step {
  return step(opNumber, { what, digits, min, max }, flag);
}

/** The step each directive compiles to. */
function directiveStep(directive: Directive): Step {
  switch (directive) {
    case 'b':
    case 'B':
    case 'h':
      return step(opMonth);
    case 'p':
      return step(opMeridiem);
    case 'e':
      return numberStep('day', 2, 1, 31, 'padded');
    case 'd':
      return numberStep('day', 2, 1, 31);
    case 'm':
      return numberStep('month', 2, 1, 12);
    case 'y':
      return numberStep('year', 2, 0, 99, 'century');
    case 'Y':
      // Exactly four digits: "26" is not the year 26 (nor 1926), and a year needs its century.
      return numberStep('year', 4, minYear, maxYear, 'fourDigits');
    case 'H':
      return numberStep('hour', 2, 0, 23);
    case 'I':
      return numberStep('hour', 2, 1, 12);
    case 'M':
      return numberStep('minute', 2, 0, 59);
    case 'S':
      return numberStep('second', 2, 0, 59);
  }
}

/**
 * The steps of a format, the fields it reads, and whether its hour is `%I` (1–12), the only
 * hour that `%p` turns into 0–23 by the 12-hour rules.
 */
function compileSteps(format: string): { steps: Step[]; fields: Set<Field>; twelveHour: boolean } {
  const steps: Step[] = [];
  const seen = new Set<Field>();
  let twelveHour = false;
  const literal = (text: string): void => {
    const last = steps.at(-1);
    if (last?.op === opLiteral)
      steps[steps.length - 1] = step(opLiteral, { text: last.text + text });
    else steps.push(step(opLiteral, { text }));
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%') {
      const start = i;
      let next = format[++i];
      // %#d (Windows) and %-d (glibc): no leading zeros. Reading is lenient either way.
      if (next === '#' || next === '-') next = format[++i];
      if (next === undefined) throw formatError('the format ends with a lone %', start);
      if (next === '%') {
        steps.push(step(opLiteral, { text: '%' }));
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
      if (directive === 'I') twelveHour = true;
      steps.push(directiveStep(directive));
    } else if (isSpaceCode(format.charCodeAt(i))) {
      if (steps.at(-1)?.op !== opSpace) steps.push(step(opSpace));
    } else {
      literal(c);
    }
  }
  return { steps, fields: seen, twelveHour };
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && isSpaceCode(text.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * The values of the text being read, by field (-1: not read). One array for every read, reset
 * each time: reading calls nothing that could read another text meanwhile.
 */
const values = [-1, -1, -1, -1, -1, -1, -1];

/** Reads `text` with the steps of a format: the date, or why the text does not fit. */
function readSteps(
  steps: readonly Step[],
  twelveHour: boolean,
  text: string,
  referenceTime: number,
  utcOffsetMinutes: number,
  tokens: MeridiemTokens | undefined,
): Date | string {
  const length = text.length;
  if (length > maxTimestampTextLength)
    return `the text is ${length} characters long; a timestamp is at most ${maxTimestampTextLength}`;
  values[dayAt] = -1;
  values[monthAt] = -1;
  values[yearAt] = -1;
  values[hourAt] = -1;
  values[minuteAt] = -1;
  values[secondAt] = -1;
  values[meridiemAt] = -1;
  let pos = skipSpaces(text, 0);
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    switch (step.op) {
      case 'space':
        pos = skipSpaces(text, pos);
        break;
      case 'literal':
        // Most literals (":", " on ") are found as written: no lower-case copies then.
        if (
          (step.text.length === 1
            ? text.charCodeAt(pos) !== step.code
            : !text.startsWith(step.text, pos)) &&
          text.slice(pos, pos + step.text.length).toLowerCase() !== step.lower
        )
          return `expected "${step.text}" at character ${pos + 1}`;
        pos += step.text.length;
        break;
      case 'number': {
        if (step.padded && text.charCodeAt(pos) === 0x20) pos++;
        if (step.fourDigits && !isFourDigits(text, pos))
          return `expected a four-digit year at character ${pos + 1}`;
        let value = 0;
        let end = pos;
        for (; end < length && end - pos < step.digits; end++) {
          const digit = text.charCodeAt(end) - 0x30;
          if (digit < 0 || digit > 9) break;
          value = value * 10 + digit;
        }
        if (end === pos) return `expected the ${step.what} (digits) at character ${pos + 1}`;
        if (value < step.min || value > step.max)
          return `${step.what} ${value} is out of range ${step.min}–${step.max}`;
        values[step.field] = step.century ? (value < 69 ? 2000 + value : 1900 + value) : value;
        pos = end;
        break;
      }
      case 'month': {
        const end = readMonth(text, pos);
        if (end < 0) return `expected a month name at character ${pos + 1}`;
        pos = end;
        break;
      }
      case 'meridiem': {
        const end = readMeridiem(text, pos, tokens);
        if (end < 0) return `expected AM or PM at character ${pos + 1}`;
        pos = end;
        break;
      }
    }
  }
  pos = skipSpaces(text, pos);
  if (pos < length)
    return `unexpected "${text.slice(pos, pos + 20)}${length - pos > 20 ? '…' : ''}" after the timestamp`;
  return place(twelveHour, referenceTime, utcOffsetMinutes);
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isFourDigits(text: string, pos: number): boolean {
  // Read within the text only (see readMonth).
  return (
    pos + 4 <= text.length &&
    isDigitCode(text.charCodeAt(pos)) &&
    isDigitCode(text.charCodeAt(pos + 1)) &&
    isDigitCode(text.charCodeAt(pos + 2)) &&
    isDigitCode(text.charCodeAt(pos + 3)) &&
    (pos + 4 === text.length || !isDigitCode(text.charCodeAt(pos + 4)))
  );
}

const longestMonthName = 9;

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/**
 * The month whose full or three-letter name, in any case, is the `length` letters of `text` at
 * `pos`; 0 for none. Compared by character codes: no lower-case copy of the text.
 */
function monthNamed(text: string, pos: number, length: number): number {
  if (length < 3) return 0;
  for (let month = 1; month <= 12; month++) {
    const name = monthNames[month - 1]!;
    if (length !== 3 && length !== name.length) continue;
    let i = 0;
    // A month name's letters are ASCII lower case; the case bit folds the text's to them.
    while (i < length && (text.charCodeAt(pos + i) | 0x20) === name.charCodeAt(i)) i++;
    if (i === length) return month;
  }
  return 0;
}

/**
 * Reads a month name at `pos` into the values; the position after it, or -1. The name must end
 * there: "Mar" but not the start of "Marching" (nor of "MarK" with a Kelvin sign, which is a
 * letter k in lower case).
 */
function readMonth(text: string, pos: number): number {
  // Never past the end: V8 reads a character there (NaN) off its fast path.
  const last = Math.min(text.length, pos + longestMonthName + 1);
  let end = pos;
  while (end < last && isAsciiLetter(text.charCodeAt(end))) end++;
  const month = monthNamed(text, pos, end - pos);
  if (month === 0) return -1;
  if (
    end < text.length &&
    text.charCodeAt(end) >= 0x80 &&
    isAsciiLetter(
      text
        .slice(end, end + 2)
        .toLowerCase()
        .charCodeAt(0),
    )
  )
    return -1;
  values[monthAt] = month;
  return end;
}

/** Reads AM or PM (the rule's own tokens first) at `pos`; the position after it, or -1. */
function readMeridiem(text: string, pos: number, tokens: MeridiemTokens | undefined): number {
  if (tokens !== undefined) {
    const rest = text.slice(pos, pos + maxMeridiemTokenLength).toLowerCase();
    if (tokens.am !== undefined && rest.startsWith(tokens.amLower!)) {
      values[meridiemAt] = 0;
      return pos + tokens.am.length;
    }
    if (tokens.pm !== undefined && rest.startsWith(tokens.pmLower!)) {
      values[meridiemAt] = 1;
      return pos + tokens.pm.length;
    }
  }
  // No other character is "a", "p" or "m" in lower case, so ASCII's case bit is enough.
  if (pos + 2 > text.length) return -1;
  const first = text.charCodeAt(pos) | 0x20;
  if ((text.charCodeAt(pos + 1) | 0x20) !== 0x6d || (first !== 0x61 && first !== 0x70)) return -1;
  values[meridiemAt] = first === 0x70 ? 1 : 0;
  return pos + 2;
}

const msPerMinute = 60_000;
const msPerDay = 86_400_000;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthDays[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * The date of a day number, remembered for the next message: messages mostly come with a
 * reference time of the same day.
 */
function referenceDate(days: number): CivilDate {
  if (days !== lastReference.days) lastReference = { days, date: civilFromDays(days) };
  return lastReference.date;
}

let lastReference: { days: number; date: CivilDate } = {
  days: 0,
  date: civilFromDays(0),
};

/**
 * Days since the epoch of a valid date. The first day of the last month asked is remembered:
 * an operator's messages mostly speak of this month.
 */
function dayNumber(year: number, month: number, day: number): number {
  if (year !== lastMonth.year || month !== lastMonth.month)
    lastMonth = { year, month, firstDay: daysFromCivil(year, month, 1) };
  return lastMonth.firstDay + day - 1;
}

let lastMonth = { year: 1970, month: 1, firstDay: 0 };

/** The instant of the values read, placed in time; or why there is none. */
function place(
  twelveHour: boolean,
  referenceTime: number,
  utcOffsetMinutes: number,
): Date | string {
  const month = values[monthAt]!;
  const day = values[dayAt]!;
  const year = values[yearAt]!;
  const meridiem = values[meridiemAt]!;
  let hour = Math.max(values[hourAt]!, 0);
  // %I with %p: 12 AM is 0h, 12 PM is 12h. %I without %p reads the hour as written.
  if (twelveHour && meridiem >= 0) hour = (hour % 12) + (meridiem === 1 ? 12 : 0);
  else if (meridiem === 1 && hour < 12) hour += 12;
  const offset = utcOffsetMinutes * msPerMinute;
  const timeOfDay =
    hour * 3_600_000 +
    Math.max(values[minuteAt]!, 0) * msPerMinute +
    Math.max(values[secondAt]!, 0) * 1000;
  if (year >= 0) {
    // 31 April does not exist (Date.UTC would roll it over to 1 May).
    if (day > daysInMonth(year, month)) return `${year}-${month}-${day} is not a date`;
    return new Date(dayNumber(year, month, day) * msPerDay + timeOfDay - offset);
  }
  // No year: "the most recent occurrence of that date is assumed" (WWAN schema,
  // UsageTimestamp/@Group): the latest year in which the date is not after the date of the
  // reference time, in the operator's zone. By the date, not the instant: a time later the
  // same day (an operator's clock or zone a few hours off) stays on that day rather than a
  // year back. 29 February may lie up to eight years back (1896, then 1904).
  const reference = referenceDate(Math.floor((referenceTime + offset) / msPerDay));
  const notAfterReference =
    month < reference.month || (month === reference.month && day <= reference.day);
  const latest = notAfterReference ? reference.year : reference.year - 1;
  for (let candidate = latest; candidate >= latest - 8; candidate--)
    if (day <= daysInMonth(candidate, month))
      return new Date(dayNumber(candidate, month, day) * msPerDay + timeOfDay - offset);
  return `month ${month} has no day ${day}`;
}
