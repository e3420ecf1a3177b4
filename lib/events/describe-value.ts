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

// C0, DEL, C1, the line and paragraph separators, and bidirectional overrides: what could
// rewrite a terminal line or split a log record.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A string in quotes, JSON-escaped, cut inside the quotes so they stay; with its length if cut. */
function quoted(text: string): string {
  const budget = maxValueDescriptionLength - 40;
  let inner = '';
  let index = 0;
  for (; index < text.length; index++) {
    const escaped = JSON.stringify(text[index]).slice(1, -1).replace(unsafe, escapeOne);
    if (inner.length + escaped.length > budget) break;
    inner += escaped;
  }
  return index < text.length ? `"${inner}…" (${text.length} characters)` : `"${inner}"`;
}

function escapeOne(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function bounded(text: string): string {
  const escaped = text.slice(0, maxValueDescriptionLength).replace(unsafe, escapeOne);
  return escaped.length < text.length || escaped.length > maxValueDescriptionLength
    ? `${escaped.slice(0, maxValueDescriptionLength - 1)}…`
    : escaped;
}
