import { describe, expect, it } from 'vitest';
import { isMobileBroadbandError } from '../../lib/errors.js';
import { maxProvisioningBytes, parseProvisioning } from '../../lib/provisioning/index.js';
import { fixture, thrown, withMessages } from './fixtures.js';

/** Parses and returns the ERR_PROVISIONING_XML it must throw. */
function provisioningError(xml: string | Uint8Array): {
  message: string;
  details: { line: number; column: number; expected?: string };
} {
  const error = thrown(() => parseProvisioning(xml));
  expect(isMobileBroadbandError(error, 'ERR_PROVISIONING_XML')).toBe(true);
  const details = error.details as { line: number; column: number; expected?: string };
  expect(error.message).toMatch(new RegExp(`^line ${details.line}, column ${details.column}: `));
  return { message: error.message, details };
}

describe('malformed XML', () => {
  it('a truncated document: where it ends and which end tag was expected', () => {
    const { message, details } = provisioningError(fixture('truncated.xml'));
    expect(message).toMatch(/ends inside <Name>|ends inside <DefaultProfile>/);
    expect(details).toMatchObject({ line: 10, expected: '</DefaultProfile>' });
  });

  it('a document cut in the middle of a tag', () => {
    const xml = fixture('data-plan-threshold-sample.xml');
    const { details } = provisioningError(xml.slice(0, xml.indexOf('<Plan ') + 10));
    expect(details.line).toBe(21);
  });

  it('a mismatched end tag', () => {
    const { message, details } = provisioningError(
      '<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">\n  <Global></Globl>\n</CarrierProvisioning>',
    );
    expect(message).toMatch(/malformed XML/);
    expect(details).toMatchObject({ line: 2, expected: '</Global>' });
  });

  it('not XML at all, and empty input', () => {
    expect(provisioningError('hello').message).toMatch(/malformed XML/);
    expect(provisioningError('').details).toMatchObject({ line: 1, column: 1 });
  });

  it('bytes that are not UTF-8', () => {
    expect(provisioningError(new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e])).message).toMatch(
      /not valid UTF-8/,
    );
  });
});

describe('namespaces', () => {
  it('a root in the wrong namespace', () => {
    const { message, details } = provisioningError(fixture('wrong-namespace.xml'));
    expect(message).toMatch(/<CarrierProvisioning> is in the wrong namespace/);
    expect(details).toEqual({
      line: 2,
      column: 1,
      expected: 'xmlns="http://www.microsoft.com/networking/CarrierControl/v1"',
    });
  });

  it('a root without namespace, and another root element', () => {
    expect(provisioningError('<CarrierProvisioning/>').message).toMatch(
      /wrong namespace \(no namespace\)/,
    );
    expect(provisioningError('<Provisioning/>').details.expected).toBe('<CarrierProvisioning>');
  });

  it('a Plan that forgot the Plans namespace', () => {
    const xml = fixture('data-plan-threshold-sample.xml').replace(
      '<Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1"',
      '<Plan',
    );
    const { details } = provisioningError(xml);
    expect(details).toEqual({
      line: 21,
      column: 5,
      expected: 'xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1"',
    });
  });
});

describe('DTDs are refused outright', () => {
  it('a DOCTYPE with an external entity and nested entities (XXE, billion laughs)', () => {
    const { message, details } = provisioningError(fixture('doctype-entities.xml'));
    expect(message).toMatch(/DOCTYPE is not allowed/);
    expect(details).toEqual({ line: 2, column: 1, expected: 'no <!DOCTYPE …>' });
    expect(message).not.toMatch(/root:|aaaa/);
  });

  it('even an empty DOCTYPE', () => {
    expect(
      provisioningError('<!DOCTYPE CarrierProvisioning><CarrierProvisioning/>').message,
    ).toMatch(/DOCTYPE is not allowed/);
  });

  it('an entity reference without a DTD is an undefined entity', () => {
    const xml = fixture('data-plan-threshold-sample.xml').replace(
      'SamplePlan</Assoc',
      '&x;</Assoc',
    );
    expect(provisioningError(xml).message).toMatch(/undefined entity/);
  });
});

describe('size and depth are bounded', () => {
  it('a 50 MB document is refused before parsing', () => {
    const big = `<CarrierProvisioning>${' '.repeat(50 * 1024 * 1024)}</CarrierProvisioning>`;
    const { message, details } = provisioningError(big);
    expect(message).toMatch(/over the limit of 1,048,576 bytes/);
    expect(details.expected).toBe(`at most ${maxProvisioningBytes} bytes`);
    const bytes = Buffer.alloc(50 * 1024 * 1024, 0x20);
    expect(provisioningError(bytes).message).toMatch(/52,428,800 bytes/);
  });

  it('a string short in characters but long in UTF-8 bytes', () => {
    expect(provisioningError('€'.repeat(400_000)).message).toMatch(/1,200,000 bytes/);
  });

  it('deep nesting', () => {
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    expect(provisioningError(deep).message).toMatch(/nested more than 32 deep/);
  });
});

describe('rules', () => {
  it('a rule without a bearer', () => {
    const { message, details } = provisioningError(
      withMessages('      <Message RuleId="R"><Pattern>x</Pattern></Message>'),
    );
    expect(message).toMatch(/no bearer/);
    expect(details).toEqual({
      line: 6,
      column: 7,
      expected: '<SMSBearer Sender="…"/> or <USSDBearer/>',
    });
  });

  it('two USSD bearers, or no pattern', () => {
    expect(
      provisioningError(
        withMessages('<Message><USSDBearer/><USSDBearer/><Pattern>x</Pattern></Message>'),
      ).message,
    ).toMatch(/<USSDBearer> appears twice/);
    expect(provisioningError(withMessages('<Message><USSDBearer/></Message>')).message).toMatch(
      /no <Pattern>/,
    );
  });

  it('a pattern that does not compile', () => {
    const { message, details } = provisioningError(fixture('bad-pattern.xml'));
    expect(message).toMatch(
      /rule "Broken": the Pattern .* is refused: not a valid ECMAScript regular expression/,
    );
    expect(details).toMatchObject({ line: 11, column: 9 });
  });

  it('a pattern with a backreference or a lookahead, named with its place', () => {
    const back = provisioningError(
      withMessages('<Message RuleId="B"><USSDBearer/><Pattern>(a)x\\1</Pattern></Message>'),
    );
    expect(back.message).toMatch(
      /backreference \\1 cannot be matched in linear time.*at character 5 of the pattern/,
    );
    const ahead = provisioningError(
      withMessages('<Message RuleId="L"><USSDBearer/><Pattern>a(?=b)</Pattern></Message>'),
    );
    expect(ahead.message).toMatch(/lookahead \(\?=b\) cannot be matched in linear time/);
  });

  it('a group number the pattern does not have', () => {
    const { message, details } = provisioningError(fixture('group-out-of-range.xml'));
    expect(message).toMatch(
      /rule "Balance": DataLimit Group 3 is not a capture group of the pattern, which has 2/,
    );
    expect(details).toEqual({ line: 14, column: 11, expected: 'a group from 1 to 2' });
  });

  it('a unit group with no Units to map to, and a Units attribute that is no multiplier', () => {
    const noUnits = provisioningError(
      withMessages(
        '<Message><USSDBearer/><Pattern>(\\d+)(\\w+) (.+)</Pattern><Fields><Usage Group="1" UnitGroup="2"/><UsageTimestamp Group="3" Format="%d %b"/></Fields></Message>',
      ),
    );
    expect(noUnits.message).toMatch(/UnitGroup 2 points at a unit, but <Units> defines none/);
    const badUnit = provisioningError(
      withMessages('<Message><USSDBearer/><Pattern>x</Pattern><Units X="XB"/></Message>'),
    );
    expect(badUnit.message).toMatch(/Units attribute X is not a unit multiplier/);
    expect(badUnit.details.expected).toMatch(/one of K M G T Ki Mi Gi Ti/);
    const twice = provisioningError(
      withMessages('<Message><USSDBearer/><Pattern>x</Pattern><Units M="MB" G="MB"/></Message>'),
    );
    expect(twice.message).toMatch(/unit text "MB" stands for both M and G/);
  });

  it('a timestamp format with an unknown directive, or without a day', () => {
    const rule = (format: string): string =>
      withMessages(
        `<Message><USSDBearer/><Pattern>(\\d+) (.+)</Pattern><Fields><Usage Group="1"/><UsageTimestamp Group="2" Format="${format}"/></Fields></Message>`,
      );
    expect(provisioningError(rule('%d %Q')).message).toMatch(
      /unknown directive %Q .*at character 4/,
    );
    expect(provisioningError(rule('%H:%M')).message).toMatch(/needs a month .* and a day/);
  });

  it('bad values: booleans, numbers, plan types, GUIDs', () => {
    const sample = fixture('data-plan-threshold-sample.xml');
    expect(provisioningError(sample.replace('>500<', '>lots<')).message).toMatch(
      /DataLimitInMegabytes must be an integer from 0 to 4294967296, got "lots"/,
    );
    expect(provisioningError(sample.replace('>true<', '>yes<')).details.expected).toBe(
      'true or false',
    );
    expect(provisioningError(sample.replace('"Fixed"', '"Capped"')).message).toMatch(
      /PlanType "Capped"/,
    );
    expect(provisioningError(sample.replace('{2c85b76b', '{nope')).message).toMatch(
      /is not a GUID/,
    );
    expect(provisioningError(sample.replace(/<CarrierId>.*<\/CarrierId>/, '')).message).toMatch(
      /<Global> has no <CarrierId>/,
    );
  });
});
