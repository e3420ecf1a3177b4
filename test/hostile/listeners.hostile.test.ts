/**
 * Hostile input, listener behaviour: whatever a user's listener or callback throws or rejects
 * with, the package reports it (ERR_LISTENER_FAILED, the value as `cause`, a safe bounded
 * message), keeps delivering to the other listeners, and lets nothing escape to the process.
 */
import { afterEach, describe, expect, vi } from 'vitest';
import { MobileBroadbandError, type EsimInfo, type Notification } from '../../lib/index.js';
import { VirtualClock } from '../../lib/fake/index.js';
import { SmsReassembler, type DecodedSms } from '../../lib/messages/index.js';
import { connectFake, record, tick } from '../helpers.js';
import { hostileCases, resultCase, type HostileCase } from './hostile-harness.js';

const eid = '89049032123451234512345678901235';
const code = 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';
const escape = '\u001b]0;pwned\u0007\u001b[2J';

/** The unprintable values a user's code may throw, each made fresh. */
const thrownValues: { name: string; make: () => unknown }[] = [
  { name: 'a null-prototype object', make: () => Object.create(null) as object },
  {
    name: 'an Error whose message getter throws',
    make: () => {
      const error = new Error('unseen');
      Object.defineProperty(error, 'message', {
        get() {
          throw new Error('message getter');
        },
      });
      return error;
    },
  },
  {
    name: 'a Proxy that throws on every trap',
    make: () =>
      new Proxy(
        {},
        new Proxy(
          {},
          {
            get: () => () => {
              throw new Error('trap');
            },
          },
        ),
      ),
  },
  { name: 'a Symbol', make: () => Symbol('thrown') },
  {
    name: 'an object whose toString throws',
    make: () => ({
      toString() {
        throw new Error('toString');
      },
    }),
  },
  { name: 'undefined', make: () => undefined },
  { name: 'a megabyte of terminal escapes', make: () => new Error(escape.repeat(80_000)) },
];

/** What escaped to the process while a case ran, and the warnings it emitted. */
interface ProcessWatch {
  escaped: unknown[];
  warnings: MobileBroadbandError[];
}

/**
 * Runs `body` while watching the process: an unhandled rejection or an uncaught exception is
 * recorded (and would also fail the run), warnings are captured instead of printed.
 */
async function watchingProcess<T>(body: (watch: ProcessWatch) => Promise<T>): Promise<T> {
  const watch: ProcessWatch = { escaped: [], warnings: [] };
  const onEscape = (error: unknown): void => void watch.escaped.push(error);
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  const warn = vi
    .spyOn(process, 'emitWarning')
    .mockImplementation((warning) => void watch.warnings.push(warning as MobileBroadbandError));
  try {
    const result = await body(watch);
    // Rejections are reported unhandled after the microtasks drain: give them two turns.
    await tick();
    await tick();
    expect(watch.escaped, 'nothing escapes to the process').toEqual([]);
    return result;
  } finally {
    warn.mockRestore();
    process.off('unhandledRejection', onEscape);
    process.off('uncaughtException', onEscape);
  }
}

/** A report of a user's failure: typed, with the value as cause, and a safe message. */
function expectReport(error: unknown, value: unknown): void {
  expect(error).toBeInstanceOf(MobileBroadbandError);
  const report = error as MobileBroadbandError;
  expect(report.code).toBe('ERR_LISTENER_FAILED');
  expect(Object.is(report.cause, value)).toBe(true);
  expect(report.message.length).toBeLessThanOrEqual(600);
  // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear.
  expect(report.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
}

/** The failing listener: throws `value`, or returns a promise rejected with it. */
function failing(value: unknown, async: boolean): () => unknown {
  return async
    ? // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- hostile on purpose.
      () => Promise.reject(value)
    : () => {
        throw value;
      };
}

const forms = [
  { form: 'throws', async: false },
  { form: 'rejects with', async: true },
];

function notificationCases(): HostileCase[] {
  return thrownValues.flatMap(({ name, make }) =>
    forms.map(({ form, async }) =>
      resultCase({
        name: `a notification listener that ${form} ${name}: others get every event, 'error' gets each failure`,
        bound: { ms: 5_000, outputChars: 6 * 600 },
        run: () =>
          watchingProcess(async () => {
            const value = make();
            const { fake, mbb } = await connectFake();
            const errors: MobileBroadbandError[] = [];
            const before: number[] = [];
            const after: number[] = [];
            mbb.notifications.on('error', (e) => void errors.push(e));
            mbb.notifications.on('registeredHome', (n) => void before.push(n.sequence));
            mbb.notifications.on('registeredHome', failing(value, async));
            mbb.notifications.on('registeredHome', (n) => void after.push(n.sequence));
            mbb.notifications.on('notification', failing(value, async));
            for (let i = 0; i < 3; i++) await fake.notify(record(9));
            await tick();
            await mbb.close();
            return { value, errors, before, after };
          }),
        check: ({ value, errors, before, after }) => {
          expect(before).toEqual([1, 2, 3]);
          expect(after).toEqual([1, 2, 3]);
          expect(errors).toHaveLength(6);
          for (const error of errors) expectReport(error, value);
        },
        output: ({ errors }) => errors.map((e) => e.message).join('\n'),
        mustNotContain: ['\u001b'],
      }),
    ),
  );
}

function unhandledCases(): HostileCase[] {
  return forms.map(({ form, async }) =>
    resultCase({
      name: `without an 'error' listener, a listener that ${form} a null-prototype object becomes one warning per failure, no crash`,
      bound: { ms: 5_000 },
      run: () =>
        watchingProcess(async (watch) => {
          const value = Object.create(null) as object;
          const { fake, mbb } = await connectFake();
          const seen: Notification[] = [];
          mbb.notifications.on('notification', failing(value, async));
          mbb.notifications.on('notification', (n) => void seen.push(n));
          await fake.notify(record(9));
          await fake.notify(record(8));
          await tick();
          await mbb.close();
          return { value, seen: seen.length, warnings: watch.warnings };
        }),
      check: ({ value, seen, warnings }) => {
        expect(seen).toBe(2);
        expect(warnings).toHaveLength(2);
        for (const warning of warnings) expectReport(warning, value);
      },
    }),
  );
}

function errorListenerCases(): HostileCase[] {
  return forms.map(({ form, async }) =>
    resultCase({
      name: `an 'error' listener that ${form} a Proxy is reported as a warning, and the other 'error' listeners still get the error`,
      bound: { ms: 5_000 },
      run: () =>
        watchingProcess(async (watch) => {
          const value = thrownValues[2]!.make();
          const { fake, mbb } = await connectFake();
          const errors: MobileBroadbandError[] = [];
          mbb.notifications.on('error', failing(value, async));
          mbb.notifications.on('error', (e) => void errors.push(e));
          mbb.notifications.on('registeredHome', failing('first', false));
          await fake.notify(record(9));
          await tick();
          await mbb.close();
          return { value, errors, warnings: watch.warnings };
        }),
      check: ({ value, errors, warnings }) => {
        expect(errors).toHaveLength(1);
        expectReport(errors[0], 'first');
        expect(warnings).toHaveLength(1);
        expectReport(warnings[0], value);
      },
    }),
  );
}

function thenableCases(): HostileCase[] {
  const getterThrows = {
    get then(): never {
      throw Object.create(null);
    },
  };
  const thenThrows = {
    then() {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- hostile on purpose.
      throw Symbol('then');
    },
  };
  const rejectsTwice = {
    then(_ok: unknown, fail: (e: unknown) => void) {
      fail(Object.create(null));
      fail(Object.create(null));
    },
  };
  return [
    ['a thenable whose then getter throws', getterThrows, 1],
    ['a thenable whose then throws a Symbol', thenThrows, 1],
    ['a thenable that rejects twice with null-prototype objects', rejectsTwice, 2],
    ['a Proxy that throws on every trap', thrownValues[2]!.make(), 1],
    ['null', null, 0],
  ].map(([what, returned, failures]) =>
    resultCase({
      name: `a listener that returns ${String(what)}: each failure (if any) reported, delivery goes on`,
      bound: { ms: 5_000 },
      run: () =>
        watchingProcess(async () => {
          const { fake, mbb } = await connectFake();
          const errors: MobileBroadbandError[] = [];
          let after = 0;
          mbb.notifications.on('error', (e) => void errors.push(e));
          mbb.notifications.on('registeredHome', () => returned);
          mbb.notifications.on('registeredHome', () => void after++);
          await fake.notify(record(9));
          await tick();
          await mbb.close();
          return { errors, after };
        }),
      check: ({ errors, after }) => {
        expect(after).toBe(1);
        expect(errors.map((e) => e.code)).toEqual(
          new Array(failures as number).fill('ERR_LISTENER_FAILED'),
        );
      },
    }),
  );
}

function esimWatcherCases(): HostileCase[] {
  return thrownValues.flatMap(({ name, make }) =>
    forms.map(({ form, async }) =>
      resultCase({
        name: `an eSIM watcher listener that ${form} ${name}: the other listeners get every event`,
        bound: { ms: 5_000 },
        run: () =>
          watchingProcess(async () => {
            const value = make();
            const { fake, mbb } = await connectFake();
            fake.esim.insert({ eid });
            const watcher = mbb.esim.watch();
            const errors: MobileBroadbandError[] = [];
            const seen: string[] = [];
            watcher.on('error', (e) => void errors.push(e));
            watcher.on('added', failing(value, async));
            watcher.on('added', (esim: EsimInfo) => void seen.push(`added ${esim.id}`));
            watcher.on('enumerationCompleted', failing(value, async));
            const completed = new Promise<void>((resolve) =>
              watcher.on('enumerationCompleted', () => resolve()),
            );
            await completed;
            await tick();
            await watcher.close();
            await mbb.close();
            return { value, errors, seen };
          }),
        check: ({ value, errors, seen }) => {
          expect(seen).toHaveLength(1);
          expect(errors).toHaveLength(2);
          for (const error of errors) expectReport(error, value);
        },
      }),
    ),
  );
}

function progressCases(): HostileCase[] {
  return thrownValues.flatMap(({ name, make }) =>
    forms.map(({ form, async }) =>
      resultCase({
        name: `an onProgress that ${form} ${name}: the install completes, one warning`,
        bound: { ms: 5_000 },
        run: () =>
          watchingProcess(async (watch) => {
            const value = make();
            const { fake, mbb } = await connectFake();
            fake.esim.insert({ eid });
            const offer = await mbb.esim.downloadProfileMetadata(eid, code);
            await mbb.esim.confirmInstall(offer, { onProgress: failing(value, async) });
            await tick();
            const profiles = fake.esim.esims[0]!.profiles.length;
            await mbb.close();
            return { value, profiles, warnings: watch.warnings };
          }),
        check: ({ value, profiles, warnings }) => {
          expect(profiles).toBe(1);
          expect(warnings).toHaveLength(1);
          expectReport(warnings[0], value);
        },
      }),
    ),
  );
}

/** First parts of `count` two-part messages from one sender, references 1…count. */
function firstParts(count: number): DecodedSms[] {
  const timestamp = new Date(Date.UTC(2026, 0, 5));
  return Array.from({ length: count }, (_, i) => ({
    sender: '+15550100',
    timestamp,
    timeZoneOffsetMinutes: 0,
    text: 'part one',
    userData: new Uint8Array(8),
    userDataHeader: {
      concatenation: { reference: i + 1, referenceBits: 8 as const, total: 2, sequence: 1 },
    },
  })) as unknown as DecodedSms[];
}

function reassemblerCases(): HostileCase[] {
  const thrown = thrownValues.flatMap(({ name, make }) =>
    forms.map(({ form, async }) =>
      resultCase({
        name: `an onIncomplete that ${form} ${name}: timeouts and evictions go on, one warning each`,
        bound: { ms: 5_000 },
        run: () =>
          watchingProcess(async (watch) => {
            const value = make();
            const clock = new VirtualClock();
            const reassembler = new SmsReassembler({
              clock,
              maxPending: 2,
              timeoutMs: 1_000,
              onIncomplete: failing(value, async),
            });
            for (const part of firstParts(4)) reassembler.add(part); // two evictions
            clock.advance(1_000); // two timeouts
            await tick();
            const stats = reassembler.stats;
            reassembler.close();
            return { value, stats, warnings: watch.warnings };
          }),
        check: ({ value, stats, warnings }) => {
          expect(stats).toMatchObject({ pending: 0, incomplete: 4 });
          expect(warnings).toHaveLength(4);
          for (const warning of warnings) expectReport(warning, value);
        },
      }),
    ),
  );
  const reentrant = resultCase({
    name: 'an onIncomplete that adds a new message for each eviction: refused, maxPending holds, no loop',
    bound: { ms: 5_000 },
    run: () =>
      watchingProcess(async (watch) => {
        const clock = new VirtualClock();
        const extra = firstParts(20_000).slice(10_000);
        let refused = 0;
        const reassembler: SmsReassembler = new SmsReassembler({
          clock,
          maxPending: 10,
          onIncomplete: () => {
            try {
              reassembler.add(extra.pop()!);
            } catch (error) {
              if ((error as MobileBroadbandError).code === 'ERR_INVALID_STATE') refused++;
              throw error;
            }
          },
        });
        let maxPending = 0;
        for (const part of firstParts(1_000)) {
          reassembler.add(part);
          maxPending = Math.max(maxPending, reassembler.pending);
        }
        await tick();
        reassembler.close();
        return { maxPending, refused, warnings: watch.warnings };
      }),
    check: ({ maxPending, refused, warnings }) => {
      expect(maxPending).toBe(10);
      expect(refused).toBe(990);
      expect(warnings).toHaveLength(990);
      expect(warnings[0]!.message).toMatch(/onIncomplete.*add\(\) was called from onIncomplete/);
    },
  });
  return [...thrown, reentrant];
}

describe('hostile listeners and callbacks', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  describe('notifications', () => {
    hostileCases([
      ...notificationCases(),
      ...unhandledCases(),
      ...errorListenerCases(),
      ...thenableCases(),
    ]);
  });
  describe('eSIM watcher', () => {
    hostileCases(esimWatcherCases());
  });
  describe('onProgress', () => {
    hostileCases(progressCases());
  });
  describe('SmsReassembler onIncomplete', () => {
    hostileCases(reassemblerCases());
  });
});
