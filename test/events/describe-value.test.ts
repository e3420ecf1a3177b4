import { describe, expect, it } from 'vitest';
import { describeValue, maxValueDescriptionLength } from '../../lib/events/describe-value.js';

/** An Error whose `message` getter throws. */
function errorWithThrowingMessage(): Error {
  const error = new TypeError('hidden');
  Object.defineProperty(error, 'message', {
    get() {
      throw new Error('no message for you');
    },
  });
  return error;
}

/** A Proxy that throws on every trap. */
function trappedEverywhere(): object {
  return new Proxy(
    {},
    new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('trap');
        },
      },
    ),
  );
}

describe('describeValue', () => {
  it.each([
    ['a plain Error', new Error('boom'), 'boom'],
    ['another kind of Error', new RangeError('too far'), 'RangeError: too far'],
    [
      'an Error whose message getter throws',
      errorWithThrowingMessage(),
      'TypeError (its message cannot be read)',
    ],
    ['a null-prototype object', Object.create(null) as object, 'an object with a null prototype'],
    [
      'a Proxy that throws on every trap',
      trappedEverywhere(),
      'an object that cannot be inspected',
    ],
    ['a symbol', Symbol('sym'), 'Symbol(sym)'],
    ['a string', 'text', '"text"'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a bigint', 12n, '12n'],
    ['a function', () => undefined, 'a function'],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('x');
        },
      },
      'an object',
    ],
    ['an object with a message', { message: 'plain' }, 'an object: plain'],
    ['a class instance', new (class Oops {})(), 'an object (Oops)'],
  ])('%s', (_name, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('bounds the text and escapes control characters', () => {
    const long = describeValue(new Error('\u001b[2J'.repeat(100_000)));
    expect(long.length).toBeLessThanOrEqual(maxValueDescriptionLength);
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for.
    expect(long).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(long).toMatch(/^\\u001b\[2J/);
    expect(describeValue('\u202eevil')).toBe('"\\u202eevil"');
  });
});
