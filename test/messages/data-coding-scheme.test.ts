/**
 * Data coding schemes, checked against the tables of 3GPP TS 23.038 §4 (SMS) and §5 (cell
 * broadcast, used by USSD). Each expected value is read off the bit layout in the comment.
 */

import { describe, expect, it } from 'vitest';
import {
  alphabetOfEncodingType,
  describeCbsDataCodingScheme,
  describeDataCodingScheme,
} from '../../lib/messages/index.js';

describe('describeDataCodingScheme (SMS, TS 23.038 §4)', () => {
  it.each([
    // [dcs, group, alphabet, class, compressed]
    [0x00, 'general', 'gsm7', undefined, false], // 0000 0000: the Phase 2 default
    [0x04, 'general', '8bit', undefined, false], // bits 3..2 = 01
    [0x08, 'general', 'ucs2', undefined, false], // bits 3..2 = 10
    [0x0c, 'general', 'reserved', undefined, false], // bits 3..2 = 11
    [0x03, 'general', 'gsm7', undefined, false], // bit 4 = 0: bits 1..0 carry no class
    [0x10, 'general', 'gsm7', 0, false], // bit 4 = 1, class 00
    [0x11, 'general', 'gsm7', 1, false],
    [0x16, 'general', '8bit', 2, false], // 0001 0110: 8-bit, class 2 (SIM)
    [0x1b, 'general', 'ucs2', 3, false], // 0001 1011: UCS-2, class 3
    [0x20, 'general', 'gsm7', undefined, true], // bit 5: compressed
    [0x40, 'automaticDeletion', 'gsm7', undefined, false], // 01xx
    [0x58, 'automaticDeletion', 'ucs2', 0, false], // 0101 1000
    [0x80, 'reserved', 'reserved', undefined, false], // 1000..1011
    [0xb7, 'reserved', 'reserved', undefined, false],
    [0xf0, 'dataCodingMessageClass', 'gsm7', 0, false], // 1111 0 0 00
    [0xf5, 'dataCodingMessageClass', '8bit', 1, false], // 1111 0 1 01
    [0xf6, 'dataCodingMessageClass', '8bit', 2, false], // SIM data download
  ] as const)('DCS %i (decimal)', (dcs, group, alphabet, messageClass, compressed) => {
    expect(describeDataCodingScheme(dcs)).toMatchObject({
      value: dcs,
      group,
      alphabet,
      messageClass,
      compressed,
    });
  });

  it('marks automatic deletion', () => {
    expect(describeDataCodingScheme(0x40).automaticDeletion).toBe(true);
    expect(describeDataCodingScheme(0x00).automaticDeletion).toBe(false);
  });

  it('reads message waiting indications', () => {
    // 1100 0 0 00: discard group, indication inactive, voicemail.
    expect(describeDataCodingScheme(0xc0)).toMatchObject({
      group: 'messageWaitingDiscard',
      alphabet: 'gsm7',
      messageWaiting: { kind: 'voicemail', active: false, store: false },
    });
    // 1101 1 0 01: store group, active, fax.
    expect(describeDataCodingScheme(0xd9)).toMatchObject({
      group: 'messageWaitingStore',
      alphabet: 'gsm7',
      messageWaiting: { kind: 'fax', active: true, store: true },
    });
    // 1110 1 0 10: store (UCS-2), active, e-mail.
    expect(describeDataCodingScheme(0xea)).toMatchObject({
      group: 'messageWaitingStoreUcs2',
      alphabet: 'ucs2',
      messageWaiting: { kind: 'email', active: true, store: true },
    });
    expect(describeDataCodingScheme(0xcb).messageWaiting?.kind).toBe('other');
    expect(describeDataCodingScheme(0x00).messageWaiting).toBeUndefined();
  });

  it('refuses what is not a byte', () => {
    for (const value of [-1, 256, 1.5, Number.NaN, '0', undefined]) {
      expect(() => describeDataCodingScheme(value as number)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
  });

  it('names every byte', () => {
    for (let dcs = 0; dcs < 256; dcs++) {
      expect(['gsm7', '8bit', 'ucs2', 'reserved']).toContain(
        describeDataCodingScheme(dcs).alphabet,
      );
    }
  });
});

describe('describeCbsDataCodingScheme (cell broadcast and USSD, TS 23.038 §5)', () => {
  it.each([
    // [dcs, group, alphabet, language]
    [0x00, 'language', 'gsm7', 'de'], // 0000 0000 German
    [0x01, 'language', 'gsm7', 'en'],
    [0x0b, 'language', 'gsm7', 'el'], // 1011 Greek
    [0x0e, 'language', 'gsm7', 'pl'], // 1110 Polish
    [0x0f, 'language', 'gsm7', undefined], // 1111 language unspecified
    [0x20, 'language', 'gsm7', 'cs'], // 0010 0000 Czech
    [0x21, 'language', 'gsm7', 'he'],
    [0x22, 'language', 'gsm7', 'ar'],
    [0x23, 'language', 'gsm7', 'ru'],
    [0x24, 'language', 'gsm7', 'is'], // 0100 Icelandic
    [0x25, 'language', 'gsm7', undefined], // reserved for other languages, GSM 7-bit
    [0x3a, 'language', 'gsm7', undefined], // 0011: reserved for other languages, GSM 7-bit
    [0x10, 'languageIndication', 'gsm7', undefined],
    [0x11, 'languageIndication', 'ucs2', undefined],
    [0x12, 'reserved', 'reserved', undefined], // 0001 0010..1111 reserved
    [0x44, 'general', '8bit', undefined],
    [0x48, 'general', 'ucs2', undefined],
    [0x4c, 'general', 'reserved', undefined],
    [0x80, 'reserved', 'reserved', undefined],
    [0xa5, 'reserved', 'reserved', undefined],
    [0xe3, 'wap', 'reserved', undefined],
    [0xf0, 'dataCodingMessageClass', 'gsm7', undefined],
    [0xf4, 'dataCodingMessageClass', '8bit', undefined],
  ] as const)('DCS %i (decimal)', (dcs, group, alphabet, language) => {
    expect(describeCbsDataCodingScheme(dcs)).toMatchObject({
      value: dcs,
      group,
      alphabet,
      language,
    });
  });

  it('reads classes and compression of the general group', () => {
    // 0101 1001: bit 4 → class meaning, 8-bit, class 1.
    expect(describeCbsDataCodingScheme(0x55)).toMatchObject({ alphabet: '8bit', messageClass: 1 });
    // 0100 0001: bit 4 clear → no class.
    expect(describeCbsDataCodingScheme(0x41).messageClass).toBeUndefined();
    // 0110 0000: compressed.
    expect(describeCbsDataCodingScheme(0x60).compressed).toBe(true);
  });

  it('reads the class of group 1111, where 00 means no class', () => {
    expect(describeCbsDataCodingScheme(0xf0).messageClass).toBeUndefined();
    expect(describeCbsDataCodingScheme(0xf1).messageClass).toBe(1);
    expect(describeCbsDataCodingScheme(0xf7).messageClass).toBe(3);
  });

  it('flags a user-data header and language indication', () => {
    // 1001 01 00: UDH, 8-bit, class 0.
    expect(describeCbsDataCodingScheme(0x94)).toMatchObject({
      group: 'userDataHeader',
      alphabet: '8bit',
      messageClass: 0,
      userDataHeader: true,
    });
    expect(describeCbsDataCodingScheme(0x11).languageIndication).toBe(true);
    expect(describeCbsDataCodingScheme(0x0f).languageIndication).toBe(false);
  });
});

describe('alphabetOfEncodingType', () => {
  it('reads the same byte by the bearer’s scheme', () => {
    // 0x0F: SMS general group with alphabet bits 11 (reserved) / USSD "language unspecified".
    expect(alphabetOfEncodingType(0x0f, 'sms')).toBe('reserved');
    expect(alphabetOfEncodingType(0x0f, 'ussd')).toBe('gsm7');
    // 0x11: SMS GSM 7-bit class 1 / USSD UCS-2 with language indication.
    expect(alphabetOfEncodingType(0x11, 'sms')).toBe('gsm7');
    expect(alphabetOfEncodingType(0x11, 'ussd')).toBe('ucs2');
    expect(alphabetOfEncodingType(0x08, 'sms')).toBe('ucs2');
    expect(alphabetOfEncodingType(0x48, 'ussd')).toBe('ucs2');
    expect(alphabetOfEncodingType(0x44, 'ussd')).toBe('8bit');
  });

  it('refuses an unknown bearer or a non-byte', () => {
    expect(() => alphabetOfEncodingType(0, 'cdma' as 'sms')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(() => alphabetOfEncodingType(300, 'sms')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});
