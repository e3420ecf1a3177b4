/**
 * SMS PDUs decoded per second, beside `Buffer.from(hex, 'hex')` on the same PDUs in the same
 * run (the least any decoder of hex input must do), as ratios.
 */

import { fake, messages } from './built.js';
import {
  concatenationElement,
  encodeDeliver,
  packUssd,
  splitText,
  toHex,
  type EncodeTimestamp,
} from '../test/messages/sms-encoder.js';
import { measure, report } from './harness.js';

const { decodeSmsPdu, decodeUssd, SmsReassembler } = messages;
const { VirtualClock } = fake;

const count = 10_000;
const when: EncodeTimestamp = {
  year: 2026,
  month: 1,
  day: 5,
  hour: 8,
  minute: 0,
  second: 0,
  offsetMinutes: 60,
};
const gsm7Long =
  'Your data balance: 1.5 GB of 10 GB used until 2026-02-01. Top up at the shop [menu 3] or reply HELP for {options}. Roaming costs 2€/MB outside the EU zone!!';

/** A realistic mix: long GSM 7-bit parts with a header, UCS-2 with emoji, short texts, 8-bit. */
function pdus(): string[] {
  const kinds = [
    toHex(
      encodeDeliver({
        smsc: '+491710760000',
        sender: { value: '+491711234567' },
        timestamp: when,
        header: concatenationElement(7, 2, 1),
        body: { alphabet: 'gsm7', text: splitText(gsm7Long, 'gsm7', 8)[0]! },
      }),
    ),
    toHex(
      encodeDeliver({
        smsc: '+491710760000',
        sender: { value: 'Operator', alphanumeric: true },
        timestamp: when,
        body: { alphabet: 'ucs2', text: 'Баланс: 12,50 € 💰 Пакет интернета 5 ГБ до 01.02 🙂' },
      }),
    ),
    '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37',
    toHex(
      encodeDeliver({
        sender: { value: '+15550100' },
        timestamp: when,
        header: [0x05, 4, 0x0b, 0x84, 0x23, 0xf0],
        body: { alphabet: '8bit', data: Array.from({ length: 120 }, (_, i) => i) },
      }),
    ),
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!);
}

/** 3-part messages: every part of message k, in the order 3, 1, 2. */
function concatenated(): Buffer[] {
  const text = gsm7Long.repeat(3).slice(0, 430);
  const out: Buffer[] = [];
  for (let k = 0; out.length < count; k++) {
    const bodies = splitText(text, 'gsm7', 8);
    const parts = bodies.map((body, i) =>
      Buffer.from(
        encodeDeliver({
          sender: { value: `+1555${String(k % 1000).padStart(4, '0')}` },
          timestamp: when,
          header: concatenationElement(k & 0xff, bodies.length, i + 1),
          body: { alphabet: 'gsm7', text: body },
        }),
      ),
    );
    out.push(parts[2]!, parts[0]!, parts[1]!);
  }
  return out.slice(0, count - (count % 3));
}

export default async function smsPduBench(): Promise<void> {
  const hex = pdus();
  const bytes = hex.map((h) => Buffer.from(h, 'hex'));
  const parts = concatenated();
  const ussd = Buffer.from(
    packUssd('Your balance is 12.50 EUR. Valid until 01/02/2026. Reply 1 for offers'),
  );
  let sink = 0;

  const results = await measure([
    {
      name: 'Buffer.from(hex) (floor)',
      operations: hex.length,
      run: () => {
        for (const h of hex) sink += Buffer.from(h, 'hex').length;
      },
    },
    {
      name: 'decodeSmsPdu(hex)',
      operations: hex.length,
      run: () => {
        for (const h of hex) sink += decodeSmsPdu(h).userData.length;
      },
    },
    {
      name: 'decodeSmsPdu(bytes)',
      operations: bytes.length,
      run: () => {
        for (const b of bytes) sink += decodeSmsPdu(b).userData.length;
      },
    },
    {
      name: 'decode + SmsReassembler.add (3 parts, out of order)',
      operations: parts.length,
      run: () => {
        const reassembler = new SmsReassembler({ clock: new VirtualClock(), maxPending: 1000 });
        for (const p of parts) sink += reassembler.add(decodeSmsPdu(p))?.total ?? 0;
        reassembler.close();
      },
    },
    {
      name: 'decodeUssd(bytes, 0x0F) (70 chars)',
      operations: count,
      run: () => {
        for (let i = 0; i < count; i++) sink += decodeUssd(ussd, 0x0f).data.length;
      },
    },
  ]);
  report(
    `SMS PDUs: ${count} per run (mix of GSM 7-bit with header, UCS-2, short, 8-bit)`,
    results,
    'Buffer.from(hex) (floor)',
  );
  if (sink === 0) throw new Error('nothing was decoded');
}
