import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { createFakeBackend } from '../../lib/fake/index.js';
import { packageVersion } from '../../lib/package-info.js';
import { captureIo } from './capture-io.js';
import { record } from '../helpers.js';

describe('wmbb', () => {
  it('--version prints the package version', async () => {
    const io = captureIo();
    expect(await runCli(['--version'], { io })).toBe(0);
    expect(io.stdout().trim()).toBe(packageVersion());
  });

  it('--help lists the commands', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], { io })).toBe(0);
    expect(io.stdout()).toMatch(/Usage: wmbb/);
    expect(io.stdout()).toMatch(/watch/);
    expect(io.stdout()).toMatch(/demo/);
  });

  it('an unknown command is a usage error (exit 2)', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], { io })).toBe(2);
    expect(io.stderr()).toMatch(/unknown command 'frobnicate'/);
  });

  describe('demo', () => {
    it('plays "a roaming day": SMS, USSD, thresholds, entitlement checks by policy, roaming told once', async () => {
      const io = captureIo();
      expect(await runCli(['demo'], { io })).toBe(0);
      const out = io.stdout();
      expect(out.split('\n')[0]).toBe(
        'A roaming day — a Contoso subscriber works at home, flies abroad, and comes back',
      );
      expect(out).toMatch(/registeredHome \(9\)/);
      expect(out).toMatch(
        /gsmSms \(0\) +"Welcome to Contoso! Your 5 GB plan is active\." rule Welcome/,
      );
      expect(out).toMatch(
        /step 6 receiveSms: not delivered to the app: no rule takes SMS from \+155… \(9 characters\)/,
      );
      expect(out).toMatch(
        /ussd \(2\) +"1\.50GB of 5GB used as of 09:15AM on 05 Jan" rule Balance \(silent\) \[usage/,
      );
      expect(out).toMatch(/dataPlanThresholdReached \(3\)/);
      expect(out).toMatch(
        /tetheringEntitlementCheck \(10\) +account .*: allowed \(answered by a handler\)/,
      );
      expect(out).toMatch(
        /tetheringEntitlementCheck \(10\) +account .*: denied: Tethering is not included in your plan while roaming/,
      );
      // Three registrations abroad, one message to the user; one on return.
      expect(out.match(/registeredRoaming \(8\)/g)).toHaveLength(3);
      expect(out.match(/tell the user once: you are roaming/g)).toHaveLength(1);
      expect(out.match(/tell the user once: back on the home network/g)).toHaveLength(1);
      expect(io.stderr()).toMatch(/roaming-day\.json on the fake backend/);
    });

    it('--json prints one JSON object per line, entitlement checks with their answer', async () => {
      const io = captureIo();
      expect(await runCli(['demo', '--json'], { io })).toBe(0);
      const objects = io
        .stdout()
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; answer?: { allow: boolean; by: string } });
      expect(
        objects.filter((o) => o.type === 'tetheringEntitlementCheck').map((o) => o.answer?.allow),
      ).toEqual([true, false]);
      expect(io.stderr()).toBe('');
    });
  });

  describe('watch', () => {
    it('prints notifications until stopped, and says which backend it watches', async () => {
      const io = captureIo();
      const fake = createFakeBackend();
      const controller = new AbortController();
      const running = runCli(['watch'], { io, backend: fake, signal: controller.signal });
      await waitFor(() => fake.notifications.subscribed);
      await fake.notify(record(8));
      await fake.notify(record(2, { message: 'Balance 5 GB', ruleId: 'R1' }));
      controller.abort();
      // Stopped through its signal (Ctrl+C): 130, as shells expect.
      expect(await running).toBe(130);
      expect(io.stdout()).toMatch(/registeredRoaming \(8\) +account acct-1/);
      expect(io.stdout()).toMatch(/ussd \(2\) +"Balance 5 GB" rule R1/);
      expect(io.stderr()).toMatch(/watching all notifications on the fake backend/);
      expect(fake.notifications.subscribed).toBe(false);
    });

    it('--types filters and --json prints NDJSON', async () => {
      const io = captureIo();
      const fake = createFakeBackend();
      const controller = new AbortController();
      const running = runCli(['watch', '--types', 'registeredHome, registeredRoaming', '--json'], {
        io,
        backend: fake,
        signal: controller.signal,
      });
      await waitFor(() => fake.notifications.subscribed);
      await fake.notify(record(9));
      await fake.notify(record(6));
      await fake.notify(record(8));
      controller.abort();
      // Stopped through its signal (Ctrl+C): 130, as shells expect.
      expect(await running).toBe(130);
      const types = io
        .stdout()
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { type: string }).type);
      expect(types).toEqual(['registeredHome', 'registeredRoaming']);
    });

    it('an unknown type is a usage error naming the valid ones', async () => {
      const io = captureIo();
      expect(await runCli(['watch', '--types', 'roaming'], { io })).toBe(2);
      expect(io.stderr()).toMatch(/unknown notification type\(s\): roaming\. Valid types: gsmSms/);
    });

    it('off Windows, without a backend, says once that it uses the fake', async () => {
      if (process.platform === 'win32') return;
      const io = captureIo();
      const controller = new AbortController();
      const running = runCli(['watch'], { io, signal: controller.signal });
      await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      // Stopped through its signal (Ctrl+C): 130, as shells expect.
      expect(await running).toBe(130);
      expect(io.stderr().match(/not on Windows, using the fake backend/g)).toHaveLength(1);
    });
  });

  it('the built executable runs (npm bin entry)', () => {
    const main = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
    const out = execFileSync(process.execPath, [main, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(packageVersion());
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setImmediate(r));
  if (!condition()) throw new Error('condition not reached');
}
