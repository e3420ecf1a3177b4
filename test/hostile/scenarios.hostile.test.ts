/**
 * Hostile input, scenarios played by the fake (`fake.play()`): a scenario is JSON a user
 * wrote or was sent. Whatever it holds, play ends within its bound with a typed error whose
 * message is bounded and free of raw control characters, or with a correct report. (Reading a
 * scenario file is the CLI channel's.)
 */
import { describe, expect, vi } from 'vitest';
import { createFakeBackend, type ScenarioReport } from '../../lib/fake/index.js';
import type { MobileBroadbandError } from '../../lib/index.js';
import { hostileCases, resultCase, type HostileCase } from './hostile-harness.js';

const escapes = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';

/** Plays `scenario` on a fresh fake. */
function play(scenario: unknown, onStep?: () => unknown): Promise<ScenarioReport> {
  return createFakeBackend().play(scenario as never, onStep === undefined ? {} : { onStep });
}

/** Plays JSON text, as a scenario file would arrive. */
function playJson(json: string): Promise<ScenarioReport> {
  return play(JSON.parse(json));
}

const invalid = (
  name: string,
  scenario: () => unknown,
  message: RegExp,
  mustNotContain: string[] = [],
): HostileCase => ({
  name,
  run: () => play(scenario()),
  bound: { ms: 5_000 },
  code: 'ERR_INVALID_SCENARIO',
  message,
  mustNotContain: ['\u001b', '\u009b', '\u202e', ...mustNotContain],
});

const unreadable: [string, () => unknown][] = [
  [
    'a getter that throws a null-prototype object',
    () => ({
      get steps(): never {
        throw Object.create(null);
      },
    }),
  ],
  [
    'a Proxy that throws on every trap',
    () =>
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
  ],
  ['a function inside', () => ({ steps: [], name: () => 'no' })],
  ['a Symbol', () => Symbol('scenario')],
  [
    'a 100 000-deep array in a notify record',
    () => {
      let deep: unknown = 1;
      for (let i = 0; i < 100_000; i++) deep = [deep];
      return { steps: [{ action: 'notify', record: { messageType: 9, deep } }] };
    },
  ],
];

describe('hostile scenarios', () => {
  hostileCases([
    invalid(
      'an unknown action of a megabyte of terminal escapes',
      () => ({ steps: [{ action: escapes.repeat(70_000) }] }),
      /^Scenario step 1 \(steps\[0\], ".*…" \(\d+ characters\)\): unknown action ".*…" \(\d+ characters\); expected one of/,
    ),
    invalid(
      'an unknown field whose name is a megabyte of terminal escapes',
      () => ({ steps: [{ action: 'wait', [escapes.repeat(70_000)]: 1 }] }),
      /unknown field ".*…" \(\d+ characters\) for this action/,
    ),
    invalid(
      'a start whose fraction is a megabyte of digits, on 30 February',
      () => ({ start: `2026-02-30T00:00:00.${'1'.repeat(1_000_000)}Z`, steps: [] }),
      /"start" ".*…" \(\d+ characters\) is not a real date and time/,
    ),
    ...[
      '2026-02-30T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T00:00:00+99:00',
    ].map((start) =>
      invalid(
        `a start that does not exist: ${start}`,
        () => ({ start, steps: [] }),
        /is not a real date and time/,
      ),
    ),
    {
      name: 'a start with a megabyte of fraction digits',
      run: () => play({ start: `2020-01-01T00:00:00.${'5'.repeat(1_000_000)}Z`, steps: [] }),
      bound: { ms: 5_000 },
      code: 'ERR_INVALID_SCENARIO',
      message: /^Scenario: "start" .{0,300} is not a real date and time/,
    },
    {
      name: "a start before the fake's clock",
      run: () => play({ start: '2020-01-01T00:00:00.5Z', steps: [] }),
      bound: { ms: 5_000 },
      code: 'ERR_INVALID_STATE',
      message:
        /^The scenario starts at 2020-01-01T00:00:00.500Z, but the fake's clock is already at/,
    },
    invalid(
      'one delay of 99 999 999 999 999 999 999 days',
      () => ({ steps: [{ action: 'wait', after: '99999999999999999999999d' }] }),
      /"after" is longer than ten years/,
    ),
    invalid(
      'one delay of 1e308 ms',
      () => ({ steps: [{ action: 'wait', after: 1e308 }] }),
      /"after" is longer than ten years/,
    ),
    invalid(
      '40 000 delays of ten years each: beyond what a Date holds',
      () => ({ steps: Array.from({ length: 40_000 }, () => ({ action: 'wait', after: '3650d' })) }),
      /add up to \d+ years.*beyond the last date a Date can hold/,
    ),
    invalid(
      'a start in year 9999 and 300 000 years of steps',
      () => ({
        start: '9999-12-31T23:59:59Z',
        steps: Array.from({ length: 30_000 }, () => ({ action: 'wait', after: '3650d' })),
      }),
      /beyond the last date a Date can hold/,
    ),
    invalid(
      'a transfer of 99 999 999 999 999 999 999 TB',
      () => ({
        steps: [
          { action: 'register', state: 'home' },
          { action: 'connect' },
          { action: 'transfer', bytes: '99999999999999999999999TB' },
        ],
      }),
      /Scenario step 3 \(steps\[2\], transfer\)/,
    ),
    invalid(
      'an SMS sender of a megabyte',
      () => ({ steps: [{ action: 'receiveSms', from: '+1'.repeat(500_000), text: escapes }] }),
      /"from" must NOT have more than/,
    ),
    invalid(
      'a provision step with an entity bomb',
      () => ({
        steps: [
          {
            action: 'provision',
            xml: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><CarrierProvisioning>&lol2;</CarrierProvisioning>`,
          },
        ],
      }),
      /Scenario step 1 \(steps\[0\], provision\): ERR_PROVISIONING_XML/,
    ),
    ...unreadable.map(([name, scenario]) =>
      invalid(`a scenario object with ${name}`, scenario, /^Scenario/),
    ),
    resultCase({
      name: 'a notify record with a circular field and a megabyte of escapes arrives as unknown',
      bound: { ms: 5_000 },
      run: async () => {
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        const fake = createFakeBackend();
        const report = await fake.play({
          steps: [
            {
              action: 'notify',
              record: { messageType: 0, message: escapes.repeat(70_000), circular } as never,
            },
          ],
        });
        return { report, recorded: fake.recorded() };
      },
      check: ({ report, recorded }) => {
        expect(report.steps).toHaveLength(1);
        expect(recorded).toHaveLength(1);
        expect(recorded[0]!.messageType).toBe(0);
      },
    }),
    resultCase({
      name: 'an action that changes between reads: the steps checked are the steps played',
      bound: { ms: 5_000 },
      run: () => {
        let reads = 0;
        return play({
          steps: [
            {
              get action() {
                return reads++ === 0 ? 'wait' : 'fly';
              },
            },
          ],
        });
      },
      check: (report) => expect(report.steps.map((s) => s.action)).toEqual(['wait']),
    }),
    resultCase({
      name: 'a notify record with a "__proto__" key pollutes nothing',
      bound: { ms: 5_000 },
      run: () =>
        playJson(
          '{"steps":[{"action":"notify","record":{"__proto__":{"polluted":true,"messageType":9},"messageType":9,"origin":"system"}}]}',
        ),
      check: (report) => {
        expect(report.steps).toHaveLength(1);
        expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      },
    }),
    resultCase({
      name: '100 000 steps play within their bound',
      bound: { ms: 20_000, heapMiB: 256 },
      run: () => play({ steps: Array.from({ length: 100_000 }, () => ({ action: 'wait' })) }),
      check: (report) => expect(report.steps).toHaveLength(100_000),
    }),
    resultCase({
      name: '20 000 tethering requests nobody answers: each times out, play ends',
      bound: { ms: 20_000, heapMiB: 256 },
      run: () =>
        play({
          steps: [
            { action: 'setTetheringPolicy', policy: 'entitlementCheckRequired' },
            ...Array.from({ length: 20_000 }, () => ({ action: 'requestTethering' })),
          ],
        }),
      check: (report) => {
        expect(report.steps).toHaveLength(20_001);
        expect(report.steps.at(-1)!.outcome).toMatchObject({ status: 'entitlementCheckTimeout' });
      },
    }),
    resultCase({
      name: 'an onStep that throws a null-prototype object: play goes on, one warning per step',
      bound: { ms: 5_000 },
      run: async () => {
        const warnings: MobileBroadbandError[] = [];
        const warn = vi
          .spyOn(process, 'emitWarning')
          .mockImplementation((w) => void warnings.push(w as MobileBroadbandError));
        try {
          const report = await play(
            { steps: [{ action: 'register', state: 'home' }, { action: 'wait' }] },
            () => {
              throw Object.create(null);
            },
          );
          return { report, warnings };
        } finally {
          warn.mockRestore();
        }
      },
      check: ({ report, warnings }) => {
        expect(report.steps).toHaveLength(2);
        expect(warnings.map((w) => w.code)).toEqual(['ERR_LISTENER_FAILED', 'ERR_LISTENER_FAILED']);
        expect(warnings[0]!.message).toMatch(/onStep.*null prototype/);
      },
    }),
  ]);
});
