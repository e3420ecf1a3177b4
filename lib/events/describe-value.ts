/**
 * Text for any value a user's code threw or rejected with (or any other value a user supplied),
 * for the message of the error that reports it. User code may throw anything: a null-prototype object (`String()` of it throws),
 * an Error whose `message` getter throws, a Proxy that throws on every trap, a Symbol, a
 * megabyte of text with terminal escapes. Reporting such a failure must not fail in turn — a
 * throw here would stop delivery to other listeners or become an unhandled rejection — so every
 * read of the value is guarded, and the text is bounded and free of control characters.
 *
 * The value itself is never changed or dropped: reports carry it as the error's `cause`.
 *
 * @module
 * @internal
 */

import { escapeControlCharacters, quoteUserValue } from '../text/quote-user-value.js';

/** The longest description, in characters; longer text is cut with an ellipsis. */
export const maxValueDescriptionLength = 200;

/** A one-line, bounded description of `value` that never throws. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = describe(value);
  } catch {
    text = 'a value that cannot be inspected';
  }
  return bounded(text);
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      // String() of a symbol is its descriptive string; no user code runs.
      return String(value);
    case 'function':
      return 'a function';
    default:
      return value === null ? 'null' : describeObject(value as object);
  }
}

function describeObject(value: object): string {
  const message = guarded(() => (value as { message?: unknown }).message);
  const name = guarded(() => (value as { name?: unknown }).name);
  const isError = guarded(() => value instanceof Error) === true;
  if (typeof message === 'string') {
    const named = typeof name === 'string' && name !== '' ? name : undefined;
    // A plain Error reads best as its message alone; other kinds keep their name (TypeError: …).
    if (isError && (named === undefined || named === 'Error')) return message || 'Error';
    const prefix = named ?? (isError ? 'Error' : 'an object');
    return message === '' ? prefix : `${prefix}: ${message}`;
  }
  if (isError) {
    return `${typeof name === 'string' && name !== '' ? name : 'Error'} (its message cannot be read)`;
  }
  const prototype = guarded(() => Object.getPrototypeOf(value) as unknown);
  if (prototype === null) return 'an object with a null prototype';
  // getPrototypeOf never gives undefined: its trap threw (a Proxy).
  if (prototype === undefined) return 'an object that cannot be inspected';
  const constructorName = guarded(
    () => (value as { constructor?: { name?: unknown } }).constructor?.name,
  );
  if (
    typeof constructorName === 'string' &&
    constructorName !== '' &&
    constructorName !== 'Object'
  ) {
    return `an object (${constructorName})`;
  }
  return 'an object';
}

/** The result of `read`, or `undefined` when it throws (a getter, a Proxy trap). */
function guarded<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * A string as messages quote what a user gave (lib/text/quote-user-value.ts), with fewer of its
 * characters when escapes make it long, so the quote keeps its closing mark and length.
 */
function quoted(text: string): string {
  const budget = maxValueDescriptionLength - 10;
  let shown = maxValueDescriptionLength - 40;
  let quote = quoteUserValue(text, shown);
  while (quote.length > budget && shown > 8) {
    shown = Math.floor(shown / 2);
    quote = quoteUserValue(text, shown);
  }
  return quote;
}

function bounded(text: string): string {
  const escaped = escapeControlCharacters(text.slice(0, maxValueDescriptionLength));
  return escaped.length < text.length || escaped.length > maxValueDescriptionLength
    ? `${escaped.slice(0, maxValueDescriptionLength - 1)}…`
    : escaped;
}
