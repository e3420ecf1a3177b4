/**
 * Notifications per second through connect() → typed event → one listener, beside a bare
 * EventEmitter emitting the same objects in the same run. Ratios are against "EventEmitter,
 * objects made per event" (the target: ≥ 0.5×). The package is timed twice: the fake given
 * 100 000 records in one go (all of them alive at once, which the garbage collector pays for),
 * and in batches of 1 000, as a real backend delivers (the native one hands over at most
 * `maxBatch`, 4 096 by default, per turn); and in batches handed over as a backend does, without
 * the snapshot `fake.notify()` takes of each record for its callers.
 *
 * Every case starts from a collected heap (`npm run bench` exposes `gc()`): the cases run
 * round-robin, and `fake.notify()` leaves snapshots, its record log and 100 000 live
 * notifications for the collector, whose bill otherwise fell on the case after it (the
 * hand-over case measured 0.48–0.60× after them, 0.70–0.73× without them).
 */

import { EventEmitter } from 'node:events';
import type { RawNotification } from '../lib/index.js';
import { fake as fakePackage, root } from './built.js';
import { measure, report } from './harness.js';

const { connect } = root;
const { createFakeBackend } = fakePackage;

const count = 100_000;
const batch = 1_000;

/** Collects the garbage of the case before, untimed, where `gc()` is exposed. */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

function records(): RawNotification[] {
  const types = [9, 8, 6, 7, 3];
  return Array.from({ length: count }, (_, i) => ({
    messageType: types[i % types.length]!,
    networkAccountId: 'acct-1',
    origin: 'system' as const,
    timestamp: 1_700_000_000_000 + i,
  }));
}

export default async function notificationsBench(): Promise<void> {
  const input = records();
  let received = 0;

  const fake = createFakeBackend();
  const mbb = await connect({ backend: fake });
  mbb.notifications.on('notification', () => void received++);

  const emitter = new EventEmitter();
  emitter.on('notification', () => void received++);

  const results = await measure([
    {
      name: 'EventEmitter (floor)',
      operations: count,
      setup: collect,
      run: () => {
        for (const r of input) emitter.emit('notification', r);
      },
    },
    {
      // The guide's floor: objects of the notification's shape made in JS, then emitted.
      name: 'EventEmitter, objects made per event',
      operations: count,
      setup: collect,
      run: () => {
        let sequence = 0;
        for (const r of input) {
          emitter.emit('notification', {
            type: 'registeredHome',
            messageType: r.messageType,
            origin: r.origin,
            networkAccountId: r.networkAccountId,
            interfaceId: r.interfaceId,
            timestamp: new Date(r.timestamp!),
            sequence: ++sequence,
          });
        }
      },
    },
    {
      name: 'connect() → typed event, 100 000 at once',
      operations: count,
      setup: collect,
      run: async () => {
        for (const r of input) void fake.notify(r);
        await fake.settled();
      },
    },
    {
      name: 'connect() → typed event, batches of 1 000',
      operations: count,
      setup: collect,
      run: async () => {
        for (let start = 0; start < count; start += batch) {
          for (let i = start; i < start + batch; i++) void fake.notify(input[i]!);
          await fake.settled();
        }
      },
    },
    {
      // What the native backend hands over: records its batch reader has just made, delivered
      // without a copy. `fake.notify()` above first snapshots each record (the test API's
      // promise that a caller's later changes never reach the app), a fifth of its time.
      name: 'connect() → typed event, batches of 1 000, as a backend hands them over',
      operations: count,
      setup: collect,
      run: async () => {
        for (let start = 0; start < count; start += batch) {
          for (let i = start; i < start + batch; i++) void fake.notifications.emit(input[i]!);
          await fake.settled();
        }
      },
    },
  ]);
  report(
    `Notifications: ${count} records per run, one listener`,
    results,
    'EventEmitter, objects made per event',
  );
  if (received === 0) throw new Error('nothing was delivered');
  await mbb.close();
}
