import { describe, expect, it } from 'vitest';
import { DerivedNotifications } from '../../lib/derived/derived-notifications.js';

const id = 'acct';
const MB = 2 ** 20;
const plan = (usedMb: number, next?: number) => ({
  kind: 'dataPlan' as const,
  networkAccountId: id,
  status: {
    usedBytes: usedMb * MB,
    limitBytes: 1000 * MB,
    lastSyncTime: undefined,
    nextBillingCycle: next,
  },
});

describe('DerivedNotifications', () => {
  const types = (
    engine: DerivedNotifications,
    ...obs: Parameters<DerivedNotifications['observe']>[0]
  ) => engine.observe(obs).map((r) => r.messageType);

  it('learns the initial state without raising anything', () => {
    const engine = new DerivedNotifications(() => 0);
    expect(
      types(
        engine,
        { kind: 'registration', networkAccountId: id, state: 'home', initial: true },
        { kind: 'connection', networkAccountId: id, connected: true, initial: true },
        { ...plan(10), initial: true },
      ),
    ).toEqual([]);
  });

  it('thresholds at 5 % of the limit, a reset when usage falls or the cycle passes, deletion', () => {
    const engine = new DerivedNotifications(() => 0);
    types(
      engine,
      { kind: 'registration', networkAccountId: id, state: 'home', initial: true },
      { ...plan(0, 100), initial: true },
    );
    expect(types(engine, plan(49, 100))).toEqual([]);
    expect(types(engine, plan(50, 100))).toEqual([3]);
    expect(types(engine, plan(99, 100))).toEqual([]);
    expect(types(engine, plan(10, 100))).toEqual([4]);
    expect(types(engine, plan(12, 200))).toEqual([4]);
    expect(types(engine, { kind: 'dataPlan', networkAccountId: id, status: undefined })).toEqual([
      5,
    ]);
    expect(types(engine, { kind: 'dataPlan', networkAccountId: id, status: undefined })).toEqual(
      [],
    );
    const [record] = engine.observe([
      { kind: 'registration', networkAccountId: id, state: 'roaming', timestamp: 7 },
    ]);
    expect(record).toEqual({
      messageType: 8,
      networkAccountId: id,
      origin: 'derived',
      timestamp: 7,
    });
  });
});
