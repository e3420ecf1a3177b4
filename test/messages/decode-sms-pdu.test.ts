/**
 * decodeSmsPdu against published PDUs and PDUs worked out by hand. Every expected value is
 * derived in the comments from the specifications (3GPP TS 23.040, TS 23.038), not taken from
 * the decoder's output.
 */

import { describe, expect, it } from 'vitest';
import { decodeSmsPdu } from '../../lib/messages/index.js';

describe('published examples', () => {
  it('decodes the "SMS and the PDU format" tutorial example (dreamfabric.com, Lars Pettersson)', () => {
    // The SMS-DELIVER example of www.dreamfabric.com/sms/ (mirrored e.g. at
    // subnets.ru/saved/sms_pdu_format.html), octet by octet:
    //   07              SMSC information is 7 octets
    //   91              type of address: international, ISDN
    //   72 83 01 00 10 F5  swapped semi-octets 27 38 10 00 01 5F → +27381000015
    //   04              first octet 0000 0100: TP-MTI 00 (DELIVER), TP-MMS 1 (no more messages)
    //   0B C8           11 digits; C8 = 1 100 1000: subscriber number, national plan
    //   72 38 88 09 00 F1  → 27 83 88 90 00 1(F) → 27838890001
    //   00 00           TP-PID 0, TP-DCS 0 (GSM 7-bit, no class)
    //   99 30 92 51 61 95 80  → 99-03-29 15:16:59, zone 0x80: tens 0, units 8 → +8 quarters = +2 h
    //   0A              10 septets
    //   E8 32 9B FD 46 97 D9 EC 37  "hellohello": E8 & 7F = 68 'h'; E8>>7 | (32<<1 & 7F) = 65 'e' …
    const sms = decodeSmsPdu(
      '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37',
    );
    expect(sms.serviceCentre).toEqual({
      value: '+27381000015',
      typeOfNumber: 'international',
      numberingPlan: 'isdn',
      typeOfAddress: 0x91,
    });
    expect(sms.sender).toBe('27838890001');
    expect(sms.senderAddress).toMatchObject({
      typeOfNumber: 'subscriber',
      numberingPlan: 'national',
      typeOfAddress: 0xc8,
    });
    expect(sms.type).toBe('deliver');
    expect(sms.moreMessagesToSend).toBe(false);
    expect(sms.protocolIdentifier).toBe(0);
    expect(sms.dataCodingScheme.alphabet).toBe('gsm7');
    expect(sms.messageClass).toBeUndefined();
    // 15:16:59 at UTC+2 is 13:16:59 UTC.
    expect(sms.timestamp.toISOString()).toBe('1999-03-29T13:16:59.000Z');
    expect(sms.timeZoneOffsetMinutes).toBe(120);
    expect(sms.text).toBe('hellohello');
    expect(sms.userDataHeader).toBeUndefined();
    expect([...sms.userData]).toEqual([...'hellohello'].map((c) => c.charCodeAt(0)));
  });

  it('decodes the same PDU as bytes, in lower case and with spaces', () => {
    const hex = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
    const spaced = hex
      .toLowerCase()
      .replace(/(..)/g, '$1 ')
      .replace(/(.{30})/g, '$1\n');
    expect(decodeSmsPdu(spaced).text).toBe('hellohello');
    expect(decodeSmsPdu(Buffer.from(hex, 'hex')).text).toBe('hellohello');
    expect(decodeSmsPdu(new Uint8Array(Buffer.from(hex, 'hex'))).sender).toBe('27838890001');
  });

  it('decodes a UCS-2 message read with AT+CMGR (Nokia developer forum, "how to send UCS character")', () => {
    //   07 91 02 01 95 69 05 F0  SMSC +20105996500 (20 10 59 96 50 0F)
    //   04                        DELIVER, no more messages
    //   0B 91 02 01 01 41 60 F3   sender: 11 digits, international → +20101014063
    //   00 08                     TP-PID 0, TP-DCS 08 = UCS-2
    //   20 21 91 30 52 15 80      02-12-19 03:25:51, +8 quarters = UTC+2 → 01:25:51 UTC
    //   04 06 28 06 2A            4 octets: U+0628 ب, U+062A ت
    const sms = decodeSmsPdu('07910201956905F0040B910201014160F3000820219130521580040628062A');
    expect(sms.serviceCentre?.value).toBe('+20105996500');
    expect(sms.sender).toBe('+20101014063');
    expect(sms.senderAddress.typeOfNumber).toBe('international');
    expect(sms.alphabet).toBe('ucs2');
    expect(sms.text).toBe('\u0628\u062a');
    expect(sms.timestamp.toISOString()).toBe('2002-12-19T01:25:51.000Z');
    expect(sms.timeZoneOffsetMinutes).toBe(120);
  });

  it('decodes an alphanumeric sender (the "Nikolas" example of a Stack Overflow answer on type-of-address D0)', () => {
    // The answer gives CEF4FACD0ECF01 = "Nikolas". By hand, N i k o l a s = 4E 69 6B 6F 6C 61 73:
    //   CE = 4E | (69&1)<<7 · F4 = 69>>1 | (6B&3)<<6 · FA = 6B>>2 | (6F&7)<<5 · CD = 6F>>3 | (6C&F)<<4
    //   0E = 6C>>4 | (61&1F)<<3 · CF = 61>>5 | (73&3F)<<2 · 01 = 73>>6
    // 7 characters × 7 bits = 49 bits = 13 semi-octets → TP-OA 0D D0 …
    // Around it: no SMSC (00), DELIVER (04), PID/DCS 00 00, time stamp 12-11-30 14:15:32 UTC+1
    // (21 11 03 41 51 23 40: zone 0x40 = 4 quarters), 2 septets "Hi": C8 = 48 | (69&1)<<7, 34 = 69>>1.
    const sms = decodeSmsPdu('00040DD0CEF4FACD0ECF0100002111034151234002C834');
    expect(sms.serviceCentre).toBeUndefined();
    expect(sms.sender).toBe('Nikolas');
    expect(sms.senderAddress.typeOfNumber).toBe('alphanumeric');
    expect(sms.timestamp.toISOString()).toBe('2012-11-30T13:15:32.000Z');
    expect(sms.timeZoneOffsetMinutes).toBe(60);
    expect(sms.text).toBe('Hi');
  });
});

describe('text', () => {
  // A common frame for the hand-made PDUs: no SMSC, sender +447700900123 (12 digits:
  // 0C 91 44 77 00 09 10 32), time stamp 26-01-05 08:00:00 UTC (62 10 50 80 00 00 00).
  const sender = '0C91447700091032';
  const scts = '62105080000000';
  const frame = (firstOctet: string, dcs: string, udl: string, ud: string) =>
    `00${firstOctet}${sender}00${dcs}${scts}${udl}${ud}`;

  it('decodes GSM 7-bit extension characters (escape + code)', () => {
    // "€[]" = ESC 65, ESC 3C, ESC 3E → septets 1B 65 1B 3C 1B 3E, packed:
    //   9B = 1B | (65&1)<<7 · F2 = 65>>1 | (1B&3)<<6 · 86 = 1B>>2 | (3C&7)<<5
    //   B7 = 3C>>3 | (1B&F)<<4 · F1 = 1B>>4 | (3E&1F)<<3 · 01 = 3E>>5
    const sms = decodeSmsPdu(frame('04', '00', '06', '9BF286B7F101'));
    expect(sms.text).toBe('€[]');
    expect(sms.timestamp.toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(sms.sender).toBe('+447700900123');
  });

  it('keeps an emoji in UCS-2 as its surrogate pair', () => {
    // "Hi 😀": 0048 0069 0020 D83D DE00 (U+1F600 = D83D DE00), 10 octets.
    const sms = decodeSmsPdu(frame('04', '08', '0A', '004800690020D83DDE00'));
    expect(sms.text).toBe('Hi 😀');
    expect(sms.text?.codePointAt(3)).toBe(0x1f600);
  });

  it('gives 8-bit data as bytes and no text', () => {
    const sms = decodeSmsPdu(frame('04', '04', '03', 'DEADBE'));
    expect(sms.alphabet).toBe('8bit');
    expect(sms.text).toBeUndefined();
    expect([...sms.userData]).toEqual([0xde, 0xad, 0xbe]);
  });

  it('skips the header and its fill bits in GSM 7-bit (8-bit concatenation reference)', () => {
    // First octet 44: TP-UDHI + no more messages. UDH 05 00 03 CC 02 01: part 1 of 2, ref CC.
    // The header is 6 octets = 48 bits; text starts at septet ceil(48/7) = 7, after 1 fill bit.
    // "Hi": bit 49..55 = 'H' (48) → octet 6 = 48<<1 = 90; 'i' (69) fills octet 7 bits 0..6 = 69.
    // TP-UDL = 7 header septets + 2 = 9 septets → ceil(63/8) = 8 octets.
    const sms = decodeSmsPdu(frame('44', '00', '09', '050003CC02019069'));
    expect(sms.text).toBe('Hi');
    expect(sms.userDataHeader?.length).toBe(5);
    expect(sms.userDataHeader?.concatenation).toEqual({
      reference: 0xcc,
      referenceBits: 8,
      total: 2,
      sequence: 1,
    });
    expect(sms.userDataHeader?.elements).toEqual([
      { id: 0x00, data: Uint8Array.from([0xcc, 0x02, 0x01]) },
    ]);
  });

  it('reads 16-bit ports and a 16-bit concatenation reference (WAP push style, 8-bit data)', () => {
    // UDH: 05 04 0B 84 23 F0 (ports: destination 0x0B84 = 2948, source 0x23F0 = 9200)
    //      08 04 12 34 03 02 (16-bit ref 0x1234, 3 parts, this is part 2) → UDHL 0C.
    // DCS 04 (8-bit), body 01 02 03; TP-UDL = 13 + 3 = 16 = 0x10 octets.
    const sms = decodeSmsPdu(frame('44', '04', '10', '0C05040B8423F0080412340302010203'));
    expect(sms.userDataHeader?.ports).toEqual({ destination: 2948, source: 9200, bits: 16 });
    expect(sms.userDataHeader?.concatenation).toEqual({
      reference: 0x1234,
      referenceBits: 16,
      total: 3,
      sequence: 2,
    });
    expect(sms.text).toBeUndefined();
    expect([...sms.userData]).toEqual([1, 2, 3]);
  });

  it('reads 8-bit ports', () => {
    // UDH 04 04 02 F5 F0: destination 0xF5 = 245, source 0xF0 = 240; UCS-2 "A".
    const sms = decodeSmsPdu(frame('44', '08', '07', '040402F5F00041'));
    expect(sms.userDataHeader?.ports).toEqual({ destination: 245, source: 240, bits: 8 });
    expect(sms.text).toBe('A');
  });

  it('ignores a concatenation element whose numbers are impossible, as TS 23.040 says', () => {
    // Part 0 of 2, and part 3 of 2: the element is ignored; the message stands alone.
    for (const element of ['050003CC0200', '050003CC0203', '050003CC0001']) {
      const sms = decodeSmsPdu(frame('44', '08', '08', `${element}0041`));
      expect(sms.userDataHeader?.concatenation).toBeUndefined();
      expect(sms.userDataHeader?.elements).toHaveLength(1);
      expect(sms.text).toBe('A');
    }
  });

  it('takes the last of repeated or contradicting elements', () => {
    // 8-bit ports F5/F0 (04 02 F5 F0), then 16-bit ports 0B84/23F0 (05 04 0B 84 23 F0): the
    // 16-bit element wins. UDHL = 4 + 6 = 0A; TP-UDL = 1 + 10 + 2 (UCS-2 "A") = 13 = 0D.
    const sms = decodeSmsPdu(frame('44', '08', '0D', '0A0402F5F005040B8423F00041'));
    expect(sms.userDataHeader?.ports).toEqual({ destination: 2948, source: 9200, bits: 16 });
    expect(sms.userDataHeader?.elements.map((e) => e.id)).toEqual([0x04, 0x05]);
  });

  it('reports national language shift elements without applying them', () => {
    // 24 01 01: single shift table 1 (Turkish); 25 01 01: locking shift table 1. UDHL 06;
    // TP-UDL = 7 + 2 (UCS-2 "A") = 9.
    const sms = decodeSmsPdu(frame('44', '08', '09', '062401012501010041'));
    expect(sms.userDataHeader?.singleShiftLanguage).toBe(1);
    expect(sms.userDataHeader?.lockingShiftLanguage).toBe(1);
    expect(sms.text).toBe('A');
  });

  it('reads the first-octet flags and message class', () => {
    // A0 = 1010 0000: TP-RP, TP-SRI, TP-MMS 0 (more messages waiting); DCS 10 = GSM 7-bit class 0.
    const sms = decodeSmsPdu(frame('A0', '10', '00', ''));
    expect(sms.replyPath).toBe(true);
    expect(sms.statusReportIndication).toBe(true);
    expect(sms.moreMessagesToSend).toBe(true);
    expect(sms.loopPrevention).toBe(false);
    expect(sms.messageClass).toBe(0);
    expect(sms.text).toBe('');
  });

  it('reads a negative time zone', () => {
    // Zone octet 0A: low nibble A = 1010 → sign bit 1, tens 2; high nibble 0 → −20 quarters = −5 h.
    const sms = decodeSmsPdu(`000400810000${'62105080000000'.slice(0, 12)}0A0100`);
    expect(sms.sender).toBe('');
    expect(sms.timeZoneOffsetMinutes).toBe(-300);
    // 08:00 local at UTC−5 is 13:00 UTC.
    expect(sms.timestamp.toISOString()).toBe('2026-01-05T13:00:00.000Z');
    expect(sms.text).toBe('@');
  });

  it('treats the reserved TP-MTI 3 as an SMS-DELIVER (TS 23.040 §9.2.3.1)', () => {
    const sms = decodeSmsPdu(frame('07', '08', '02', '0041'));
    expect(sms.messageTypeIndicator).toBe(3);
    expect(sms.text).toBe('A');
  });

  it('decodes a bare TPDU with { smsc: false }', () => {
    const tpdu = '040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
    const sms = decodeSmsPdu(tpdu, { smsc: false });
    expect(sms.serviceCentre).toBeUndefined();
    expect(sms.text).toBe('hellohello');
  });

  it('decodes reserved alphabets as GSM 7-bit, counting TP-UDL in septets (TS 23.038 §4)', () => {
    // DCS 0C: general group, alphabet bits 11 = reserved. 2 septets "Hi" = C8 34.
    const sms = decodeSmsPdu(frame('04', '0C', '02', 'C834'));
    expect(sms.dataCodingScheme.alphabet).toBe('reserved');
    expect(sms.alphabet).toBe('gsm7');
    expect(sms.text).toBe('Hi');
  });

  it('leaves compressed user data undecoded, counted in octets', () => {
    // DCS 20: compressed GSM 7-bit; TP-UDL counts octets (TS 23.040 §9.2.3.16).
    const sms = decodeSmsPdu(frame('04', '20', '03', '010203'));
    expect(sms.dataCodingScheme.compressed).toBe(true);
    expect(sms.text).toBeUndefined();
    expect([...sms.userData]).toEqual([1, 2, 3]);
  });

  it('returns user data that does not share memory with the input', () => {
    const bytes = Buffer.from(frame('04', '04', '01', '7F'), 'hex');
    const sms = decodeSmsPdu(bytes);
    bytes[bytes.length - 1] = 0;
    expect([...sms.userData]).toEqual([0x7f]);
  });
});
