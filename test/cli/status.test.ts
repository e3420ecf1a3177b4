import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { createStatusFake } from '../../lib/cli/status/status-fake.js';
import { notSupported } from '../../lib/not-supported.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';
import type { Backend } from '../../lib/backend.js';

const schema = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'schema', 'status.schema.json'), 'utf8'),
) as object;

async function run(argv: string[], backend?: Backend) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    io: { out: (t) => void (out += t), err: (t) => void (err += t), color: false },
    ...(backend === undefined ? {} : { backend }),
  });
  return { code, out, err };
}

describe('wmbb status', () => {
  it('--fake status shows every section, identifiers masked', async () => {
    const { code, out } = await run(['--fake', 'status']);
    expect(code).toBe(0);
    for (const section of [
      'Device',
      'SIM',
      'Network',
      'Connection',
      'Data plan',
      'eSIM',
      'Hotspot',
    ])
      expect(out).toContain(`\n${section}\n`);
    for (const id of ['490154203237518', '8901001010000000019', '001010123456789', '+14255550123'])
      expect(out).not.toContain(id);
  });

  it('--json matches the shipped schema; --reveal shows identifiers whole', async () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    const masked = await run(['--fake', 'status', '--json']);
    const report = JSON.parse(masked.out) as unknown;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(masked.out).not.toContain('8901001010000000019');
    const revealed = await run(['status', '--json', '--reveal'], await createStatusFake());
    expect(JSON.parse(revealed.out)).toMatchObject({
      revealed: true,
      accounts: [{ sim: { simIccId: '8901001010000000019' } }],
    });
  });

  it('a machine without a modem says so and exits 0 (accounts: [])', async () => {
    const noModem = (): Backend => {
      const fake = createFakeBackend();
      return {
        name: 'empty',
        clock: fake.clock,
        notifications: fake.notifications,
        esim: fake.esim,
        tethering: fake.tethering,
        ussd: fake.ussd,
        provisioning: fake.provisioning,
        close: () => fake.close(),
        modems: {
          accounts: () => Promise.resolve([]),
          account: () => Promise.reject(new Error('none')),
          dataPlanStatus: () => Promise.reject(new Error('none')),
        },
      };
    };
    const text = await run(['status'], noModem());
    expect(text.code).toBe(0);
    expect(text.out).toContain('No mobile broadband modem');
    const json = await run(['status', '--json'], {
      ...noModem(),
      tethering: notSupported<Backend['tethering']>('x', 'tethering'),
    });
    expect(JSON.parse(json.out)).toMatchObject({ accounts: [], hotspot: { available: false } });
  });

  it('--watch --json prints a new line after each change, and Ctrl+C stops it (exit 130)', async () => {
    const fake = await createStatusFake();
    const controller = new AbortController();
    const lines: string[] = [];
    const running = runCli(['status', '--watch', '--json'], {
      io: { out: (t) => void lines.push(t), err: () => undefined, color: false },
      backend: fake,
      signal: controller.signal,
    });
    await expect.poll(() => lines.length).toBe(1);
    await fake.register('roaming');
    await expect.poll(() => lines.length).toBeGreaterThan(1);
    const last = JSON.parse(lines[lines.length - 1]!) as {
      accounts: { network: { registrationState: string } }[];
    };
    expect(last.accounts[0]?.network.registrationState).toBe('roaming');
    controller.abort();
    expect(await running).toBe(130);
  });
});
