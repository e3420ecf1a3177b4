import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../lib/backend.js';
import type { CliTerminal } from '../../lib/cli/cli-terminal.js';
import { runCli } from '../../lib/cli/program.js';
import { createStatusFake } from '../../lib/cli/status/status-fake.js';
import type { FakeBackend } from '../../lib/fake/fake-backend.js';

const secret = 'horse-battery-staple-9';

function pipedTerminal(text: string): CliTerminal {
  return {
    stdin: Readable.from([text]),
    stderr: new PassThrough(),
    interactive: false,
    stderrIsTty: false,
  };
}

async function run(argv: string[], backend?: Backend, terminal?: CliTerminal) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    io: { out: (t) => void (out += t), err: (t) => void (err += t), color: false },
    ...(backend === undefined ? {} : { backend }),
    ...(terminal === undefined ? {} : { terminal }),
  });
  return { code, out, err };
}

async function fake(): Promise<FakeBackend> {
  return await createStatusFake();
}

describe('wmbb hotspot', () => {
  it('--fake hotspot status: the default fake may tether; passphrase masked', async () => {
    const { code, out } = await run(['--fake', 'hotspot', 'status']);
    expect(code).toBe(0);
    expect(out).toMatch(/Hotspot\s+off/);
    expect(out).toMatch(/Capability\s+enabled/);
    expect(out).toContain('******** (15 characters)');
    expect(out).not.toContain('fake-passphrase');
  });

  it.skipIf(process.platform === 'win32')(
    'off Windows without --fake: says it uses the fake, then shows the hotspot',
    async () => {
      const { code, out, err } = await run(['hotspot', 'status']);
      expect(code).toBe(0);
      expect(err).toContain('using the fake backend');
      expect(out).toMatch(/Capability\s+enabled/);
    },
  );

  it('status --json: the documented shape', async () => {
    const { code, out } = await run(['--fake', 'hotspot', 'status', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      capability: 'enabled',
      operationalState: 'off',
      clientCount: 0,
      maxClientCount: 10,
      noConnectionsTimeout: true,
      accessPoint: {
        ssid: 'FAKE-HOTSPOT',
        passphrase: '******** (15 characters)',
        band: 'auto',
        authenticationKind: 'wpa2',
      },
    });
  });

  it('on --keep-on turns it on and disables the idle timeout; off turns it off', async () => {
    const backend = await fake();
    const on = await run(['hotspot', 'on', '--keep-on', '--json'], backend);
    expect(on.code).toBe(0);
    expect(JSON.parse(on.out)).toEqual({
      ok: true,
      status: 'success',
      additionalErrorMessage: '',
      keepOn: true,
    });
    expect(await backend.tethering.isNoConnectionsTimeoutEnabled()).toBe(false);
    expect((await backend.tethering.status()).operationalState).toBe('on');
    const off = await run(['hotspot', 'off'], backend);
    expect(off).toMatchObject({ code: 0, out: 'Hotspot off\n' });
  });

  it('on with a session band and auth; a refused start is one line and exit 1', async () => {
    const backend = await fake();
    expect((await run(['hotspot', 'on', '--band', '5GHz', '--ssid', 'Today'], backend)).code).toBe(
      0,
    );
    await backend.tethering.stop();
    backend.tethering.scriptNext('start', {
      status: 'wiFiDeviceOff',
      additionalErrorMessage: 'Wi-Fi is off',
    });
    const refused = await run(['hotspot', 'on', '--json'], backend);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, status: 'wiFiDeviceOff' });
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toContain('wiFiDeviceOff (Wi-Fi is off)');
    expect(refused.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('user errors are one line, non-zero, no stack: bad band, unsupported auth, old Windows', async () => {
    for (const argv of [
      ['--fake', 'hotspot', 'on', '--band', '60GHz'],
      ['--fake', 'hotspot', 'on', '--auth', 'wpa3'],
      ['--fake', 'hotspot', 'config', '--ssid', 'x'.repeat(40)],
    ]) {
      const { code, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(1);
      expect(err.trim().split('\n').length, err).toBeLessThanOrEqual(2);
      expect(err).not.toMatch(/\bat .*:\d+:\d+/);
    }
    const { createFakeBackend } = await import('../../lib/fake/fake-backend.js');
    const old = await run(
      ['hotspot', 'on', '--ssid', 'Today'],
      createFakeBackend({ windowsBuild: 22000 }),
    );
    expect(old.code).toBe(1);
    expect(old.err).toMatch(/ERR_NOT_SUPPORTED.*StartTetheringAsync/);
  });

  it('clients lists MAC addresses and host names (--json an array)', async () => {
    const backend = await fake();
    await backend.tethering.start();
    await backend.tethering.clientJoined('02:00:00:00:00:01', ['laptop']);
    const text = await run(['hotspot', 'clients'], backend);
    expect(text.out).toBe('02:00:00:00:00:01  laptop\n');
    const json = await run(['hotspot', 'clients', '--json'], backend);
    expect(JSON.parse(json.out)).toEqual([
      { macAddress: '02:00:00:00:00:01', hostNames: ['laptop'] },
    ]);
  });

  it('config --passphrase-stdin stores it; it never appears in the output', async () => {
    const backend = await fake();
    const { code, out, err } = await run(
      ['hotspot', 'config', '--passphrase-stdin', '--band', '5GHz', '--json'],
      backend,
      pipedTerminal(`${secret}\n`),
    );
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toEqual({
      changed: true,
      accessPoint: {
        ssid: 'FAKE-HOTSPOT',
        passphrase: `******** (${secret.length} characters)`,
        band: '5GHz',
        authenticationKind: 'wpa2',
      },
    });
    expect(out + err).not.toContain(secret);
    expect((await backend.tethering.accessPoint()).passphrase).toBe(secret);
  });

  it('config --passphrase-file stores it; a short one is refused without quoting it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wmbb-hotspot-'));
    const good = path.join(dir, 'good');
    const bad = path.join(dir, 'bad');
    writeFileSync(good, `${secret}\r\n`);
    writeFileSync(bad, 'tiny12\n');
    const backend = await fake();
    const ok = await run(['hotspot', 'config', '--passphrase-file', good], backend);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).not.toContain(secret);
    expect((await backend.tethering.accessPoint()).passphrase).toBe(secret);
    const refused = await run(['hotspot', 'config', '--passphrase-file', bad], backend);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('8 to 63 characters');
    expect(refused.err + refused.out).not.toContain('tiny12');
    expect((await backend.tethering.accessPoint()).passphrase).toBe(secret);
    const missing = await run(['hotspot', 'config', '--passphrase-file', path.join(dir, 'none')]);
    expect(missing.code).toBe(1);
  });

  it('there is no way to give the passphrase in the arguments', async () => {
    const { code } = await run(['--fake', 'hotspot', 'config', '--passphrase', secret]);
    expect(code).toBe(2);
  });

  it('doctor: exit 0 when it can start; 1 with findings and remedies when not', async () => {
    const good = await run(['--fake', 'hotspot', 'doctor']);
    expect(good.code).toBe(0);
    expect(good.out).toContain('The hotspot can start.');
    const backend = await fake();
    backend.tethering.setCapability('disabledByGroupPolicy');
    backend.tethering.setDiagnostics({ wlanService: 'stopped', wifiRadio: 'off' });
    const bad = await run(['hotspot', 'doctor'], backend);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL .*disabledByGroupPolicy/);
    expect(bad.out).toContain('sc start WlanSvc');
    expect(bad.err).toContain('3 problems');
    const json = await run(['hotspot', 'doctor', '--json'], backend);
    expect(json.code).toBe(1);
    const diagnosis = JSON.parse(json.out) as { canStart: boolean; findings: unknown[] };
    expect(diagnosis.canStart).toBe(false);
    expect(diagnosis.findings[0]).toMatchObject({ check: 'capability', ok: false });
  });
});
