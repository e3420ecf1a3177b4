/**
 * Property tests: random messages go through the test encoder (sms-encoder.ts, written
 * independently of the decoder) and must come back unchanged.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSmsPdu, decodeUssd, SmsReassembler } from '../../lib/messages/index.js';
import { VirtualClock } from '../../lib/fake/virtual-clock.js';
import {
  concatenationElement,
  encodeDeliver,
  gsm7Characters,
  gsm7Septets,
  packUssd,
  splitText,
  toHex,
  ucs2Octets,
  type EncodeAddress,
  type EncodeTimestamp,
} from './sms-encoder.js';

const gsm7Text = (maxLength: number) =>
  fc.array(fc.constantFrom(...gsm7Characters), { maxLength }).map((chars) => chars.join(''));

/** Cuts a GSM 7-bit text to `budget` septets without splitting an escape sequence. */
function fitSeptets(text: string, budget: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    const cost = gsm7Septets(char).length;
    if (used + cost > budget) break;
    out += char;
    used += cost;
  }
  return out;
}

const timestamp: fc.Arbitrary<EncodeTimestamp> = fc
  .record({
    year: fc.integer({ min: 1990, max: 2089 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    // The time zone field holds up to 79 quarters either way.
    quarters: fc.integer({ min: -79, max: 79 }),
  })
  .map(({ quarters, ...t }) => {
    const lastDay = new Date(Date.UTC(t.year, t.month, 0)).getUTCDate();
    return { ...t, day: Math.min(t.day, lastDay), offsetMinutes: quarters * 15 };
  });

const digits = (min: number, max: number, alphabet = '0123456789') =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((d) => d.join(''));

const sender: fc.Arbitrary<{ address: EncodeAddress; expected: string }> = fc.oneof(
  digits(1, 20).map((d) => ({ address: { value: `+${d}` }, expected: `+${d}` })),
  digits(0, 20, '0123456789*#abc').map((d) => ({ address: { value: d }, expected: d })),
  // 11 septets = 77 bits = 20 semi-octets, the most TP-OA holds.
  gsm7Text(11)
    .map((name) => fitSeptets(name, 11))
    .map((name) => ({ address: { value: name, alphanumeric: true }, expected: name })),
);

const smsc = fc.option(
  digits(1, 20).map((d) => `+${d}`),
  { nil: undefined },
);

const header = fc.option(
  fc.record({
    bits: fc.constantFrom(8 as const, 16 as const),
    reference: fc.integer({ min: 0, max: 0xffff }),
    total: fc.integer({ min: 1, max: 255 }),
    sequence: fc.integer({ min: 1, max: 255 }),
  }),
  { nil: undefined },
);

const headerBytes = (h: { bits: 8 | 16; reference: number; total: number; sequence: number }) =>
  concatenationElement(
    h.bits === 8 ? h.reference & 0xff : h.reference,
    h.total,
    Math.min(h.sequence, h.total),
    h.bits,
  );

describe('round trips through the test encoder', () => {
  it('GSM 7-bit texts with the extension table, any header, sender and time stamp', () => {
    fc.assert(
      fc.property(
        gsm7Text(160),
        sender,
        timestamp,
        smsc,
        header,
        fc.constantFrom(0x00, 0x10, 0x11, 0x12, 0x13, 0x40, 0xf0, 0xf3, 0xc8, 0xd1),
        fc.integer({ min: 0, max: 255 }),
        (rawText, from, when, centre, h, dcs, pid) => {
          const ie = h === undefined ? undefined : headerBytes(h);
          const headerSeptets = ie === undefined ? 0 : Math.ceil(((ie.length + 1) * 8) / 7);
          const text = fitSeptets(rawText, 160 - headerSeptets);
          const pdu = encodeDeliver({
            smsc: centre,
            sender: from.address,
            timestamp: when,
            pid,
            dcs,
            ...(ie === undefined ? {} : { header: ie }),
            body: { alphabet: 'gsm7', text },
          });
          const sms = decodeSmsPdu(toHex(pdu));
          expect(sms.text).toBe(text);
          expect(sms.sender).toBe(from.expected);
          expect(sms.serviceCentre?.value).toBe(centre);
          expect(sms.protocolIdentifier).toBe(pid);
          expect(sms.dataCodingScheme.value).toBe(dcs);
          expect(sms.timestamp.getTime()).toBe(
            Date.UTC(when.year, when.month - 1, when.day, when.hour, when.minute, when.second) -
              when.offsetMinutes * 60_000,
          );
          expect(sms.timeZoneOffsetMinutes).toBe(when.offsetMinutes);
          if (h === undefined) {
            expect(sms.userDataHeader).toBeUndefined();
          } else {
            expect(sms.userDataHeader?.concatenation).toEqual({
              reference: h.bits === 8 ? h.reference & 0xff : h.reference,
              referenceBits: h.bits,
              total: h.total,
              sequence: Math.min(h.sequence, h.total),
            });
          }
        },
      ),
    );
  });

  it('UCS-2 texts of any code points (emoji as surrogate pairs, even cut in half)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 70 }), header, (raw, h) => {
        const ie = h === undefined ? undefined : headerBytes(h);
        const room = (140 - (ie === undefined ? 0 : ie.length + 1)) >> 1;
        // Cut by code units: a pair may be cut, leaving a lone surrogate that must survive too.
        const text = raw.slice(0, room);
        const pdu = encodeDeliver({
          sender: { value: '+15550100' },
          timestamp: {
            year: 2026,
            month: 1,
            day: 5,
            hour: 8,
            minute: 0,
            second: 0,
            offsetMinutes: 0,
          },
          ...(ie === undefined ? {} : { header: ie }),
          body: { alphabet: 'ucs2', text },
        });
        expect(ucs2Octets(text).length).toBeLessThanOrEqual(140);
        expect(decodeSmsPdu(pdu).text).toBe(text);
      }),
    );
  });

  it('8-bit data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 140 }), (data) => {
        const pdu = encodeDeliver({
          sender: { value: '12345' },
          timestamp: {
            year: 2030,
            month: 6,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            offsetMinutes: -60,
          },
          body: { alphabet: '8bit', data: [...data] },
          tpduOnly: true,
        });
        const sms = decodeSmsPdu(pdu, { smsc: false });
        expect(sms.text).toBeUndefined();
        expect(sms.userData).toEqual(data);
      }),
    );
  });

  it('long texts split into parts, shuffled and duplicated, come back once and whole', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          gsm7Text(700).map((text) => ({ text, alphabet: 'gsm7' as const })),
          fc
            .string({ unit: 'binary', maxLength: 300 })
            .map((text) => ({ text, alphabet: 'ucs2' as const })),
        ),
        fc.constantFrom(8 as const, 16 as const),
        fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
        fc.array(fc.nat({ max: 19 }), { maxLength: 5 }),
        ({ text, alphabet }, bits, order, repeats) => {
          const bodies = splitText(text, alphabet, bits);
          const decoded = bodies.map((body, i) =>
            decodeSmsPdu(
              encodeDeliver({
                sender: { value: 'Operator', alphanumeric: true },
                timestamp: {
                  year: 2026,
                  month: 1,
                  day: 5,
                  hour: 8,
                  minute: 0,
                  second: 0,
                  offsetMinutes: 60,
                },
                header: concatenationElement(
                  bits === 8 ? 0x5a : 0x5a5a,
                  bodies.length,
                  i + 1,
                  bits,
                ),
                body: alphabet === 'gsm7' ? { alphabet, text: body } : { alphabet, text: body },
              }),
            ),
          );
          // A random order (sorting by random keys), with some parts delivered twice.
          const arrival = decoded
            .map((part, i) => ({ part, key: order[i % order.length]! + i / 1000 }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.part);
          for (const r of repeats)
            arrival.splice(r % (arrival.length + 1), 0, arrival[r % arrival.length]!);
          const reassembler = new SmsReassembler({ clock: new VirtualClock() });
          const results = arrival
            .map((part) => reassembler.add(part))
            .filter((r) => r !== undefined);
          expect(results).toHaveLength(1);
          expect(results[0]!.text).toBe(text);
          expect(results[0]!.sender).toBe('Operator');
          expect(reassembler.pending).toBe(0);
          expect(reassembler.stats.duplicatesDropped).toBe(arrival.length - decoded.length);
        },
      ),
    );
  });

  it('USSD in GSM 7-bit with the CR padding rule', () => {
    fc.assert(
      fc.property(gsm7Text(182), (raw) => {
        const text = fitSeptets(raw, 181);
        const packed = packUssd(text);
        expect(packed.length).toBeLessThanOrEqual(160);
        const septets = gsm7Septets(text).length;
        // A wanted CR ending on an octet boundary arrives doubled (TS 23.038 §6.1.2.3.1).
        const expected = septets % 8 === 0 && text.endsWith('\r') ? `${text}\r` : text;
        expect(decodeUssd(Uint8Array.from(packed), 0x0f).text).toBe(expected);
      }),
    );
  });

  it('USSD in UCS-2', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        const text = raw.slice(0, 80);
        expect(decodeUssd(toHex(ucs2Octets(text)), 0x48).text).toBe(text);
      }),
    );
  });
});
