/**
 * Hostile input, the state the package and the fake keep: however much a user (or a long
 * simulation) piles up — pending timers, offers never confirmed, records, waiting SMS parts —
 * time and memory stay bounded. The bounds are hang and flood detectors, far above need.
 */
import { describe, expect } from 'vitest';
import type { DecodedSms } from '../../lib/messages/index.js';
import { SmsReassembler } from '../../lib/messages/index.js';
import { VirtualClock } from '../../lib/fake/index.js';
import { connectFake, record } from '../helpers.js';
import { hostileCases, resultCase } from './hostile-harness.js';

const eid = '89049032123451234512345678901235';
const code = 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';

describe('hostile state', () => {
  hostileCases([
    resultCase({
      name: '80 000 unanswered entitlement checks: advancing past their timeouts answers each by default',
      bound: { ms: 8_000, heapMiB: 256 },
      run: async () => {
        const { fake, mbb } = await connectFake();
        let checks = 0;
        mbb.notifications.on('tetheringEntitlementCheck', () => void checks++); // never answers
        for (let i = 0; i < 80_000; i++) void fake.notify(record(10));
        await fake.settled();
        await fake.advance(20_000);
        const answers = fake.entitlementAnswers();
        await mbb.close();
        return { checks, answers };
      },
      check: ({ checks, answers }) => {
        expect(checks).toBe(80_000);
        // Every check was answered; the fake keeps the latest 10 000 answers.
        expect(answers).toHaveLength(10_000);
        expect(answers.at(-1)).toMatchObject({ entitlementCheckId: 'check-80000', allow: false });
      },
    }),
    resultCase({
      name: '80 000 pending timers on the virtual clock, half of them cleared, fire in order',
      bound: { ms: 3_000, heapMiB: 128 },
      run: () => {
        const clock = new VirtualClock(0);
        const fired: number[] = [];
        const handles = [];
        for (let i = 0; i < 80_000; i++) {
          handles.push(clock.setTimeout(() => fired.push(i), 80_000 - (i % 1000)));
        }
        for (let i = 0; i < 80_000; i += 2) clock.clearTimeout(handles[i]!);
        clock.advance(80_000);
        return { fired, pending: clock.pendingTimers };
      },
      check: ({ fired, pending }) => {
        expect(pending).toBe(0);
        expect(fired).toHaveLength(40_000);
        // Due time first (later i % 1000 is earlier), then the order they were set.
        const expected = Array.from({ length: 40_000 }, (_, k) => 2 * k + 1).sort(
          (a, b) => (b % 1000) - (a % 1000) || a - b,
        );
        expect(fired).toEqual(expected);
      },
    }),
    {
      name: 'advance() by a null-prototype object: a typed error, not a TypeError',
      run: () => new VirtualClock(0).advance(Object.create(null) as number),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message:
        /advance\(ms\): ms must be a non-negative number, got an object with a null prototype/,
    },
    resultCase({
      name: '100 000 profile downloads never confirmed: at most 1000 offers kept',
      bound: { ms: 20_000, heapMiB: 256 },
      run: async () => {
        const { fake, mbb } = await connectFake();
        fake.esim.insert({ eid });
        const first = await mbb.esim.downloadProfileMetadata(eid, code);
        let last = first;
        for (let i = 1; i < 100_000; i++) last = await mbb.esim.downloadProfileMetadata(eid, code);
        const kept = fake.esim.pendingOffers;
        const firstRefused = await mbb.esim.confirmInstall(first).then(
          () => undefined,
          (error: unknown) => error,
        );
        await mbb.esim.confirmInstall(last);
        await mbb.close();
        return { kept, firstRefused };
      },
      check: ({ kept, firstRefused }) => {
        expect(kept).toBe(1000);
        expect(firstRefused).toMatchObject({
          code: 'ERR_INVALID_STATE',
          message: expect.stringMatching(/newer downloads replaced it/),
        });
      },
    }),
    resultCase({
      name: '200 000 records raised: recorded() keeps the latest 10 000',
      bound: { ms: 10_000, heapMiB: 256 },
      run: async () => {
        const { fake, mbb } = await connectFake();
        for (let i = 0; i < 200_000; i++) void fake.notify(record(9, { ruleId: `r${i}` }));
        await fake.settled();
        const recorded = fake.recorded();
        const dropped = fake.recordsDropped;
        await mbb.close();
        return { recorded, dropped };
      },
      check: ({ recorded, dropped }) => {
        expect(recorded).toHaveLength(10_000);
        expect(recorded[0]!.ruleId).toBe('r190000');
        expect(recorded.at(-1)!.ruleId).toBe('r199999');
        expect(dropped).toBe(190_000);
      },
    }),
    resultCase({
      name: '100 000 first parts of messages that never complete: pending stays at maxPending',
      bound: { ms: 10_000, heapMiB: 256 },
      run: () => {
        const clock = new VirtualClock();
        let evicted = 0;
        const reassembler = new SmsReassembler({ clock, onIncomplete: () => void evicted++ });
        const timestamp = new Date(Date.UTC(2026, 0, 5));
        let maxPending = 0;
        for (let i = 0; i < 100_000; i++) {
          reassembler.add({
            sender: `+1555${i}`,
            timestamp,
            timeZoneOffsetMinutes: 0,
            text: 'part one',
            userData: new Uint8Array(8),
            userDataHeader: {
              concatenation: { reference: 1, referenceBits: 8, total: 2, sequence: 1 },
            },
          } as unknown as DecodedSms);
          maxPending = Math.max(maxPending, reassembler.pending);
        }
        const timers = clock.pendingTimers;
        reassembler.close();
        return { maxPending, evicted, timers };
      },
      check: ({ maxPending, evicted, timers }) => {
        expect(maxPending).toBe(100);
        expect(evicted).toBe(99_900);
        expect(timers).toBe(100);
      },
    }),
  ]);
});
