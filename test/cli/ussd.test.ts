import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import type { CliTerminal } from '../../lib/cli/cli-terminal.js';
import { createFakeBackend, fakeUssdBalance, type FakeBackend } from '../../lib/fake/index.js';
import { spawnCli } from '../hostile/spawn-cli.js';
import { fixturePath } from '../provisioning/fixtures.js';
import { captureIo } from './capture-io.js';

/** A terminal a test types into: each line is typed once a prompt has drawn. */
function typingTerminal(lines: string[]): CliTerminal {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let typed = 0;
  stderr.setEncoding('utf8').on('data', (t: string) => {
    // Type the next line once per prompt (the prompt draws its message "Reply").
    if (t.includes('Reply') && typed < lines.length) {
      const line = lines[typed++]!;
      setTimeout(() => stdin.write(`${line}\r`), 10);
    }
  });
  return { stdin, stderr, interactive: true, stderrIsTty: false };
}

const pipe: CliTerminal = {
  stdin: new PassThrough(),
  stderr: new PassThrough(),
  interactive: false,
  stderrIsTty: false,
};

async function run(argv: string[], backend: FakeBackend, terminal: CliTerminal = pipe) {
  const io = captureIo();
  const code = await runCli(argv, { io, backend, terminal });
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('wmbb ussd', () => {
  it('prints the reply: *100# gives the balance, exit 0', async () => {
    const { code, out, err } = await run(['ussd', '*100#'], createFakeBackend());
    expect(code).toBe(0);
    expect(out).toBe(`${fakeUssdBalance}\n`);
    expect(err).toBe('');
  });

  it('--json: one object per reply', async () => {
    const { code, out } = await run(['ussd', '--json', '*100#'], createFakeBackend());
    expect(code).toBe(0);
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([{ resultCode: 'noActionRequired', message: fakeUssdBalance }]);
  });

  it('a menu without a terminal: the menu, then "a reply is expected" on stderr, exit 0', async () => {
    const fake = createFakeBackend();
    const { code, out, err } = await run(['ussd', '*101#'], fake);
    expect(code).toBe(0);
    expect(out).toMatch(/^Contoso self-care\n1\. Balance/);
    expect(err).toMatch(/the network expects a reply; run wmbb ussd on a terminal/);
    expect(fake.ussd.openSessions).toBe(0);
  });

  it('a menu on a terminal goes on at the prompt until the network is done', async () => {
    const fake = createFakeBackend();
    const { code, out } = await run(['ussd', '--json', '*101#'], fake, typingTerminal(['9', '1']));
    expect(code).toBe(0);
    const replies = out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { resultCode: string }).resultCode);
    expect(replies).toEqual(['actionRequired', 'actionRequired', 'noActionRequired']);
    expect(fake.ussd.sent()).toEqual(['*101#', '9', '1']);
  });

  it('other result codes are said on stderr', async () => {
    const fake = createFakeBackend();
    fake.ussd.scriptReply({ resultCode: 'networkTimeout' });
    const { code, out, err } = await run(['ussd', '*100#'], fake);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(/the network did not answer in time \(networkTimeout\)/);
  });

  it.each([
    ['*100#😀', /character 6 \("😀", U\+1F600\) is not in the GSM 7-bit alphabet/],
    ['1'.repeat(183), /too long: a USSD string holds at most 182 septets/],
    ['*100#\u001b[2J', /character 6 \("\\u001b", U\+001B\)/],
  ])('%s: one line, exit 1, nothing sent', async (text, message) => {
    const fake = createFakeBackend();
    const { code, out, err } = await run(['ussd', text], fake);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^wmbb: ERR_INVALID_ARGUMENT: /);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toContain('\u001b');
    expect(fake.ussd.sent()).toEqual([]);
  });

  it('--account names an account; an unknown one: exit 1', async () => {
    const fake = createFakeBackend();
    const ok = await run(['ussd', '--account', fake.account.networkAccountId, '*100#'], fake);
    expect(ok.code).toBe(0);
    const bad = await run(['ussd', '--account', 'nope', '*100#'], createFakeBackend());
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^wmbb: ERR_INVALID_ARGUMENT: No network account/);
  });
});

describe('the built wmbb --fake (what a fresh clone runs)', () => {
  it('ussd --json on a pipe: the menu as JSON, exit 0; a bad string: exit 1', async () => {
    const menu = await spawnCli(['--fake', 'ussd', '--json', '*101#'], { killAfterMs: 20_000 });
    expect(menu.code).toBe(0);
    expect(JSON.parse(menu.stdout)).toMatchObject({ resultCode: 'actionRequired' });
    expect(menu.stderr).toMatch(/the network expects a reply/);
    const bad = await spawnCli(['--fake', 'ussd', '*100#😀'], { killAfterMs: 20_000 });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('provision apply --json: every element provisioned, exit 0', async () => {
    const run = await spawnCli(
      ['--fake', 'provision', 'apply', '--json', fixturePath('data-plan-threshold-sample.xml')],
      { killAfterMs: 20_000 },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ allElementsProvisioned: true });
    expect(run.stdout).not.toContain('pass<');
  });
});
