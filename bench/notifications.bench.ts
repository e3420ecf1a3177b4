/**
 * Notifications per second through connect() → typed event → one listener, beside a bare
 * EventEmitter emitting the same objects in the same run.
 */

import { EventEmitter } from 'node:events';
import { connect, type RawNotification } from '../lib/index.js';
import { createFakeBackend } from '../lib/fake/index.js';
import { measure, report } from './harness.js';

const count = 100_000;

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
      run: () => {
        for (const r of input) emitter.emit('notification', r);
      },
    },
    {
      // The guide's floor: objects of the notification's shape made in JS, then emitted.
      name: 'EventEmitter, objects made per event',
      operations: count,
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
      name: 'connect() → typed event',
      operations: count,
      run: async () => {
        for (const r of input) void fake.notify(r);
        await fake.settled();
      },
    },
  ]);
  report(`Notifications: ${count} records per run, one listener`, results, 'EventEmitter (floor)');
  if (received === 0) throw new Error('nothing was delivered');
  await mbb.close();
}
