import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeBackend, scenarioSchemaPath, validateScenario } from '../../lib/fake/index.js';
import { playableActions } from '../../lib/fake/scenario/play-scenario.js';
import { examples, listeningFake, MB } from './fake-helpers.js';

const invalid: [string, unknown, string][] = [
  ['not an object', 42, 'Scenario: must be object'],
  ['no steps', {}, 'Scenario: missing "steps"'],
  ['unknown top-level field', { steps: [], stepz: [] }, 'Scenario: unknown field "stepz"'],
  [
    'unknown action',
    { steps: [{ action: 'register', state: 'home' }, { action: 'fly' }] },
    'Scenario step 2 (steps[1], fly): unknown action "fly"; expected one of: provision, register,',
  ],
  ['no action', { steps: [{ state: 'home' }] }, 'Scenario step 1 (steps[0]): missing "action"'],
  [
    'unknown registration state',
    { steps: [{ action: 'register', state: 'abroad' }] },
    'Scenario step 1 (steps[0], register): "state" must be one of "none", "deregistered", "searching", "home", "roaming", "partner", "denied"',
  ],
  [
    'negative bytes',
    { steps: [{ action: 'transfer', bytes: -5 }] },
    'Scenario step 1 (steps[0], transfer): "bytes" must be a byte count, or a size such as "150MB"',
  ],
  [
    'fractional bytes',
    { steps: [{ action: 'transfer', bytes: 1.5 }] },
    'Scenario step 1 (steps[0], transfer): "bytes" must be a byte count',
  ],
  [
    'bytes of the wrong type',
    { steps: [{ action: 'transfer', bytes: true }] },
    'Scenario step 1 (steps[0], transfer): "bytes" must be a byte count',
  ],
  [
    'a bad delay',
    { steps: [{ action: 'wait', after: '5 minutes' }] },
    'Scenario step 1 (steps[0], wait): "after" must be milliseconds, or a duration such as "500ms"',
  ],
  [
    'a field of another action',
    { steps: [{ action: 'connect', state: 'home' }] },
    'Scenario step 1 (steps[0], connect): unknown field "state" for this action',
  ],
  [
    'a missing field',
    { steps: [{ action: 'receiveSms', text: 'hi' }] },
    'Scenario step 1 (steps[0], receiveSms): missing "from"',
  ],
  [
    'provision with neither',
    { steps: [{ action: 'provision' }] },
    'Scenario step 1 (steps[0], provision): a provision step needs exactly one of "xml" or "file"',
  ],
  [
    'a wrong type',
    { steps: [{ action: 'receiveUssd', text: 5 }] },
    'Scenario step 1 (steps[0], receiveUssd): "text" must be string',
  ],
];

describe('scenario validation', () => {
  it.each(invalid)('%s → ERR_INVALID_SCENARIO naming the step', (_name, input, message) => {
    let error: unknown;
    try {
      validateScenario(input);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'ERR_INVALID_SCENARIO' });
    expect((error as Error).message.startsWith(message)).toBe(true);
  });

  it('play() rejects before any step runs', async () => {
    const fake = createFakeBackend();
    await expect(
      fake.play({
        steps: [
          { action: 'register', state: 'home' },
          { action: 'transfer', bytes: -1 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_SCENARIO' });
    expect(fake.recorded()).toEqual([]);
  });

  it('a provisioning document that does not parse fails before any step runs, naming the step', async () => {
    const fake = createFakeBackend();
    await expect(
      fake.play({
        steps: [
          { action: 'register', state: 'home' },
          { action: 'provision', xml: '<CarrierProvisioning>' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_SCENARIO',
      message: expect.stringMatching(
        /^Scenario step 2 \(steps\[1\], provision\): ERR_PROVISIONING_XML: /,
      ),
    });
    expect(fake.recorded()).toEqual([]);
  });

  it('a step Windows would refuse stops the play with the step named', async () => {
    const fake = createFakeBackend();
    await expect(fake.play({ steps: [{ action: 'connect' }] })).rejects.toMatchObject({
      code: 'ERR_INVALID_SCENARIO',
      message: expect.stringMatching(
        /^Scenario step 1 \(steps\[0\], connect\): ERR_INVALID_STATE: Cannot connect/,
      ),
    });
  });

  it('the schema ships in the package and names every action the player knows', () => {
    const schema = JSON.parse(readFileSync(scenarioSchemaPath, 'utf8')) as {
      definitions: { step: { oneOf: { properties: { action: { const: string } } }[] } };
    };
    const actions = schema.definitions.step.oneOf.map((s) => s.properties.action.const).sort();
    expect(actions).toEqual([...playableActions].sort());
  });
});

describe('playing scenarios', () => {
  it('runs steps on the virtual clock and reports what each did', async () => {
    const { fake, types } = await listeningFake({ fake: { startTime: Date.UTC(2026, 0, 1) } });
    const report = await fake.play({
      start: '2026-01-01T06:00:00Z',
      steps: [
        { action: 'register', state: 'home' },
        { action: 'connect', after: '5s' },
        { action: 'transfer', after: '1h30m', bytes: '1GB', note: 'no plan yet' },
        { action: 'wait', after: '2d' },
        { action: 'notify', record: { messageType: 99, networkAccountId: 'x', origin: 'system' } },
      ],
    });
    expect(report.steps.map((s) => [s.step, s.action, s.at.toISOString()])).toEqual([
      [1, 'register', '2026-01-01T06:00:00.000Z'],
      [2, 'connect', '2026-01-01T06:00:05.000Z'],
      [3, 'transfer', '2026-01-01T07:30:05.000Z'],
      [4, 'wait', '2026-01-03T07:30:05.000Z'],
      [5, 'notify', '2026-01-03T07:30:05.000Z'],
    ]);
    expect(types()).toEqual(['registeredHome', 'profileConnected', 'unknown']);
    expect(fake.usage().usedBytes).toBe(1024 * MB);
  });

  it('refuses a start the clock has passed, and the system clock', async () => {
    await expect(
      createFakeBackend().play({ start: '2020-01-01T00:00:00Z', steps: [] }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_STATE' });
    await expect(createFakeBackend({ clock: 'system' }).play({ steps: [] })).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
    });
  });

  it('a tethering request waiting on the app lets time run on until the default answer', async () => {
    const { fake, mbb } = await listeningFake({ entitlement: { timeoutMs: 10_000 } });
    mbb.notifications.on('tetheringEntitlementCheck', () => undefined);
    const report = await fake.play({
      steps: [
        { action: 'setTetheringPolicy', policy: 'entitlementCheckRequired' },
        { action: 'requestTethering' },
      ],
    });
    expect(report.steps[1]!.outcome).toMatchObject({ status: 'entitlementCheckFailure' });
    expect(report.end.getTime() - report.start.getTime()).toBe(10_000);
  });

  it('eSIM steps drive the fake eSIMs, and a watcher sees them in order', async () => {
    const { fake, mbb } = await listeningFake();
    const seen: string[] = [];
    const watcher = mbb.esim.watch();
    watcher.on('added', (e) => seen.push(`added ${e.profiles.length}`));
    watcher.on('updated', (e) => seen.push(`updated ${e.profiles.map((p) => p.state).join('/')}`));
    watcher.on('removed', () => seen.push('removed'));
    const eid = '89049032123451234512345678901235';
    await fake.play({
      steps: [
        {
          action: 'esimInserted',
          esim: { eid, profiles: [{ id: '8901260123456789012', state: 'enabled' }] },
        },
        { action: 'esimProfileAdded', after: '1m', eid, profile: { id: '8944500987654321098' } },
        { action: 'esimUpdated', after: '1m', eid, changes: { state: 'busy' } },
        { action: 'esimProfileRemoved', after: '1m', eid, iccid: '8901260123456789012' },
        { action: 'esimEjected', after: '1m', eid },
      ],
    });
    await fake.settled();
    expect(seen).toEqual([
      'added 1',
      'updated enabled/disabled',
      'updated enabled/disabled',
      'updated disabled',
      'removed',
    ]);
    await expect(fake.play({ steps: [{ action: 'esimEjected', eid }] })).rejects.toMatchObject({
      code: 'ERR_INVALID_SCENARIO',
      message: expect.stringMatching(
        /^Scenario step 1 \(steps\[0\], esimEjected\): ERR_INVALID_ARGUMENT: /,
      ),
    });
    await mbb.close();
  });

  it.each(['roaming-day.json', 'prepaid-plan.json', 'tethering-session.json'])(
    'the example %s is valid',
    (file) => {
      expect(() =>
        validateScenario(JSON.parse(readFileSync(path.join(examples, file), 'utf8'))),
      ).not.toThrow();
    },
  );
});
