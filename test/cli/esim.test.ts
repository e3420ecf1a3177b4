import { describe, expect, it } from 'vitest';
import { demoCodes, demoConfirmationCode, demoEid } from '../../lib/cli/esim/esim-fake.js';
import { spawnCli } from '../hostile/spawn-cli.js';
import { spawnCliWithInput } from './esim-spawn.js';

const killAfterMs = 15_000;
const enabledIccid = '8944501234567890123';

function ndjson(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('wmbb --fake esim', () => {
  it('list shows the eSIM and its enabled operational profile, identifiers masked', async () => {
    const run = await spawnCli(['--fake', 'esim', 'list'], { killAfterMs });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/enabled\s+operational\s+Contoso Mobile/);
    expect(run.stdout).not.toContain(demoEid);
    expect(run.stdout).not.toContain(enabledIccid);

    const json = await spawnCli(['--fake', 'esim', 'list', '--json', '--reveal'], { killAfterMs });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      revealed: true,
      esims: [{ eid: demoEid, profiles: [{ number: 1, id: enabledIccid, state: 'enabled' }] }],
    });
  });

  it('watch prints the eSIMs present as NDJSON until Ctrl+C', async () => {
    const run = await spawnCli(['--fake', 'esim', 'watch', '--json'], {
      killAfterMs,
      interrupt: { signal: 'SIGINT', when: /enumerationCompleted/ },
    });
    expect(run.code).toBe(130);
    const events = ndjson(run.stdout);
    expect(events.map((e) => e.event)).toEqual(['added', 'enumerationCompleted']);
    expect(JSON.stringify(events)).not.toContain(demoEid);
  });

  it('download reads the confirmation code from stdin and reports progress as NDJSON', async () => {
    const run = await spawnCliWithInput(
      ['--fake', 'esim', 'download', demoCodes.confirmation, '--confirmation-code-stdin', '--json'],
      `${demoConfirmationCode}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = ndjson(run.stdout);
    expect(events.map((e) => e.event).filter((e) => e !== 'progress')).toEqual([
      'stage',
      'metadata',
      'stage',
      'stage',
      'installed',
    ]);
    expect(events.find((e) => e.event === 'metadata')).toMatchObject({
      metadata: { providerName: 'Fabrikam', isConfirmationCodeRequired: true },
    });
    const percents = events.filter((e) => e.event === 'progress').map((e) => e.percent);
    expect(percents.length).toBeGreaterThan(1);
    expect(percents).toEqual([...percents].sort((a, b) => Number(a) - Number(b)));
    expect(percents.at(-1)).toBe(100);
    // Neither the confirmation code nor the matching id appears whole anywhere.
    for (const secret of [demoConfirmationCode, 'FABRIKAM-DEMO-0002'])
      expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('download without --json prints the offer, then one line per stage on a pipe', async () => {
    const run = await spawnCli(['--fake', 'esim', 'download', demoCodes.plain], { killAfterMs });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Contoso Travel');
    expect(run.stdout).toMatch(/enable it with: wmbb esim enable 2/);
    expect(run.stderr).toMatch(/^Installing the profile$/m);
    expect(run.stderr).toMatch(/^Installing: 100% \(256 KB of 256 KB\)$/m);
    expect(run.stdout + run.stderr).not.toContain('CONTOSO-DEMO-0001');
  });

  it('a wrong confirmation code fails with the status, and is not printed', async () => {
    const run = await spawnCliWithInput(
      ['--fake', 'esim', 'download', demoCodes.confirmation, '--confirmation-code-stdin'],
      '00000\n',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ERR_ESIM_OPERATION: .*incorrectConfirmationCode/);
    expect(run.stdout + run.stderr).not.toContain('00000');
  });

  it('a profile that needs a code, without a terminal or --confirmation-code-stdin, is refused', async () => {
    const run = await spawnCli(['--fake', 'esim', 'download', demoCodes.confirmation], {
      killAfterMs,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--confirmation-code-stdin/);
  });

  it('a confirmation code in the arguments is refused without being echoed', async () => {
    for (const args of [['--confirmation-code', '73519'], ['--confirmation-code=73519']]) {
      const run = await spawnCli(['--fake', 'esim', 'download', demoCodes.confirmation, ...args], {
        killAfterMs,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/never taken from the arguments/);
      expect(run.stdout + run.stderr).not.toContain('73519');
    }
  });

  it('delete without a terminal and without --yes refuses in one line; --yes deletes', async () => {
    const refused = await spawnCli(['--fake', 'esim', 'delete', '1'], { killAfterMs });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/refusing to delete Contoso Mobile .*pass --yes/);
    expect(refused.stderr).not.toContain(enabledIccid);

    const deleted = await spawnCli(['--fake', 'esim', 'delete', '1', '--yes', '--json'], {
      killAfterMs,
    });
    expect(deleted.code).toBe(0);
    expect(ndjson(deleted.stdout)).toEqual([
      { event: 'deleted', esim: expect.any(String), profile: expect.any(String) },
    ]);
  });

  it('disable and reset ask first too', async () => {
    for (const args of [['disable', '1'], ['reset']]) {
      const run = await spawnCli(['--fake', 'esim', ...args], { killAfterMs });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/pass --yes/);
    }
  });

  it('Ctrl+C cancels a running install through its signal and exits 130', async () => {
    // The install takes 2 s after this line: the signal lands in the middle of it.
    const run = await spawnCli(['--fake', 'esim', 'download', demoCodes.plain], {
      killAfterMs,
      interrupt: { signal: 'SIGINT', when: /^Installing the profile$/m },
    });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('cancelled; the profile was not installed');
    expect(run.stdout).not.toMatch(/enable it with/);
    expect(run.stderr).not.toMatch(/^Installing: 100%/m);
  });

  it('discover asks the SM-DS', async () => {
    const run = await spawnCli(['--fake', 'esim', 'discover', '--json'], { killAfterMs });
    expect(run.code).toBe(0);
    expect(ndjson(run.stdout)[0]).toMatchObject({ event: 'discovered' });
  });
});
