import { describe, expect, it } from 'vitest';
import { NotificationType, type Notification } from '../../lib/index.js';
import { toNotification, type ConversionContext } from '../../lib/notifications/to-notification.js';

const context: ConversionContext = {
  sequence: 7,
  now: Date.UTC(2026, 0, 5),
  createEntitlementCheck: (base, id) =>
    ({ ...base, type: 'tetheringEntitlementCheck', messageType: 10, id }) as never,
};

function convert(raw: unknown): Notification {
  return toNotification(raw, context);
}

const base = { networkAccountId: 'acct-1', interfaceId: '{guid}', origin: 'system' as const };

describe('MessageType 0–12 become typed notifications', () => {
  const plainTypes: [number, string][] = [
    [3, 'dataPlanThresholdReached'],
    [4, 'dataPlanReset'],
    [5, 'dataPlanDeleted'],
    [6, 'profileConnected'],
    [7, 'profileDisconnected'],
    [8, 'registeredRoaming'],
    [9, 'registeredHome'],
  ];

  it('exports NotificationType with the Windows values', () => {
    expect(NotificationType).toEqual({
      GsmSms: 0,
      CdmaSms: 1,
      Ussd: 2,
      DataPlanThresholdReached: 3,
      DataPlanReset: 4,
      DataPlanDeleted: 5,
      ProfileConnected: 6,
      ProfileDisconnected: 7,
      RegisteredRoaming: 8,
      RegisteredHome: 9,
      TetheringEntitlementCheck: 10,
      TetheringOperationalStateChanged: 11,
      TetheringNumberOfClientsChanged: 12,
    });
  });

  it.each([
    [0, 'gsmSms'],
    [1, 'cdmaSms'],
    [2, 'ussd'],
  ])('MessageType %i is %s and keeps every message field', (messageType, type) => {
    const fields = {
      usageBytes: 1610612736,
      dataLimitBytes: 5368709120,
      usageTimestamp: new Date(0),
    };
    const n = convert({
      ...base,
      messageType,
      encodingType: 0,
      messageDataSize: 12,
      message: 'Balance: 5GB',
      ruleId: 'Sample2',
      silent: true,
      fields,
      timestamp: 1000,
    });
    expect(n).toEqual({
      type,
      messageType,
      origin: 'system',
      networkAccountId: 'acct-1',
      interfaceId: '{guid}',
      timestamp: new Date(1000),
      sequence: 7,
      encodingType: 0,
      messageDataSize: 12,
      message: 'Balance: 5GB',
      ruleId: 'Sample2',
      silent: true,
      fields,
      encoding: messageType === 1 ? undefined : 'gsm7',
      pdu: undefined,
      sms: undefined,
    });
  });

  it('a GSM SMS with a PDU carries it decoded; a PDU that does not decode is an issue', () => {
    // The "SMS and the PDU format" tutorial's example (dreamfabric.com).
    const pdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
    const n = convert({ ...base, messageType: 0, message: 'hellohello', encodingType: 0, pdu });
    expect(n).toMatchObject({
      type: 'gsmSms',
      pdu,
      sms: { sender: '27838890001', text: 'hellohello', timeZoneOffsetMinutes: 120 },
    });
    const bad = convert({ ...base, messageType: 0, message: 'x', pdu: '0791' });
    expect(bad.type).toBe('unknown');
    if (bad.type === 'unknown') expect(bad.issues[0]).toMatch(/^pdu is not a valid SMS-DELIVER: /);
  });

  it('names the encoding by bearer: 0x08 is UCS-2 for SMS, 0x48 for USSD', () => {
    expect(convert({ ...base, messageType: 0, message: 'x', encodingType: 0x08 })).toMatchObject({
      encoding: 'ucs2',
    });
    expect(convert({ ...base, messageType: 2, message: 'x', encodingType: 0x48 })).toMatchObject({
      encoding: 'ucs2',
    });
    expect(convert({ ...base, messageType: 2, message: 'x', encodingType: 0x0f })).toMatchObject({
      encoding: 'gsm7',
    });
  });

  it.each(plainTypes)('MessageType %i is %s with only the common fields', (messageType, type) => {
    const n = convert({ ...base, messageType });
    expect(n).toEqual({
      type,
      messageType,
      origin: 'system',
      networkAccountId: 'acct-1',
      interfaceId: '{guid}',
      timestamp: new Date(context.now),
      sequence: 7,
    });
    expect(n).not.toHaveProperty('message');
  });

  it('MessageType 10 becomes an answerable entitlement check', () => {
    const n = convert({ ...base, messageType: 10, entitlementCheckId: 'c1' });
    expect(n).toMatchObject({
      type: 'tetheringEntitlementCheck',
      messageType: 10,
      id: 'c1',
      sequence: 7,
    });
  });

  it('MessageType 11 and 12 keep the tethering state and client count', () => {
    expect(convert({ ...base, messageType: 11, tetheringState: 'on' })).toMatchObject({
      type: 'tetheringOperationalStateChanged',
      messageType: 11,
      state: 'on',
    });
    expect(convert({ ...base, messageType: 12, clientCount: 3 })).toMatchObject({
      type: 'tetheringNumberOfClientsChanged',
      messageType: 12,
      clientCount: 3,
    });
    // Windows' event details carry nothing more for 11/12: the fields are optional.
    expect(convert({ ...base, messageType: 11 })).toMatchObject({ state: undefined });
  });

  it('an unknown MessageType is kept whole, with no issues', () => {
    const raw = { ...base, messageType: 13, somethingNew: { a: 1 } };
    const n = convert(raw);
    expect(n).toMatchObject({ type: 'unknown', messageType: 13, issues: [], raw });
  });

  it('either identifier alone is enough', () => {
    expect(convert({ messageType: 9, interfaceId: '{g}', origin: 'derived' })).toMatchObject({
      type: 'registeredHome',
      interfaceId: '{g}',
      networkAccountId: undefined,
      origin: 'derived',
    });
    expect(convert({ messageType: 9, networkAccountId: 'a', origin: 'system' })).toMatchObject({
      type: 'registeredHome',
    });
  });

  it('the type system keeps message fields on message types only', () => {
    const n = convert({ ...base, messageType: 2, message: 'x' });
    if (n.type === 'ussd') expect(n.message).toBe('x');
    if (n.type === 'registeredHome') {
      // @ts-expect-error registeredHome has no message
      expect(n.message).toBeUndefined();
    }
  });
});

describe('malformed records become unknown notifications that say why', () => {
  const cases: [string, unknown, RegExp][] = [
    ['negative messageType', { ...base, messageType: -1 }, /non-negative integer, got -1/],
    ['fractional messageType', { ...base, messageType: 2.5 }, /non-negative integer, got 2.5/],
    ['string messageType', { ...base, messageType: '3' }, /non-negative integer, got "3"/],
    ['NaN messageType', { ...base, messageType: NaN }, /non-negative integer, got NaN/],
    ['missing messageType', { ...base }, /non-negative integer, got nothing/],
    ['no identifiers', { messageType: 9, origin: 'system' }, /neither/],
    ['empty identifiers', { messageType: 9, origin: 'system', networkAccountId: '' }, /neither/],
    ['bad origin', { ...base, origin: 'windows', messageType: 9 }, /origin must be/],
    [
      'message on a non-message type',
      { ...base, messageType: 6, message: 'hi' },
      /message belongs to SMS\/USSD records only.*MessageType 6 \(profileConnected\)/,
    ],
    [
      'ruleId on a non-message type',
      { ...base, messageType: 9, ruleId: 'r' },
      /ruleId belongs to SMS\/USSD/,
    ],
    ['SMS without text', { ...base, messageType: 0 }, /gsmSms needs a message string/],
    [
      'encoding out of range',
      { ...base, messageType: 0, message: 'x', encodingType: 300 },
      /encodingType must be a byte/,
    ],
    [
      'negative size',
      { ...base, messageType: 2, message: 'x', messageDataSize: -4 },
      /messageDataSize/,
    ],
    ['check without id', { ...base, messageType: 10 }, /entitlementCheckId/],
    [
      'client count on type 9',
      { ...base, messageType: 9, clientCount: 2 },
      /clientCount belongs to MessageType 12/,
    ],
    [
      'bad tethering state',
      { ...base, messageType: 11, tetheringState: 'sideways' },
      /tetheringState must be/,
    ],
    ['bad timestamp', { ...base, messageType: 9, timestamp: 'yesterday' }, /timestamp/],
  ];

  it.each(cases)('%s', (_name, raw, issue) => {
    const n = convert(raw);
    expect(n.type).toBe('unknown');
    if (n.type !== 'unknown') return;
    expect(n.issues.join('\n')).toMatch(issue);
    expect(n.raw).toEqual(raw);
    expect(n.sequence).toBe(7);
  });

  it.each([null, undefined, 42, 'text', [1, 2]])(
    'a non-object record (%p) is kept as unknown',
    (raw) => {
      const n = convert(raw);
      expect(n).toMatchObject({ type: 'unknown', messageType: undefined, raw: { value: raw } });
      if (n.type === 'unknown') expect(n.issues[0]).toMatch(/must be an object/);
    },
  );

  it('keeps the numeric MessageType of a malformed record', () => {
    expect(convert({ ...base, messageType: 6, message: 'x' })).toMatchObject({
      type: 'unknown',
      messageType: 6,
    });
  });

  it('never echoes a long string whole in an issue', () => {
    const n = convert({ ...base, messageType: 'x'.repeat(10_000) as unknown as number });
    if (n.type === 'unknown') expect(n.issues[0]).toContain('a string of 10000 characters');
  });

  it('the raw record is a copy, not the backend object', () => {
    const raw: Record<string, unknown> = { ...base, messageType: 99 };
    const n = convert(raw);
    raw.messageType = 1;
    if (n.type === 'unknown') expect(n.raw.messageType).toBe(99);
  });
});

describe('hostile records', () => {
  it('a record whose fields throw when read arrives as unknown, never as an exception', () => {
    const hostile = {
      get messageType(): number {
        throw new Error('no reading me');
      },
    };
    const n = convert(hostile);
    expect(n).toMatchObject({
      type: 'unknown',
      issues: ['reading the record failed: no reading me'],
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(convert(revoked.proxy).type).toBe('unknown');
  });

  it('a plain record whose later field throws is unknown too (the fast path reads it first)', () => {
    const hostile = {
      ...base,
      messageType: 9,
      get timestamp(): number {
        throw new Error('no time');
      },
    };
    expect(convert(hostile)).toMatchObject({
      type: 'unknown',
      sequence: 7,
      issues: ['reading the record failed: no time'],
    });
  });

  it.each([
    [{ origin: 'elsewhere' }, `origin must be 'system' or 'derived', got "elsewhere"`],
    [{ clientCount: 2 }, 'clientCount belongs to MessageType 12 only, not 9 (registeredHome)'],
    [{ timestamp: Number.NaN }, 'timestamp must be a number of milliseconds, got number NaN'],
  ])('a plain record the fast path turns down still gets its issue named: %o', (fields, issue) => {
    const n = convert({ ...base, messageType: 9, ...fields });
    expect(n).toMatchObject({ type: 'unknown', messageType: 9, issues: [issue] });
  });
});
