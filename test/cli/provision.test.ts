import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { createFakeBackend, type FakeBackend } from '../../lib/fake/index.js';
import { fixturePath } from '../provisioning/fixtures.js';
import { captureIo } from './capture-io.js';

/** Runs wmbb in-process and collects what it prints. */
async function wmbb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    io: { out: (s) => void (out += s), err: (s) => void (err += s), color: false },
  });
  return { code, out, err };
}

describe('wmbb provision validate', () => {
  it('a valid document: exit 0, a summary, warnings as file:line:column', async () => {
    const file = fixturePath('filtering-rules-sample.xml');
    const { code, out, err } = await wmbb('provision', 'validate', file);
    expect(code).toBe(0);
    expect(out).toBe(
      `✓ ${file}: a valid CarrierProvisioning document (1 profile, 0 plans, 2 message rules, 2 warnings)\n`,
    );
    expect(err).toContain(`${file}:49:3: warning: <Provisioning>`);
  });

  it.each([
    ['truncated.xml', /truncated\.xml:10:\d+: the document ends inside <DefaultProfile>/],
    [
      'wrong-namespace.xml',
      /wrong-namespace\.xml:2:1: <CarrierProvisioning> is in the wrong namespace/,
    ],
    ['doctype-entities.xml', /doctype-entities\.xml:2:1: a DOCTYPE is not allowed/],
    ['bad-pattern.xml', /bad-pattern\.xml:11:9: rule "Broken": the Pattern/],
    ['group-out-of-range.xml', /group-out-of-range\.xml:14:11: rule "Balance": DataLimit Group 3/],
  ])('%s: exit 1, the error with line:column', async (name, message) => {
    const { code, out, err } = await wmbb('provision', 'validate', fixturePath(name));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^wmbb: ERR_PROVISIONING_XML: /);
    expect(err).toMatch(message);
  });

  it('a 50 MB file is refused without reading it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wmbb-'));
    const file = path.join(dir, 'huge.xml');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    try {
      const { code, err } = await wmbb('provision', 'validate', file);
      expect(code).toBe(1);
      expect(err).toMatch(/huge\.xml:1:1: the document is 52,428,800 bytes, over the limit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--json gives valid JSON either way', async () => {
    const ok = await wmbb('provision', 'validate', '--json', fixturePath('usage-rules.xml'));
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, warnings: [] });
    const bad = await wmbb('provision', 'validate', '--json', fixturePath('truncated.xml'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({
      valid: false,
      error: { code: 'ERR_PROVISIONING_XML', details: { line: 10, expected: '</DefaultProfile>' } },
    });
  });

  it('a missing file, and a missing argument (usage error, exit 2)', async () => {
    const missing = await wmbb('provision', 'validate', '/no/such/file.xml');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(
      /cannot read the provisioning file "\/no\/such\/file\.xml": no such file/,
    );
    expect((await wmbb('provision', 'validate')).code).toBe(2);
  });
});

describe('wmbb provision show', () => {
  it('shows the profile, plan and rules, with the password masked', async () => {
    const { code, out } = await wmbb(
      'provision',
      'show',
      fixturePath('data-plan-threshold-sample.xml'),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/password\s+\*{8}\n/);
    expect(out).toMatch(/data limit\s+500 MB/);
    expect(out).toMatch(/usage notices\s+on/);
    expect(out).not.toMatch(/pass\b/);
  });

  it('shows the device id and the usage elements besides Usage', async () => {
    const { code, out } = await wmbb('provision', 'show', fixturePath('usage-inference.xml'));
    expect(code).toBe(0);
    expect(out).toMatch(/subscriber id\s+001010123456789\n {2}device id\s+490154203237518\n/);
    expect(out).toMatch(/usage percentage\s+group 1, in percent\n/);
    expect(out).toMatch(/usage overage\s+group 1, unit from group 2\n/);
  });

  it('--json: the typed document, password masked', async () => {
    const { code, out } = await wmbb(
      'provision',
      'show',
      '--json',
      fixturePath('filtering-rules-sample.xml'),
    );
    expect(code).toBe(0);
    const doc = JSON.parse(out) as {
      profiles: { context: { userLogonCred: unknown } }[];
      messageRules: { ruleId: string }[];
    };
    expect(doc.profiles[0]!.context.userLogonCred).toEqual({
      userName: 'user',
      password: '********',
    });
    expect(doc.messageRules.map((r) => r.ruleId)).toEqual(['Sample1', 'Sample2']);
    expect(out).not.toContain('"password": "password"');
  });
});

describe('wmbb provision apply', () => {
  const file = fixturePath('data-plan-threshold-sample.xml');

  async function apply(fake: FakeBackend, ...argv: string[]) {
    const io = captureIo();
    const code = await runCli(['provision', 'apply', ...argv], { io, backend: fake });
    return { code, out: io.stdout(), err: io.stderr() };
  }

  it('applies: every element provisioned, exit 0', async () => {
    const fake = createFakeBackend();
    const { code, out, err } = await apply(fake, file);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain(`✓ ${file}: applied, every element provisioned\n`);
    expect(out).toContain('  ✓ MBNProfiles/DefaultProfile "Contoso"\n');
    expect(out).toContain('  ✓ Plans/Plan "SamplePlan"\n');
    expect(fake.usage().limitBytes).toBe(500 * 2 ** 20);
  });

  it('failed elements: which and why, exit 1; --json has them too; no password anywhere', async () => {
    const fake = createFakeBackend();
    fake.provisioning.scriptNext(
      { failedElements: [{ element: 'DefaultProfile', hresult: 0x80070057 }] },
      { failedElements: [{ element: 'DefaultProfile', hresult: 0x80070057 }] },
    );
    const text = await apply(fake, file);
    expect(text.code).toBe(1);
    expect(text.out).toContain('  ✗ MBNProfiles/DefaultProfile "Contoso": E_INVALIDARG');
    expect(text.err).toMatch(
      /^wmbb: not every element was provisioned: MBNProfiles\/DefaultProfile "Contoso" \(E_INVALIDARG/,
    );
    const json = await apply(fake, '--json', file);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as {
      allElementsProvisioned: boolean;
      results: { element: string; success: boolean; errorCode?: string }[];
    };
    expect(parsed.allElementsProvisioned).toBe(false);
    expect(parsed.results.find((r) => r.element === 'DefaultProfile')).toMatchObject({
      success: false,
      errorCode: '0x80070057',
    });
    for (const output of [text.out, text.err, json.out, json.err])
      expect(output).not.toMatch(/<Password>|>pass</);
  });

  it("E_ACCESSDENIED: ERR_NOT_AUTHORIZED saying it is another operator's, exit 1", async () => {
    const fake = createFakeBackend();
    fake.provisioning.scriptNext('accessDenied');
    const { code, out, err } = await apply(fake, file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^wmbb: ERR_NOT_AUTHORIZED: .*another mobile operator/);
  });

  it('an invalid file fails as validate does, before anything is applied', async () => {
    const fake = createFakeBackend();
    const { code, err } = await apply(fake, fixturePath('truncated.xml'));
    expect(code).toBe(1);
    expect(err).toMatch(/truncated\.xml:10:\d+: the document ends inside <DefaultProfile>/);
  });
});
