import { describe, expect, it } from 'vitest';
import type {
  DerivedObservationSink,
  RawNotification,
  TetheringStatus,
} from '../../lib/backend.js';
import { DerivedNotificationSource } from '../../lib/derived/derived-notification-source.js';
import { DerivedNotifications } from '../../lib/derived/derived-notifications.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import { VirtualClock } from '../../lib/fake/virtual-clock.js';
import type { KnownNotificationTypeName } from '../../lib/notifications/notification-type.js';

const id = 'acct';
const hotspotTypes = new Set<KnownNotificationTypeName>(['tetheringOperationalStateChanged']);

describe('DerivedNotifications: the hotspot', () => {
  it('raises 11 on a state change and 12 on a count change, state first; learns the first read', () => {
    const engine = new DerivedNotifications(() => 7);
    const read = (
      state: TetheringStatus['operationalState'],
      clientCount: number,
      initial = false,
    ) =>
      engine
        .observe([{ kind: 'hotspot', networkAccountId: id, state, clientCount, initial }])
        .map((r) => [r.messageType, r.tetheringState ?? r.clientCount, r.origin, r.timestamp]);
    expect(read('on', 2, true)).toEqual([]);
    expect(read('on', 2)).toEqual([]);
    expect(read('on', 3)).toEqual([[12, 3, 'derived', 7]]);
    expect(read('off', 0)).toEqual([
      [11, 'off', 'derived', 7],
      [12, 0, 'derived', 7],
    ]);
  });

  it('names the connected account, else the first one', () => {
    const engine = new DerivedNotifications(() => 0);
    expect(engine.hotspotAccountId).toBeUndefined();
    engine.observe([
      { kind: 'connection', networkAccountId: 'a', connected: false, initial: true },
      { kind: 'connection', networkAccountId: 'b', connected: true, initial: true },
    ]);
    expect(engine.hotspotAccountId).toBe('b');
    engine.observe([{ kind: 'accountRemoved', networkAccountId: 'b' }]);
    expect(engine.hotspotAccountId).toBe('a');
  });
});

/** A derived source over an observer that reports one connected account, and a scripted hotspot. */
function setup(read: () => Promise<TetheringStatus>) {
  const clock = new VirtualClock(0);
  let reads = 0;
  const source = new DerivedNotificationSource({
    clock,
    observer: {
      start: (sink: DerivedObservationSink) => {
        sink.observe([
          { kind: 'connection', networkAccountId: id, connected: true, initial: true },
        ]);
        return Promise.resolve({ close: () => Promise.resolve() });
      },
    },
    modems: { dataPlanStatus: () => Promise.resolve(undefined) },
    tethering: {
      status: () => {
        reads++;
        return read();
      },
    },
  });
  const records: RawNotification[] = [];
  const errors: Error[] = [];
  const sink = {
    deliver: (batch: readonly RawNotification[]) => void records.push(...batch),
    overflow: () => undefined,
    error: (error: Error) => void errors.push(error),
  };
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const advance = async (ms: number) => {
    clock.advance(ms);
    await turn();
  };
  return { clock, source, sink, records, errors, advance, turn, reads: () => reads };
}

const status = (operationalState: TetheringStatus['operationalState'], clientCount = 0) =>
  Promise.resolve<TetheringStatus>({
    capability: 'enabled',
    operationalState,
    clientCount,
    maxClientCount: 8,
  });

describe('DerivedNotificationSource: the hotspot poll', () => {
  it('reads only while someone listens for 11 or 12, on the clock, and learns afresh on each start', async () => {
    let state: TetheringStatus['operationalState'] = 'off';
    const t = setup(() => status(state));
    const subscription = await t.source.subscribe(t.sink, {
      types: new Set(['registeredHome']),
      dataPlanPollMs: 60_000,
      hotspotPollMs: 1_000,
    });
    await t.advance(5_000);
    expect(t.reads()).toBe(0);
    subscription.setTypes!(hotspotTypes);
    await t.turn();
    expect(t.reads()).toBe(1); // the first read is learnt at once
    state = 'on';
    await t.advance(1_000);
    expect(t.records.map((r) => [r.messageType, r.tetheringState, r.networkAccountId])).toEqual([
      [11, 'on', id],
    ]);
    subscription.setTypes!(new Set());
    state = 'off';
    await t.advance(5_000);
    subscription.setTypes!(hotspotTypes); // off while nobody listened: learnt, not announced
    await t.advance(1_000);
    expect(t.records).toHaveLength(1);
    await subscription.close();
    const readsAtClose = t.reads();
    await t.advance(10_000);
    expect(t.reads()).toBe(readsAtClose);
    expect(t.clock.pendingTimers).toBe(0);
  });

  it('no hotspot to read (no internet profile, an older Windows) is quiet; another failure is reported once', async () => {
    let failure: Error | undefined = new MobileBroadbandError(
      'ERR_INVALID_STATE',
      'no internet connection to share',
    );
    const t = setup(() => (failure === undefined ? status('off') : Promise.reject(failure)));
    const subscription = await t.source.subscribe(t.sink, {
      types: hotspotTypes,
      dataPlanPollMs: 60_000,
      hotspotPollMs: 1_000,
    });
    await t.advance(3_000);
    expect(t.errors).toEqual([]);
    failure = new MobileBroadbandError('ERR_WINDOWS', 'the hotspot service failed');
    await t.advance(3_000);
    expect(t.errors.map((e) => e.message)).toEqual(['the hotspot service failed']);
    failure = undefined;
    await t.advance(1_000);
    failure = new MobileBroadbandError('ERR_WINDOWS', 'again');
    await t.advance(1_000);
    expect(t.errors).toHaveLength(2);
    await subscription.close();
  });

  it('says where 11 and 12 come from: derived with a hotspot to read, unavailable without', async () => {
    const withHotspot = await setup(() => status('off')).source.availability();
    expect(withHotspot.tetheringNumberOfClientsChanged.source).toBe('derived');
    const without = new DerivedNotificationSource({
      clock: new VirtualClock(0),
      observer: { start: () => Promise.resolve({ close: () => Promise.resolve() }) },
      modems: { dataPlanStatus: () => Promise.resolve(undefined) },
    });
    expect((await without.availability()).tetheringOperationalStateChanged.source).toBe(
      'unavailable',
    );
  });
});
