/**
 * decodeUssd: USSD payloads under the cell-broadcast DCS, with TS 23.038 §6.1.2.3.1's CR
 * padding. Packed bytes are worked out by hand in the comments.
 */

import { describe, expect, it } from 'vitest';
import { decodeUssd } from '../../lib/messages/index.js';

describe('decodeUssd', () => {
  it('decodes "*100#" (AA180C3602, the usual AT+CUSD example)', () => {
    // * 1 0 0 # = 2A 31 30 30 23: AA = 2A | (31&1)<<7 · 18 = 31>>1 | (30&3)<<6
    // 0C = 30>>2 | (30&7)<<5 · 36 = 30>>3 | (23&F)<<4 · 02 = 23>>4. 5 octets → 5 septets.
    const ussd = decodeUssd('AA180C3602', 0x0f);
    expect(ussd).toMatchObject({ text: '*100#', alphabet: 'gsm7', language: undefined });
    expect([...ussd.data]).toEqual([0x2a, 0x31, 0x30, 0x30, 0x23]);
  });

  it('drops the CR that pads 8n−1 characters', () => {
    // "1234567" + CR: septets 31 32 33 34 35 36 37 0D →
    // 31 · D9 = 32>>1 | (33&3)<<6 · 8C = 33>>2 | (34&7)<<5 · 56 = 34>>3 | (35&F)<<4
    // B3 = 35>>4 | (36&1F)<<3 · DD = 36>>5 | (37&3F)<<2 · 1A = 37>>6 | 0D<<1
    expect(decodeUssd('31D98C56B3DD1A', 0x0f).text).toBe('1234567');
  });

  it('reads zero padding as "@", which is why the CR rule exists', () => {
    expect(decodeUssd('31D98C56B3DD00', 0x0f).text).toBe('1234567@');
  });

  it('keeps an eighth character that fills the octets exactly', () => {
    // "12345678": last octet = 37>>6 | 38<<1 = 70.
    expect(decodeUssd('31D98C56B3DD70', 0x0f).text).toBe('12345678');
  });

  it('keeps the wanted CR when a second CR was added (15 characters + CR + CR)', () => {
    // A wanted CR ending on an octet boundary gets a second CR; the receiver sees both.
    const septets = [...'ABCDEFGHIJKLMNO'].map((c) => c.charCodeAt(0)).concat(0x0d, 0x0d);
    const packed = new Uint8Array(Math.ceil((septets.length * 7) / 8));
    septets.forEach((s, i) => {
      for (let b = 0; b < 7; b++) {
        const bit = i * 7 + b;
        if ((s >> b) & 1) packed[bit >> 3]! |= 1 << (bit & 7);
      }
    });
    expect(packed.length).toBe(15);
    expect(decodeUssd(packed, 0x0f).text).toBe('ABCDEFGHIJKLMNO\r\r');
  });

  it('takes the language from the DCS', () => {
    expect(decodeUssd('AA180C3602', 0x01).language).toBe('en');
    expect(decodeUssd('AA180C3602', 0x23).language).toBe('ru');
  });

  it('reads a GSM 7-bit language indication (DCS 0x10)', () => {
    // "en" CR "Hello": 65 6E 0D 48 65 6C 6C 6F →
    // 65 · 77 = 6E>>1 | (0D&3)<<6 · 03 = 0D>>2 | (48&7)<<5 · 59 = 48>>3 | (65&F)<<4
    // 66 = 65>>4 | (6C&1F)<<3 · B3 = 6C>>5 | (6C&3F)<<2 · DF = 6C>>6 | 6F<<1
    expect(decodeUssd('6577035966B3DF', 0x10)).toMatchObject({
      text: 'Hello',
      language: 'en',
      alphabet: 'gsm7',
    });
  });

  it('reads a UCS-2 language indication (DCS 0x11)', () => {
    // "ru" in two septets + 2 zero bits: F2 = 72 | (75&1)<<7, 3A = 75>>1; then U+041F U+0440 U+0438.
    expect(decodeUssd('F23A041F04400438', 0x11)).toMatchObject({
      text: 'При',
      language: 'ru',
      alphabet: 'ucs2',
    });
  });

  it('decodes UCS-2 (DCS 0x48) with surrogate pairs', () => {
    // "Баланс 💰": 0411 0430 043B 0430 043D 0441 0020 D83D DCB0
    const ussd = decodeUssd('04110430043B0430043D04410020D83DDCB0', 0x48);
    expect(ussd.text).toBe('Баланс 💰');
    expect(ussd.alphabet).toBe('ucs2');
  });

  it('gives 8-bit payloads as data', () => {
    const ussd = decodeUssd(Uint8Array.from([1, 2, 250]), 0x44);
    expect(ussd.text).toBeUndefined();
    expect(ussd.alphabet).toBe('8bit');
    expect([...ussd.data]).toEqual([1, 2, 250]);
  });

  it('reads a user-data header (DCS group 1001)', () => {
    // 0x94: UDH, 8-bit. UDH 06 05 04 0B 84 23 F0, then AB.
    const ussd = decodeUssd('0605040B8423F0AB', 0x94);
    expect(ussd.userDataHeader?.ports).toEqual({ destination: 2948, source: 9200, bits: 16 });
    expect([...ussd.data]).toEqual([0xab]);
  });

  it('decodes reserved schemes as GSM 7-bit', () => {
    expect(decodeUssd('AA180C3602', 0x80)).toMatchObject({ text: '*100#', alphabet: 'gsm7' });
  });

  it('decodes an empty payload', () => {
    expect(decodeUssd('', 0x0f).text).toBe('');
    expect(decodeUssd('', 0x48).text).toBe('');
  });

  it('refuses payloads that do not fit their scheme', () => {
    const invalid = expect.objectContaining({ code: 'ERR_INVALID_PDU' });
    expect(() => decodeUssd('004100', 0x48)).toThrow(invalid);
    expect(() => decodeUssd('F2', 0x11)).toThrow(invalid);
    expect(() => decodeUssd('08050400', 0x94)).toThrow(invalid);
    expect(() => decodeUssd('', 0x94)).toThrow(invalid);
    expect(() => decodeUssd(new Uint8Array(161), 0x0f)).toThrow(invalid);
    expect(() => decodeUssd('A', 0x0f)).toThrow(invalid);
  });

  it('refuses a DCS that is not a byte', () => {
    expect(() => decodeUssd('', 256)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});
