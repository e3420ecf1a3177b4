/**
 * Events per second from a native thread to a JS listener, under Wine (`npm run bench:windows`).
 * Five cases in one run, median of several rounds each, as ratios to the floor:
 *
 *   - floor:     a JS EventEmitter emitting equivalent objects made in JS;
 *   - batched:   the addon as shipped (records batched per thread-safe-function call, objects
 *                made in JS), through mbb.esim.watch().on('updated');
 *   - per event: the same addon with maxBatch 1: one thread-safe-function call per event;
 * each of the last two twice:
 *   - "live":    the test component's thread raises the events while JS consumes them (what an
 *                application sees; bounded by how fast that thread can make and read eSIM
 *                objects while sharing the machine's 2 cores with JS);
 *   - "queued":  the events were raised while JS was busy and wait in the addon's queue; the
 *                time is JS draining them (the delivery path's own capacity).
 *
 * Each native event is an ESimWatcher.Updated raised by the test component's own thread for an
 * eSIM with two profiles (9 strings, 17 numbers/booleans per event), read by the addon through
 * the real WinRT ABI. Queues are sized so nothing is discarded; discards would be reported.
 *
 * A third table, "calls", gives the cost of the addon's MTA thread (docs/native.md, threading
 * model): every call posts to that thread and is answered through a thread-safe function, never
 * by blocking the JS thread. Against one event-loop turn (`setImmediate`) measured in the same
 * run: an empty round trip (`addon.core.flush()`) and a real call (`mbb.esim.serviceInfo()`:
 * the hop plus activation and two property reads through the test component).
 *
 * A fourth table, "derived", gives what an unpackaged process gets: each AccountUpdated with
 * HasNetworkChanged (raised by the test component's thread) makes the addon read the account
 * again on its MTA thread and the shared engine emit one `registeredHome` notification; the
 * rate is accounts announced → typed events received, against one event-loop turn.
 *
 * A second table, "producer", gives the rate of the component's thread itself (timed by the
 * component around the burst; it includes the addon's reading and queuing, which run on that
 * thread). It is the ceiling of the live cases; beside each live case it says how close
 * delivery came to it.
 */

import { EventEmitter } from 'node:events';
import type { EsimInfo } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { formatRate, measure, median, report } from '../../bench/harness.js';
import { nativeDriver, type NativeDriver } from './native-driver.js';

const count = Number(process.env.BENCH_EVENTS ?? 100_000);
/** How long JS stays busy while the queued cases' events are raised (they take ~0.1–0.3 s). */
const queuedWaitMs = Number(process.env.BENCH_QUEUED_WAIT_MS ?? 1500);

function blockEventLoop(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy on purpose
  }
}
const eid = '89049032123451234512345678901235';

function floorObject(i: number): EsimInfo {
  return {
    id: eid,
    eid,
    firmwareVersion: `burst-${i}`,
    availableMemoryBytes: 412_000,
    modemDeviceId: '\\\\?\\USB#VID_2C7C&PID_0125#modem-a',
    state: 'idle',
    slotIndex: 1,
    policy: { shouldEnableManagingUi: true },
    profiles: [
      {
        id: '8944501234567890123',
        class: 'operational',
        nickname: 'Work',
        providerId: '310410',
        providerName: 'Contoso Mobile',
        state: 'enabled',
        policy: { canDelete: false, canDisable: true, isManagedByEnterprise: true },
      },
      {
        id: '8944501234567890131',
        class: 'test',
        nickname: '',
        providerId: '00101',
        providerName: 'Test Network',
        state: 'disabled',
        policy: { canDelete: true, canDisable: true, isManagedByEnterprise: false },
      },
    ],
  };
}

type Mbb = Awaited<ReturnType<typeof connect>>;

/**
 * One native case: setup() opens its watcher (untimed, and only one watcher runs at a time,
 * since the component's burst goes to every running watcher), run() raises `count` events and
 * waits for the last.
 */
function nativeCase(
  name: string,
  mbb: Mbb,
  driver: NativeDriver,
  others: { close(): Promise<void> }[],
  queued: boolean,
): {
  name: string;
  operations: number;
  setup(): Promise<void>;
  run(): Promise<void>;
  close(): Promise<void>;
  discarded: number;
  /** Per round: how long the component's thread took to raise the burst (µs). */
  producerMicroseconds: number[];
} {
  const burst = (): Promise<void> => driver.burst(eid, count);
  let watcher: ReturnType<Mbb['esim']['watch']> | undefined;
  let received = 0;
  let last = '';
  let done: (() => void) | undefined;
  let finished: Promise<void> = Promise.resolve();
  let discarded = 0;
  const producerMicroseconds: number[] = [];
  // A live burst's time is read in close(), untimed: the component records it just after
  // raising the last event, so it may not be there yet when run() ends.
  let burstUnread = false;
  const result = {
    name,
    operations: count,
    producerMicroseconds,
    get discarded() {
      return discarded;
    },
    async setup() {
      await Promise.all(others.map((other) => other.close()));
      watcher = mbb.esim.watch();
      watcher.on('updated', (esim) => {
        last = esim.firmwareVersion;
        if (++received === count) done?.();
      });
      watcher.on('overflow', (info) => {
        discarded += info.discarded;
        console.log(`${name}: overflow, ${info.discarded} discarded`);
      });
      await new Promise<void>((resolve) => watcher!.once('enumerationCompleted', resolve));
      if (queued) {
        received = 0;
        finished = new Promise<void>((resolve) => (done = resolve));
        await burst();
        // JS is busy: the component's thread raises every event into the addon's queue.
        blockEventLoop(queuedWaitMs);
        const took = driver.lastBurstMicroseconds();
        if (took === 0) throw new Error(`${name}: the burst outlasted ${queuedWaitMs} ms`);
        producerMicroseconds.push(took);
      }
    },
    async run() {
      if (!queued) {
        received = 0;
        finished = new Promise<void>((resolve) => (done = resolve));
        await burst();
      }
      await finished;
      if (last !== `burst-${count}`)
        throw new Error(`${name}: the last event was ${last}: order broken`);
      burstUnread = !queued;
    },
    async close() {
      const open = watcher;
      watcher = undefined;
      if (burstUnread) {
        burstUnread = false;
        producerMicroseconds.push(await burstTime(driver));
      }
      await open?.close();
    },
  };
  return result;
}

/** The live burst's time: the component records it just after raising the last event. */
async function burstTime(driver: NativeDriver): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const took = driver.lastBurstMicroseconds();
    if (took !== 0) return took;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the burst did not finish within 1 s of its last event');
}

async function main(): Promise<void> {
  const driver = nativeDriver();
  const queue = { maxQueued: count * 2 };
  // The driver's createBackend() resets the component; the eSIM goes in after it.
  const batchedBackend = await driver.createBackend({ eventQueueLimit: queue.maxQueued });
  await driver.insert({
    eid,
    firmwareVersion: '3.2.1',
    modemDeviceId: '\\\\?\\USB#VID_2C7C&PID_0125#modem-a',
    availableMemoryBytes: 412_000,
    slotIndex: 1,
    policy: { shouldEnableManagingUi: true },
    profiles: floorObject(0).profiles,
  });
  const batched = await connect({ backend: batchedBackend });
  const perEvent = await connect({
    backend: await createNativeBackend({ events: { ...queue, maxBatch: 1 } }),
  });
  const cases: ReturnType<typeof nativeCase>[] = [];
  const batchedCase = nativeCase('live: batched (shipped)', batched, driver, cases, false);
  const perEventCase = nativeCase('live: one call per event', perEvent, driver, cases, false);
  const batchedQueued = nativeCase('queued: batched (shipped)', batched, driver, cases, true);
  const perEventQueued = nativeCase('queued: one call per event', perEvent, driver, cases, true);
  const emitter = new EventEmitter();
  let floorReceived = 0;
  emitter.on('updated', (esim: EsimInfo) => {
    if (esim.firmwareVersion !== '') floorReceived++;
  });
  const floor = {
    name: 'EventEmitter, objects made in JS (floor)',
    operations: count,
    setup: () => Promise.all(cases.map((c) => c.close())),
    run: () => {
      for (let i = 1; i <= count; i++) emitter.emit('updated', floorObject(i));
    },
  };
  // Each case closes the others' watchers in its setup.
  cases.push(batchedCase, perEventCase, batchedQueued, perEventQueued);

  const results = await measure([floor, batchedCase, perEventCase, batchedQueued, perEventQueued]);
  report(
    `eSIM events from a native thread to a JS listener, ${count} per run (node ${process.version}, ${process.platform}-${process.arch})`,
    results,
    floor.name,
  );
  console.log(`discarded: ${cases.map((c) => `${c.name} ${c.discarded}`).join(', ')}`);
  await Promise.all(cases.map((c) => c.close())); // the last live round's burst time is read here
  // The producer's own rate bounds the live cases: the component's thread makes each event and
  // the addon reads the eSIM and queues it on that thread, before JS sees anything.
  const floorRate = results.find((r) => r.name === floor.name)!.opsPerSecond;
  console.log(
    '\nproducer: the component thread raising the burst, the addon reading and queuing each event',
  );
  for (const c of cases) {
    const rate = count / (median(c.producerMicroseconds) / 1e6);
    const delivered = results.find((r) => r.name === c.name)!.opsPerSecond;
    // Live, JS can deliver no faster than the thread produces: 1× means it keeps up.
    const keepsUp = c.name.startsWith('live')
      ? `; delivered ${(delivered / rate).toFixed(2)}× the rate produced`
      : '';
    console.log(
      `  during ${c.name.padEnd(28)} ${formatRate(rate).padStart(8)}/s  ${(rate / floorRate).toFixed(3)}× the floor${keepsUp}`,
    );
  }
  if (floorReceived === 0) throw new Error('the floor delivered nothing');
  await reportCalls(batched);
  await reportDerived();
  await Promise.all([batched.close(), perEvent.close()]);
  const live = await driver.liveObjects();
  console.log(`test component objects alive after close: ${String(live)}`);
  if (live !== 0) process.exitCode = 1;
}

/** The MTA thread's hop, as round trips per second against one event-loop turn. */
async function reportCalls(mbb: Awaited<ReturnType<typeof connect>>): Promise<void> {
  const calls = Number(process.env.BENCH_CALLS ?? 2000);
  const addon = loadAddon<NativeAddon>();
  const sequential = (call: () => Promise<unknown>) => async () => {
    for (let i = 0; i < calls; i++) await call();
  };
  const turn = {
    name: 'one event-loop turn (setImmediate)',
    operations: calls,
    run: sequential(() => new Promise((resolve) => setImmediate(resolve))),
  };
  const results = await measure([
    turn,
    {
      name: 'MTA round trip (core.flush)',
      operations: calls,
      run: sequential(() => addon.core.flush().promise),
    },
    {
      name: 'esim.serviceInfo() (hop + WinRT reads)',
      operations: calls,
      run: sequential(() => mbb.esim.serviceInfo()),
    },
  ]);
  console.log();
  report(`calls through the addon's MTA thread, ${calls} in sequence per run`, results, turn.name);
}

/** Account updates → derived registeredHome notifications, through the native path. */
async function reportDerived(): Promise<void> {
  const updates = Number(process.env.BENCH_DERIVED ?? 300);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as {
    putAccount(id: string, fields: Record<string, number>): void;
  };
  const id = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';
  let serial = 0;
  control.putAccount(id, { networkRegistrationState: 3, registrationSerial: serial });
  const mbb = await connect({ backend: await createNativeBackend() });
  let received = 0;
  let wake: (() => void) | undefined;
  mbb.notifications.on('registeredHome', () => {
    received++;
    wake?.();
  });
  const turn = {
    name: 'one event-loop turn (setImmediate)',
    operations: updates,
    run: async () => {
      for (let i = 0; i < updates; i++) await new Promise((resolve) => setImmediate(resolve));
    },
  };
  const derived = {
    name: 'AccountUpdated → registeredHome (read again, engine, listener)',
    operations: updates,
    setup: () => void (received = 0),
    run: async () => {
      for (let i = 0; i < updates; i++) {
        control.putAccount(id, { networkRegistrationState: 3, registrationSerial: ++serial });
      }
      while (received < updates) await new Promise<void>((resolve) => (wake = resolve));
    },
  };
  // The first listener starts the watcher: let its enumeration pass before timing.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const results = await measure([turn, derived]);
  console.log();
  report(`derived notifications, ${updates} account updates per run`, results, turn.name);
  await mbb.close();
}

main().catch((error: unknown) => {
  console.error(error);
  // Open watchers keep the process alive on purpose: end it.
  process.exit(1);
});
