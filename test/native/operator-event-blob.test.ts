import { describe, expect, it } from 'vitest';
import { operatorEventFromBlob } from '../../lib/native/operator-event-blob.js';
import { toNotification, type ConversionContext } from '../../lib/notifications/to-notification.js';
import type { Notification } from '../../lib/notifications/notification.js';

/** An SMS-DELIVER from 27838890001: "hellohello" (test/messages/decode-sms-pdu.test.ts). */
export const deliverPdu =
  '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';

const context: ConversionContext = {
  sequence: 1,
  now: 0,
  createEntitlementCheck: (base, entitlementCheckId) =>
    ({ ...base, type: 'tetheringEntitlementCheck', messageType: 10, entitlementCheckId }) as never,
};

function convert(blob: string, checkId = 0): Notification {
  return toNotification(operatorEventFromBlob(blob, { checkId }), context);
}

const notification = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    v: 1,
    trigger: 'networkOperatorNotification',
    networkAccountId: 'acct-1',
    ...fields,
  });

describe('operator event blobs (version 1)', () => {
  it('reads a GSM SMS with its PDU decoded, and no MessageDataSize it does not know', () => {
    const raw = operatorEventFromBlob(
      notification({
        messageType: 0,
        taskInstanceId: '{8E2B1A34-0000-4000-8000-000000000001}',
        encodingType: 0,
        message: 'hellohello',
        ruleId: 'R1',
        sms: { id: 3, messageClass: 0, format: 4, pdu: deliverPdu },
      }),
      { checkId: 0 },
    );
    expect(raw).toEqual({
      messageType: 0,
      origin: 'system',
      networkAccountId: 'acct-1',
      encodingType: 0,
      message: 'hellohello',
      ruleId: 'R1',
      pdu: deliverPdu,
    });
    const n = toNotification(raw, context);
    expect(n.type).toBe('gsmSms');
    if (n.type !== 'gsmSms') return;
    expect(n.origin).toBe('system');
    expect(n.messageDataSize).toBeUndefined();
    expect(n.sms?.sender).toBe('27838890001');
  });

  it('keeps a MessageDataSize the blob carries, and leaves out a PDU that is not GsmDeliver', () => {
    const raw = operatorEventFromBlob(
      notification({
        messageType: 0,
        message: 'x',
        messageDataSize: 1,
        sms: { format: 3, pdu: 'AB' },
      }),
      { checkId: 0 },
    );
    expect(raw.messageDataSize).toBe(1);
    expect(raw.pdu).toBeUndefined();
  });

  it('drops the empty message fields Windows gives events without a message', () => {
    const n = convert(notification({ messageType: 8, encodingType: 0, message: '', ruleId: '' }));
    expect(n).toMatchObject({
      type: 'registeredRoaming',
      origin: 'system',
      networkAccountId: 'acct-1',
    });
  });

  it('reads a data-plan threshold and the hotspot types 11 and 12', () => {
    expect(convert(notification({ messageType: 3 })).type).toBe('dataPlanThresholdReached');
    expect(convert(notification({ messageType: 11 })).type).toBe(
      'tetheringOperationalStateChanged',
    );
    expect(convert(notification({ messageType: 12 })).type).toBe('tetheringNumberOfClientsChanged');
  });

  it('makes an entitlement check answerable by its check id, from either trigger', () => {
    const trigger = JSON.stringify({
      v: 1,
      trigger: 'tetheringEntitlementCheck',
      networkAccountId: 'a',
    });
    expect(operatorEventFromBlob(trigger, { checkId: 7 })).toMatchObject({
      messageType: 10,
      entitlementCheckId: '7',
    });
    expect(convert(notification({ messageType: 10 }), 8)).toMatchObject({
      type: 'tetheringEntitlementCheck',
      entitlementCheckId: '8',
    });
  });

  it('turns the component’s issues into an unknown notification carrying them', () => {
    const n = convert(notification({ messageType: 0, issues: ['Message: 0x80004005'] }));
    expect(n).toMatchObject({ type: 'unknown', messageType: 0, origin: 'system' });
    if (n.type === 'unknown') expect(n.issues).toContain('Message: 0x80004005');
  });

  it('a check with issues carries no check id (nobody may answer it)', () => {
    const raw = operatorEventFromBlob(
      JSON.stringify({
        v: 1,
        trigger: 'tetheringEntitlementCheck',
        issues: ['NetworkAccountId: 0x80004005'],
      }),
      { checkId: 3 },
    );
    expect(raw.entitlementCheckId).toBeUndefined();
    expect(toNotification(raw, context).type).toBe('unknown');
  });

  it.each([
    ['not JSON', '{"v":1,', /not JSON/],
    ['an array', '[1]', /must be a JSON object/],
    [
      'version 2',
      JSON.stringify({ v: 2, trigger: 'networkOperatorNotification', messageType: 8 }),
      /version 2 is not 1/,
    ],
    [
      'no version',
      JSON.stringify({ trigger: 'networkOperatorNotification', messageType: 8 }),
      /version undefined/,
    ],
    ['an unknown trigger', JSON.stringify({ v: 1, trigger: 'x' }), /trigger must be/],
    ['a check through Notify', notification({ messageType: 10 }), /came through Notify/],
    [
      'issues not strings',
      notification({ messageType: 8, issues: [1] }),
      /issues must be an array of strings/,
    ],
  ])('%s becomes unknown with an issue', (_name, blob, issue) => {
    const n = convert(blob);
    expect(n.type).toBe('unknown');
    if (n.type === 'unknown') expect(n.issues.join('\n')).toMatch(issue);
  });

  it('a CheckEntitlement whose blob is not a check is unknown', () => {
    const n = convert(notification({ messageType: 8 }), 4);
    expect(n.type).toBe('unknown');
  });
});

describe('RawNotification.issues in the conversion', () => {
  it('a record with issues is unknown, whatever else it has', () => {
    const n = toNotification(
      { messageType: 8, networkAccountId: 'a', origin: 'system', issues: ['x: 0x1'] },
      context,
    );
    expect(n).toMatchObject({ type: 'unknown', messageType: 8, issues: ['x: 0x1'] });
  });

  it('an empty list is no issue', () => {
    expect(
      toNotification(
        { messageType: 8, networkAccountId: 'a', origin: 'system', issues: [] },
        context,
      ).type,
    ).toBe('registeredRoaming');
  });

  it('bounds a hostile list', () => {
    const n = toNotification(
      {
        messageType: 8,
        networkAccountId: 'a',
        origin: 'system',
        issues: [...Array.from({ length: 100 }, () => 'y'.repeat(10_000)), 5],
      },
      context,
    );
    if (n.type !== 'unknown') throw new Error('expected unknown');
    expect(n.issues.length).toBe(33);
    expect(n.issues[0]!.length).toBeLessThan(600);
    expect(n.issues.at(-1)).toBe('69 more issues');
  });
});
