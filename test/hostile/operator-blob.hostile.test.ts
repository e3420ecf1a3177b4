/**
 * Hostile blobs from the operator app's component: whatever arrives in the BSTR becomes exactly
 * one notification, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxBlobLength, operatorEventFromBlob } from '../../lib/native/operator-event-blob.js';
import { toNotification } from '../../lib/notifications/to-notification.js';

const context = {
  sequence: 1,
  now: 0,
  createEntitlementCheck: (base: object, entitlementCheckId: string) =>
    ({ ...base, type: 'tetheringEntitlementCheck', entitlementCheckId }) as never,
};

const convert = (blob: string, checkId = 0) =>
  toNotification(operatorEventFromBlob(blob, { checkId }), context);

describe('hostile operator blobs', () => {
  it('a blob longer than 1 MiB is unknown, without parsing it', () => {
    const n = convert(`{"v":1,"message":"${'a'.repeat(maxBlobLength)}"}`);
    expect(n.type).toBe('unknown');
    if (n.type === 'unknown') expect(n.issues[0]).toMatch(/more than 1048576/);
  });

  it('a huge message within the limit is delivered whole', () => {
    const message = 'é'.repeat(500_000);
    const n = convert(
      JSON.stringify({
        v: 1,
        trigger: 'networkOperatorNotification',
        messageType: 2,
        networkAccountId: 'a',
        message,
      }),
    );
    expect(n.type).toBe('ussd');
    if (n.type === 'ussd') expect(n.message.length).toBe(500_000);
  });

  it('deep nesting is unknown, not a stack overflow', () => {
    const depth = 500_000;
    const n = convert(`{"v":1,"sms":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(n.type).toBe('unknown');
  });

  it('wrong types are issues, each named', () => {
    const n = convert(
      JSON.stringify({
        v: 1,
        trigger: 'networkOperatorNotification',
        messageType: '0',
        networkAccountId: 5,
        encodingType: 300,
        message: {},
        sms: { pdu: 12 },
      }),
    );
    expect(n.type).toBe('unknown');
    if (n.type === 'unknown') {
      expect(n.issues.join('\n')).toMatch(/messageType must be an integer/);
      expect(n.issues.join('\n')).toMatch(/networkAccountId must be a string/);
    }
    const sms = convert(
      JSON.stringify({
        v: 1,
        trigger: 'networkOperatorNotification',
        messageType: 0,
        networkAccountId: 'a',
        message: 'm',
        encodingType: 300,
        sms: { format: 'x', pdu: '+4917612345678' },
      }),
    );
    if (sms.type !== 'unknown') throw new Error('expected unknown');
    expect(sms.issues.join('\n')).toMatch(/encodingType must be a byte/);
    expect(sms.issues.join('\n')).toMatch(/sms.format must be an integer/);
    // The PDU is never quoted: it carries the sender's number.
    expect(sms.issues.join('\n')).not.toMatch(/4917612345678/);
  });

  it('lone surrogates written as \\uXXXX reach the message as they are', () => {
    const n = convert(
      '{"v":1,"trigger":"networkOperatorNotification","messageType":2,"networkAccountId":"a","message":"x\\ud800y\\udc00"}',
    );
    expect(n.type).toBe('ussd');
    if (n.type === 'ussd') expect(n.message).toBe('x\ud800y\udc00');
  });

  it('a PDU that does not decode makes the SMS unknown', () => {
    const n = convert(
      JSON.stringify({
        v: 1,
        trigger: 'networkOperatorNotification',
        messageType: 0,
        networkAccountId: 'a',
        message: 'm',
        sms: { format: 4, pdu: '00' },
      }),
    );
    expect(n.type).toBe('unknown');
  });

  it('any string becomes exactly one notification', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), (blob, checkId) => {
        const n = convert(blob, checkId);
        expect(typeof n.type).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(3), (json, checkId) => {
        const n = convert(json, checkId);
        expect(typeof n.type).toBe('string');
      }),
    );
  });
});
