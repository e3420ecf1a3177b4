/**
 * SmsReassembler: out-of-order parts, duplicates, timeouts on the fake's virtual clock,
 * bounded memory, closing.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../lib/fake/virtual-clock.js';
import {
  decodeSmsPdu,
  SmsReassembler,
  type DecodedSms,
  type IncompleteSms,
} from '../../lib/messages/index.js';
import {
  concatenationElement,
  encodeDeliver,
  splitText,
  type EncodeTimestamp,
} from './sms-encoder.js';

// Three UCS-2 parts of "Hi 😀 ok!" with reference 0x2A, built by hand. The emoji (D83D DE00)
// straddles parts 1 and 2, as a sender that splits at any code unit would send it.
//   00 (no SMSC) 44 (UDHI, no more messages) 0C 91 447700091032 (+447700900123) 00 08
//   62 10 50 80 00 00 00 (26-01-05 08:00:00 UTC)
//   part 1: 0E | 05 00 03 2A 03 01 | 0048 0069 0020 D83D   ("Hi " + high surrogate)
//   part 2: 0E | 05 00 03 2A 03 02 | DE00 0020 006F 006B   (low surrogate + " ok")
//   part 3: 08 | 05 00 03 2A 03 03 | 0021                  ("!")
const head = '00' + '44' + '0C91447700091032' + '0008' + '62105080000000';
const ucs2Parts = [
  `${head}0E0500032A0301004800690020D83D`,
  `${head}0E0500032A0302DE000020006F006B`,
  `${head}080500032A03030021`,
];

const when: EncodeTimestamp = {
  year: 2026,
  month: 1,
  day: 5,
  hour: 8,
  minute: 0,
  second: 0,
  offsetMinutes: 0,
};

/** Parts of `text` from `sender`, encoded and decoded. */
function parts(
  text: string,
  options: { sender?: string; reference?: number; bits?: 8 | 16; second?: number } = {},
): DecodedSms[] {
  const bits = options.bits ?? 8;
  const bodies = splitText(text, 'gsm7', bits);
  return bodies.map((body, i) =>
    decodeSmsPdu(
      encodeDeliver({
        sender: { value: options.sender ?? '+15550100' },
        timestamp: { ...when, second: options.second ?? 0 },
        header: concatenationElement(options.reference ?? 7, bodies.length, i + 1, bits),
        body: { alphabet: 'gsm7', text: body },
      }),
    ),
  );
}

const longText = 'The quick brown fox jumps over the lazy dog. '.repeat(9).trim(); // 404 characters

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('joining parts', () => {
  it('joins a three-part UCS-2 message arriving out of order, with the split emoji whole again', () => {
    const decoded = ucs2Parts.map((hex) => decodeSmsPdu(hex));
    // Each part on its own keeps its lone surrogate rather than replacing it.
    expect(decoded[0]!.text).toBe('Hi \uD83D');
    expect(decoded[1]!.text).toBe('\uDE00 ok');
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    expect(reassembler.add(decoded[2]!)).toBeUndefined();
    expect(reassembler.add(decoded[0]!)).toBeUndefined();
    expect(reassembler.pending).toBe(1);
    const whole = reassembler.add(decoded[1]!);
    expect(whole).toMatchObject({
      sender: '+447700900123',
      reference: 0x2a,
      referenceBits: 8,
      total: 3,
      text: 'Hi 😀 ok!',
    });
    expect(whole?.parts.map((p) => p.userDataHeader?.concatenation?.sequence)).toEqual([1, 2, 3]);
    expect(whole?.timestamp.toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(reassembler.pending).toBe(0);
    expect(reassembler.stats).toMatchObject({ completed: 1, duplicatesDropped: 0 });
  });

  it('joins GSM 7-bit parts in any order', () => {
    const split = parts(longText);
    expect(split).toHaveLength(3);
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    expect(reassembler.add(split[1]!)).toBeUndefined();
    expect(reassembler.add(split[2]!)).toBeUndefined();
    expect(reassembler.add(split[0]!)?.text).toBe(longText);
  });

  it('returns a message that was not split at once, without a timer', () => {
    const clock = new VirtualClock();
    const reassembler = new SmsReassembler({ clock });
    const single = decodeSmsPdu(
      '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37',
    );
    expect(reassembler.add(single)).toMatchObject({
      text: 'hellohello',
      total: 1,
      reference: undefined,
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps messages apart by sender, reference size and number of parts', () => {
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    const a = parts(longText, { sender: '+15550100', reference: 9 });
    const b = parts(longText, { sender: '+15550199', reference: 9 });
    const c = parts(longText, { sender: '+15550100', reference: 9, bits: 16 });
    for (const part of [a[0]!, b[0]!, c[0]!, a[1]!, b[1]!, c[1]!]) reassembler.add(part);
    expect(reassembler.pending).toBe(3);
    expect(reassembler.add(b[2]!)?.sender).toBe('+15550199');
    expect(reassembler.add(c[2]!)?.referenceBits).toBe(16);
    expect(reassembler.add(a[2]!)?.referenceBits).toBe(8);
  });

  it('gives no text when a part has none (8-bit data), but joins the data', () => {
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    const bytes = [
      [1, 2],
      [3, 4],
    ];
    let whole;
    for (const [i, data] of bytes.entries()) {
      whole = reassembler.add(
        decodeSmsPdu(
          encodeDeliver({
            sender: { value: '+15550100' },
            timestamp: when,
            header: concatenationElement(1, 2, i + 1),
            body: { alphabet: '8bit', data },
          }),
        ),
      );
    }
    expect(whole?.text).toBeUndefined();
    expect([...(whole?.userData ?? [])]).toEqual([1, 2, 3, 4]);
  });
});

describe('duplicates', () => {
  it('drops a part that arrives twice and counts it', () => {
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    const [first, second, third] = parts(longText);
    reassembler.add(first!);
    expect(reassembler.add(first!)).toBeUndefined();
    reassembler.add(second!);
    expect(reassembler.add(third!)?.text).toBe(longText);
    expect(reassembler.stats.duplicatesDropped).toBe(1);
  });

  it('drops a retransmitted part after its message completed', () => {
    const clock = new VirtualClock();
    const reassembler = new SmsReassembler({ clock, timeoutMs: 60_000 });
    const split = parts(longText);
    for (const part of split) reassembler.add(part);
    expect(reassembler.add(split[1]!)).toBeUndefined();
    expect(reassembler.pending).toBe(0);
    expect(reassembler.stats.duplicatesDropped).toBe(1);
    // After one timeout the completed message is forgotten: the same part starts anew.
    clock.advance(60_000);
    expect(reassembler.add(split[1]!)).toBeUndefined();
    expect(reassembler.pending).toBe(1);
  });

  it('accepts a new message that reuses the reference (another time stamp)', () => {
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    for (const part of parts(longText, { second: 0 })) reassembler.add(part);
    const again = parts(longText.toUpperCase(), { second: 30 });
    reassembler.add(again[0]!);
    reassembler.add(again[1]!);
    expect(reassembler.add(again[2]!)?.text).toBe(longText.toUpperCase());
  });
});

describe('giving up', () => {
  it('reports what was missing after the timeout, on the virtual clock', () => {
    const clock = new VirtualClock();
    const reports: IncompleteSms[] = [];
    const reassembler = new SmsReassembler({
      clock,
      timeoutMs: 30_000,
      onIncomplete: (r) => reports.push(r),
    });
    const [first, , third] = parts(longText, { reference: 0x42 });
    const start = clock.now();
    reassembler.add(third!);
    clock.advance(10_000);
    reassembler.add(first!);
    clock.advance(19_999);
    expect(reports).toEqual([]);
    clock.advance(1);
    expect(reports).toEqual([
      {
        reason: 'timeout',
        sender: '+15550100',
        reference: 0x42,
        referenceBits: 8,
        total: 3,
        received: [1, 3],
        missing: [2],
        parts: [first, third],
        firstReceivedAt: start,
      },
    ]);
    expect(reassembler.pending).toBe(0);
    expect(reassembler.stats.incomplete).toBe(1);
  });

  it('works with the system clock under fake timers', () => {
    vi.useFakeTimers();
    const reports: IncompleteSms[] = [];
    const reassembler = new SmsReassembler({
      timeoutMs: 5_000,
      onIncomplete: (r) => reports.push(r),
    });
    reassembler.add(parts(longText)[0]!);
    vi.advanceTimersByTime(5_000);
    expect(reports.map((r) => r.missing)).toEqual([[2, 3]]);
  });

  it('bounds the messages waiting: the oldest is given up first', () => {
    const reports: IncompleteSms[] = [];
    const reassembler = new SmsReassembler({
      clock: new VirtualClock(),
      maxPending: 2,
      onIncomplete: (r) => reports.push(r),
    });
    reassembler.add(parts(longText, { reference: 1 })[0]!);
    reassembler.add(parts(longText, { reference: 2 })[0]!);
    expect(reports).toEqual([]);
    reassembler.add(parts(longText, { reference: 3 })[0]!);
    expect(reports.map((r) => [r.reason, r.reference])).toEqual([['evicted', 1]]);
    expect(reassembler.pending).toBe(2);
  });

  it('closes: timers cleared, pending messages returned, further parts refused', () => {
    const clock = new VirtualClock();
    const onIncomplete = vi.fn();
    const reassembler = new SmsReassembler({ clock, onIncomplete });
    reassembler.add(parts(longText)[0]!);
    expect(clock.pendingTimers).toBe(1);
    const left = reassembler.close();
    expect(left.map((r) => [r.reason, r.missing])).toEqual([['closed', [2, 3]]]);
    expect(clock.pendingTimers).toBe(0);
    clock.advance(24 * 3_600_000);
    expect(onIncomplete).not.toHaveBeenCalled();
    expect(() => reassembler.add(parts(longText)[1]!)).toThrow(
      expect.objectContaining({ code: 'ERR_CLOSED' }),
    );
    expect(reassembler.close()).toEqual([]);
  });

  it('reports a failing onIncomplete as a process warning ERR_LISTENER_FAILED, never a throw', () => {
    const clock = new VirtualClock();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const reassembler = new SmsReassembler({
      clock,
      timeoutMs: 1_000,
      onIncomplete: () => {
        throw new Error('boom');
      },
    });
    reassembler.add(parts(longText)[0]!);
    expect(() => clock.advance(1_000)).not.toThrow();
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'ERR_LISTENER_FAILED',
        message: expect.stringContaining('boom'),
      }),
    );
  });

  it('refuses an add() from onIncomplete during an eviction, so maxPending holds', () => {
    const clock = new VirtualClock();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const refused: unknown[] = [];
    let next = 1;
    const reassembler: SmsReassembler = new SmsReassembler({
      clock,
      maxPending: 2,
      onIncomplete: () => {
        try {
          reassembler.add(parts(longText, { reference: next++ })[0]!);
        } catch (error) {
          refused.push(error);
        }
      },
    });
    for (let i = 0; i < 5; i++) reassembler.add(parts(longText, { reference: 100 + i })[0]!);
    expect(reassembler.pending).toBe(2);
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ code: 'ERR_INVALID_STATE' });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('options and input', () => {
  it('refuses impossible options', () => {
    for (const options of [
      { timeoutMs: 0 },
      { timeoutMs: -1 },
      { timeoutMs: Number.NaN },
      { timeoutMs: 2 ** 31 },
      { maxPending: 0 },
      { maxPending: 1.5 },
    ]) {
      expect(() => new SmsReassembler(options)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
  });

  it('refuses what is not a decoded SMS', () => {
    const reassembler = new SmsReassembler({ clock: new VirtualClock() });
    const values: unknown[] = [null, 'hex', {}, { sender: '+1', timestamp: 0 }];
    for (const value of values) {
      expect(() => reassembler.add(value as DecodedSms)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
  });

  it('refuses a hand-made part with impossible numbers', () => {
    const part = parts(longText)[0]!;
    const forged: DecodedSms = {
      ...part,
      userDataHeader: {
        ...part.userDataHeader!,
        concatenation: { reference: 1, referenceBits: 8, total: 2, sequence: 3 },
      },
    };
    expect(() => new SmsReassembler({ clock: new VirtualClock() }).add(forged)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});
