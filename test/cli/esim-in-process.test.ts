import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import type { CliTerminal } from '../../lib/cli/cli-terminal.js';
import { createEsimFake, demoCodes, demoEid } from '../../lib/cli/esim/esim-fake.js';
import { esimStatusAdvice } from '../../lib/esim/esim-advice.js';
import { createFakeBackend, type FakeBackend } from '../../lib/fake/fake-backend.js';
import { captureIo } from './capture-io.js';

/** A terminal a test types into: keys are written once the prompt has drawn. */
function typingTerminal(keys: string[]): CliTerminal & { drawn: () => string } {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let drawn = '';
  stderr.setEncoding('utf8').on('data', (t: string) => {
    drawn += t;
    // Each question ends its drawing with the answer line; answer on the next turn.
    const key = keys.shift();
    if (key !== undefined) setTimeout(() => stdin.write(key), 10);
  });
  return { stdin, stderr, interactive: true, stderrIsTty: false, drawn: () => drawn };
}

async function run(argv: string[], backend: FakeBackend, terminal?: CliTerminal) {
  const io = captureIo();
  const code = await runCli(argv, { io, backend, ...(terminal === undefined ? {} : { terminal }) });
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('wmbb esim (in process)', () => {
  it('asks before deleting on a terminal, and deletes on "yes"', async () => {
    const fake = createEsimFake();
    const terminal = typingTerminal(['y', '\r']);
    const { code, out } = await run(['esim', 'delete', '1'], fake, terminal);
    expect(terminal.drawn()).toMatch(/Delete Contoso Mobile "Work"/);
    expect(code).toBe(0);
    expect(out).toMatch(/^Deleted Contoso Mobile/);
    expect(fake.esim.esims[0]?.profiles).toEqual([]);
  });

  it('on a terminal, download asks, then draws the install as a bar on stderr', async () => {
    const fake = createEsimFake();
    const terminal = typingTerminal(['y', '\r']);
    // What a terminal says of itself, so the bar draws (cli-progress stays quiet on a pipe).
    Object.assign(terminal.stderr, { isTTY: true, columns: 100 });
    const tty = { ...terminal, stderrIsTty: true };
    const { code, out } = await run(['esim', 'download', demoCodes.plain], fake, tty);
    expect(code).toBe(0);
    expect(out).toMatch(/Contoso Travel/);
    expect(terminal.drawn()).toMatch(/Install this profile\?/);
    expect(terminal.drawn()).toMatch(/Installing \S+ 100% \| 256 KB of 256 KB/);
  });

  it('an answer "no" changes nothing and exits 1', async () => {
    const fake = createEsimFake();
    const { code, err } = await run(['esim', 'reset'], fake, typingTerminal(['n', '\r']));
    expect(code).toBe(1);
    expect(err).toMatch(/did not reset/);
    expect(fake.esim.esims[0]?.profiles).toHaveLength(1);
  });

  it('with several eSIMs, --esim picks one by number or EID', async () => {
    const second = '89049032123451234512345678900001';
    const twoEsims = (): FakeBackend => {
      const fake = createEsimFake();
      fake.esim.insert({
        eid: second,
        profiles: [{ id: '8944509999999999991', providerName: 'B' }],
      });
      return fake;
    };
    const unsaid = await run(['esim', 'enable', '1'], twoEsims());
    expect(unsaid.code).toBe(1);
    expect(unsaid.err).toMatch(/2 eSIMs: pick one with --esim/);
    for (const esim of ['2', second]) {
      const fake = twoEsims();
      const { code, err } = await run(['esim', 'enable', '1', '--esim', esim], fake);
      expect(code, err).toBe(0);
      expect(fake.esim.esims.find((e) => e.eid === second)?.profiles[0]?.state).toBe('enabled');
      expect(fake.esim.esims.find((e) => e.eid === demoEid)?.profiles[0]?.state).toBe('enabled');
    }
  });

  it('a failed operation prints the status; --json ends with an error line', async () => {
    const fake = createEsimFake();
    fake.esim.scriptEsim(demoEid, { reset: 'cardBusy' });
    const { code, out, err } = await run(['esim', 'reset', '--yes', '--json'], fake);
    expect(code).toBe(1);
    expect(err).toMatch(/^wmbb: ERR_ESIM_OPERATION: .*cardBusy/);
    expect(JSON.parse(out)).toMatchObject({
      event: 'error',
      error: { code: 'ERR_ESIM_OPERATION', status: 'cardBusy' },
    });
  });

  it("words the status's advice once in the error line; --json carries it whole", async () => {
    const fake = createEsimFake();
    fake.esim.scriptEsim(demoEid, { reset: 'cardBusy' });
    const { err, out } = await run(['esim', 'reset', '--yes', '--json'], fake);
    const advice = esimStatusAdvice('cardBusy');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toContain(advice.text);
    expect(JSON.parse(out)).toMatchObject({
      error: { advice: { problem: advice.problem, action: advice.action, text: advice.text } },
    });
  });

  it('discover lists what the SM-DS holds, matching ids masked unless --reveal', async () => {
    const masked = await run(['esim', 'discover'], createEsimFake());
    expect(masked.code).toBe(0);
    expect(masked.out).toMatch(/SM-DP\+ smdp\.contoso\.example {2}matching id CONT…/);
    expect(masked.out).not.toContain('CONTOSO-DEMO-0001');
    const revealed = await run(['esim', 'discover', '--reveal', '--json'], createEsimFake());
    expect(JSON.parse(revealed.out.split('\n')[0]!)).toMatchObject({
      event: 'discovered',
      kind: 'events',
      events: [{ rspServerAddress: 'smdp.contoso.example', matchingId: 'CONTOSO-DEMO-0001' }],
    });
  });

  it('discover at an SM-DP+ with a matching id installs the profile on offer with --install', async () => {
    const argv = ['esim', 'discover', '--server', 'smdp.contoso.example', '--matching-id'];
    const shown = await run([...argv, 'CONTOSO-DEMO-0001'], createEsimFake());
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/Contoso Travel[\s\S]*Install it with: wmbb esim discover --install/);
    const fake = createEsimFake();
    const installed = await run([...argv, 'CONTOSO-DEMO-0001', '--install', '--yes'], fake);
    expect(installed.code).toBe(0);
    const esim = fake.esim.esims.find((e) => e.eid === demoEid);
    expect(esim?.profiles.map((p) => p.providerName)).toContain('Contoso Travel');
    const refused = await run([...argv, 'SECRET-DEMO-9!'], createEsimFake());
    expect(refused.code).toBe(1);
    expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/^wmbb: ERR_INVALID_ARGUMENT: .*matching id/);
    expect(refused.err).not.toContain('SECRET-DEMO-9');
  });

  it('an unpackaged process on Windows is told it lacks the eSIM capability', async () => {
    const fake = createFakeBackend({ packaged: false });
    const { code, err } = await run(['esim', 'list'], fake);
    expect(code).toBe(1);
    expect(err).toMatch(/^wmbb: ERR_NOT_AUTHORIZED: .*Microsoft\.eSIMManagement_8wekyb3d8bbwe/);
  });

  it('download where eSIM management is refused: says how to get round it, or opens Settings', async () => {
    const refused = createFakeBackend({ packaged: false });
    const denied = await run(['esim', 'download', demoCodes.plain], refused);
    expect(denied.code).toBe(1);
    expect(denied.err).toMatch(/ERR_NOT_AUTHORIZED: .*--via-settings/);
    expect(refused.links.opened).toEqual([]);

    const viaSettings = createFakeBackend({ packaged: false });
    const opened = await run(['esim', 'download', demoCodes.plain, '--via-settings'], viaSettings);
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/^opened Windows Settings/);
    expect(viaSettings.links.opened).toEqual([`lpa:${demoCodes.plain.replace(/^LPA:/i, '')}`]);
    // The matching id never reaches the output.
    expect(opened.out + opened.err).not.toContain(demoCodes.plain.split('$')[2]);

    const asked = createFakeBackend({ packaged: false });
    const terminal = typingTerminal(['y', '\r']);
    const yes = await run(['esim', 'download', demoCodes.plain], asked, terminal);
    expect(terminal.drawn()).toMatch(/This process may not manage eSIMs/);
    expect(yes.code).toBe(0);
    expect(asked.links.opened).toHaveLength(1);
  });

  it('esim ids opens the consent dialog, with an https: callback', async () => {
    const fake = createFakeBackend({ packaged: false });
    const { code, out } = await run(
      ['esim', 'ids', '--callback-url', 'https://portal.contoso.example/ids?eid={eid}', '--json'],
      fake,
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ event: 'openedSettings' });
    expect(fake.links.opened).toEqual([
      'ms-settings:cellular-id?callbackUrl=https%3A%2F%2Fportal.contoso.example%2Fids%3Feid%3D%7Beid%7D',
    ]);
    const bad = await run(
      ['esim', 'ids', '--callback-url', 'http://portal.contoso.example/'],
      fake,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/ERR_INVALID_ARGUMENT: .*https:/);
  });
});
