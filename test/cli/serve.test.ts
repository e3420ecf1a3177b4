/**
 * `wmbb serve` on the fake (which plays the operator's app): the handler module, one line per
 * record, masking, the idle exit on the real clock (a few ms; nothing here asserts a duration)
 * and COM's `-Embedding`.
 */

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHandlerPath } from '../../lib/cli/commands/serve.js';
import { runCli } from '../../lib/cli/program.js';
import { createFakeBackend, type FakeBackend } from '../../lib/fake/index.js';
import { record, tick } from '../helpers.js';
import { captureIo } from './capture-io.js';

/** Long enough for a test to play its events once serving began; nothing waits for less. */
const idle = '500';
const fixtures = path.join('test', 'cli', 'fixtures');
const pdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';

/** Runs `wmbb serve …` on a fake, plays `events` once serving, and returns the exit code. */
async function serve(
  args: string[],
  events: (fake: FakeBackend) => Promise<void> = async () => {},
): Promise<{ code: number; out: string; err: string; fake: FakeBackend }> {
  const io = captureIo();
  const fake = createFakeBackend();
  const running = runCli(['serve', ...args], { io, backend: fake });
  // Loading a handler module takes a while (an ES module longer, a loaded machine longer still):
  // the events wait until serving has begun, however long that takes.
  while (!fake.notifications.subscribed) await tick();
  await events(fake);
  // The idle time passes on the fake's clock (the CLI idles on the clock of a backend it is
  // given): serving ends after the events, however slow the machine.
  await fake.advance(Number(idle));
  const code = await running;
  return { code, out: io.stdout(), err: io.stderr(), fake };
}

describe('wmbb serve', () => {
  it('ignores -Embedding, serves, prints one line per record and exits 0 when idle', async () => {
    const { code, out, err } = await serve(['-Embedding', '--idle-ms', idle], async (fake) => {
      await fake.notify(record(8, { networkAccountId: 'account-0001' }));
      await fake.notify(record(0, { message: 'hellohello', pdu, networkAccountId: 'a' }));
    });
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/registeredRoaming \(8\) +account acco… \(12 characters\)/);
    expect(lines[1]).toMatch(/gsmSms \(0\) +from 2783… \(11 characters\) "hellohello"/);
    expect(err).toMatch(/serving operator events on the fake backend/);
    expect(err).toMatch(/served 2 notification\(s\); idle for 500 ms/);
  });

  it('/Embedding too; --json is NDJSON with identifiers masked, --reveal shows them', async () => {
    const masked = await serve(['--json', '--idle-ms', idle, '/Embedding'], async (fake) => {
      await fake.notify(record(0, { message: 'hellohello', pdu, networkAccountId: 'acct-0001' }));
    });
    const json = JSON.parse(masked.out) as Record<string, unknown>;
    expect(json).toMatchObject({ type: 'gsmSms', networkAccountId: 'acct… (9 characters)' });
    expect(masked.out).not.toContain('27838890001');
    expect(masked.out).not.toContain(pdu);
    const revealed = await serve(['--json', '--reveal', '--idle-ms', idle], async (fake) => {
      await fake.notify(record(0, { message: 'hellohello', pdu, networkAccountId: 'acct-0001' }));
    });
    expect(revealed.out).toContain('27838890001');
    expect(JSON.parse(revealed.out)).toMatchObject({ networkAccountId: 'acct-0001' });
  });

  it('loads a handler module (relative to the working directory) whose listeners answer checks', async () => {
    const { code, out, fake } = await serve(
      ['--handler', path.join(fixtures, 'serve-handler.cjs'), '--idle-ms', idle],
      async (fake) => {
        await fake.notify(record(10, { networkAccountId: 'has-plan' }));
        await fake.notify(record(10, { networkAccountId: 'no-plan' }));
      },
    );
    expect(code).toBe(0);
    expect(fake.notifications.answers.map((a) => [a.allow, a.reason])).toEqual([
      [true, ''],
      [false, 'No tethering on this plan'],
    ]);
    expect(out).toMatch(
      /tetheringEntitlementCheck \(10\) +account has-… \(8 characters\): allowed \(by a handler\)/,
    );
    expect(out).toMatch(/denied: No tethering on this plan \(by a handler\)/);
  });

  it('takes a module’s setup export', async () => {
    const { code, fake } = await serve(
      ['--handler', path.resolve(fixtures, 'serve-setup.mjs'), '--idle-ms', idle],
      async (fake) => void (await fake.notify(record(10))),
    );
    expect(code).toBe(0);
    expect(fake.notifications.answers.map((a) => a.allow)).toEqual([true]);
  });

  it.each([
    [
      ['--idle-ms', 'soon'],
      /--idle-ms must be a whole number of milliseconds from 1 to 2147483647, got "soon"/,
    ],
    [['--idle-ms', '0'], /--idle-ms must be/],
    [
      ['--handler', 'nowhere/handler.cjs'],
      /--handler "nowhere\/handler.cjs": no such file in .* or /,
    ],
    [
      ['--handler', path.join(fixtures, 'serve-nothing.cjs')],
      /exports neither a default function nor a setup function/,
    ],
  ])('%j is a user error: one line, exit 1', async (args, message) => {
    const io = captureIo();
    expect(await runCli(['serve', ...args], { io, backend: createFakeBackend() })).toBe(1);
    expect(io.stderr()).toMatch(message);
    expect(io.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('a relative --handler falls back to the executable’s directory (where COM does not start it)', () => {
    const dir = path.resolve(fixtures);
    expect(resolveHandlerPath('serve-handler.cjs', '/nonexistent', dir)).toBe(
      path.join(dir, 'serve-handler.cjs'),
    );
  });
});
