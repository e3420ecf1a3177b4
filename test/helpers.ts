import { connect, type MobileBroadband, type RawNotification } from '../lib/index.js';
import { createFakeBackend, type FakeBackend, type FakeBackendOptions } from '../lib/fake/index.js';
import type { ConnectOptions } from '../lib/connect.js';

/** A fake machine and a connection to it. */
export async function connectFake(
  options: Omit<ConnectOptions, 'backend'> & { fake?: FakeBackendOptions } = {},
): Promise<{ fake: FakeBackend; mbb: MobileBroadband }> {
  const fake = createFakeBackend(options.fake);
  const mbb = await connect({ ...options, backend: fake });
  return { fake, mbb };
}

/** A well-formed raw record of the given MessageType. */
export function record(messageType: number, extra: Partial<RawNotification> = {}): RawNotification {
  return { messageType, networkAccountId: 'acct-1', origin: 'system', ...extra };
}

/** Waits for queued microtasks and the next macrotask. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
