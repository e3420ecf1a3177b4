/**
 * Hostile input that would flood or rewrite the terminal: documents of repeated mistakes (one
 * warning each), values of 900 KB quoted in a message, and control characters (ESC sequences
 * through XML 1.1 character references, raw C1 controls, bidirectional overrides) in names,
 * values, senders and scenarios. Every message is bounded, repeated warnings are counted past
 * a limit, and human output shows control characters as escapes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';
import { validateScenario } from '../../lib/fake/scenario/validate-scenario.js';
import { parseProvisioning } from '../../lib/provisioning/parse-provisioning.js';
import { maxWarningChars, maxWarnings } from '../../lib/provisioning/document-reader.js';
import type { ProvisioningDocument } from '../../lib/provisioning/provisioning-document.js';
import { captureIo } from '../cli/capture-io.js';
import { record } from '../helpers.js';
import { hostileCases, resultCase, type HostileBound } from './hostile-harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wmbb-hostile-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = 'http://www.microsoft.com/networking/CarrierControl/v1';
const wwan = 'http://www.microsoft.com/networking/CarrierControl/WWAN/v1';
const plansNs = 'http://www.microsoft.com/networking/CarrierControl/Plans/v1';

/** A document with `profiles` and `plans` inside the usual frame. */
function doc(profiles: string, plans = '', version = '1.0'): string {
  return `<?xml version="${version}" encoding="utf-8"?>
<CarrierProvisioning xmlns="${root}">
  <Global><CarrierId>{2c85b76b-f859-47c4-8122-721fe8b6c25f}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <MBNProfiles>${profiles}</MBNProfiles>
  ${plans === '' ? '' : `<Plans>${plans}</Plans>`}
</CarrierProvisioning>`;
}

function profile(name: string, plan: string, extra = ''): string {
  return `<DefaultProfile xmlns="${wwan}"><Name>${name}</Name><AssociatedPlan>${plan}</AssociatedPlan>${extra}</DefaultProfile>`;
}

/** A plan; `inner` goes inside its `<Description>`. */
function plan(name: string, inner = ''): string {
  return `<Plan xmlns="${plansNs}" Name="${name}"><Description PlanType="Fixed">${inner}</Description></Plan>`;
}

/** Just under the 1 MiB limit: half profiles naming plans that do not exist, half plans. */
function warningFlood(): string {
  const profiles: string[] = [];
  const plans: string[] = [];
  let size = 0;
  for (let i = 0; size < 900_000; i++) {
    const p = profile(`p${i}`, `missing${i}`);
    const q = plan(`plan${i}`);
    profiles.push(p);
    plans.push(q);
    size += p.length + q.length;
  }
  return doc(profiles.join(''), plans.join(''));
}

/** Every control character a terminal acts on, as they reach a message or a line. */
const rawControls = ['\u001b', '\u009b', '\u0007', '\u202e', '\r'];

function file(name: string, content: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

/** `wmbb ...args` in-process; the output is what a terminal would get (no colour). */
async function wmbb(...args: string[]): Promise<{ code: number; text: string }> {
  const io = captureIo();
  const code = await runCli(args, { io });
  return { code, text: io.stdout() + io.stderr() };
}

const fast: HostileBound = { ms: 10_000, outputChars: 2_000 };
const warningsText = (d: ProvisioningDocument): string =>
  d.warnings.map((w) => `${w.line}:${w.column} ${w.message}`).join('\n');
const huge = 'v'.repeat(900_000);

describe('hostile input: output that floods or rewrites the terminal', () => {
  hostileCases([
    resultCase({
      name: 'a 1 MB document of unmatched AssociatedPlans: 100 warnings and a count, not 600 MB',
      bound: { ms: 10_000, outputChars: (maxWarnings + 1) * (maxWarningChars + 20) },
      run: () => parseProvisioning(warningFlood()),
      check: (d) => {
        expect(d.profiles.length).toBeGreaterThan(maxWarnings);
        expect(d.warnings).toHaveLength(maxWarnings + 1);
        expect(d.warnings[0]!.message).toMatch(
          /^AssociatedPlan "missing0" names no <Plan> of this document \(plans: "plan0", "plan1", "plan2" and \d+ more\)$/,
        );
        expect(d.warnings.at(-1)!.message).toMatch(
          new RegExp(
            `^${(d.profiles.length - maxWarnings).toLocaleString('en-US')} more warnings not shown`,
          ),
        );
      },
      output: warningsText,
    }),
    resultCase({
      name: 'the same flood through `wmbb provision validate`: bounded stderr',
      bound: { ms: 10_000, outputChars: (maxWarnings + 2) * (maxWarningChars + 300) },
      run: () => wmbb('provision', 'validate', file('flood.xml', warningFlood())),
      check: (run) => {
        expect(run.code).toBe(0);
        expect(run.text.trimEnd().split('\n')).toHaveLength(maxWarnings + 2);
      },
      output: (run) => run.text,
    }),
    {
      name: 'a 900 KB value in an integer field: quoted at a bounded length',
      bound: fast,
      run: () =>
        parseProvisioning(
          doc(
            profile('p', 'plan'),
            plan('plan', `<DataLimitInMegabytes>${huge}</DataLimitInMegabytes>`),
          ),
        ),
      code: 'ERR_PROVISIONING_XML',
      message: /got "v{64}…" \(900000 characters\)/,
    },
    resultCase({
      name: 'a 900 KB namespace on an element the package does not know: a warning of bounded length',
      bound: fast,
      run: () =>
        parseProvisioning(doc(profile('p', 'plan', `<Extra xmlns="urn:${huge}"/>`), plan('plan'))),
      check: (d) => expect(d.warnings).toHaveLength(1),
      output: warningsText,
    }),
    {
      name: 'a scenario step whose action is 900 KB with an escape sequence: quoted, bounded',
      bound: fast,
      run: () => validateScenario({ steps: [{ action: `\u001b[2J${huge}` }] }),
      code: 'ERR_INVALID_SCENARIO',
      message: /unknown action "\\u001b\[2Jv+…" \(900004 characters\)/,
      mustNotContain: rawControls,
    },
    {
      name: 'a scenario field named by 900 KB: quoted, bounded',
      bound: fast,
      run: () => validateScenario({ steps: [], [huge]: 1 }),
      code: 'ERR_INVALID_SCENARIO',
      message: /unknown field "v+…" \(900000 characters\)/,
    },
    resultCase({
      name: 'a 900 KB value through the CLI: one error line of bounded length',
      bound: { ms: 10_000, outputChars: 1_100 },
      run: () =>
        wmbb(
          'provision',
          'validate',
          file(
            'huge-value.xml',
            doc(
              profile('p', 'plan'),
              plan('plan', `<DataLimitInMegabytes>${huge}</DataLimitInMegabytes>`),
            ),
          ),
        ),
      check: (run) => {
        expect(run.code).toBe(1);
        expect(run.text.trimEnd().split('\n')).toHaveLength(1);
        expect(run.text).toMatch(
          /^wmbb: ERR_PROVISIONING_XML: .*got "v{64}…" \(900000 characters\)/,
        );
      },
      output: (run) => run.text,
    }),
    resultCase({
      name: 'ESC sequences via XML 1.1 character references and raw C1 controls: escaped in `provision show`',
      bound: fast,
      run: () =>
        wmbb(
          'provision',
          'show',
          file(
            'controls.xml',
            doc(
              profile(
                'evil&#x1b;]0;pwned&#x7;&#x1b;[2J',
                'plan',
                '<HomeProviderName>Contoso&#x9b;31m&#x202e;evil</HomeProviderName>',
              ),
              plan('plan'),
              '1.1',
            ),
          ),
        ),
      check: (run) => {
        expect(run.code, run.text).toBe(0);
        expect(run.text).toContain('Profile "evil\\u001b]0;pwned\\u0007\\u001b[2J"');
        expect(run.text).toContain('Contoso\\u009b31m\\u202eevil');
      },
      output: (run) => run.text,
      mustNotContain: rawControls,
    }),
    resultCase({
      name: 'control characters in a scenario (name, description, SMS text and sender): escaped by `wmbb simulate`',
      bound: fast,
      run: () =>
        wmbb(
          'simulate',
          file(
            'controls.json',
            JSON.stringify({
              name: 'evil\u001b[2J',
              description: 'bell\u0007 \u009b31m \u202e',
              steps: [
                {
                  action: 'provision',
                  xml: doc(
                    `<Messages xmlns="${wwan}"><Message RuleId="R&#x1b;"><SMSBearer ClassZeroOnly="false" Sender="+1&#x9b;"/><Pattern>[^]*</Pattern></Message></Messages>`,
                    '',
                    '1.1',
                  ),
                },
                { action: 'register', state: 'home' },
                { action: 'receiveSms', from: '+1\u009b', text: 'hi\u001b]0;title\u0007\r' },
                { action: 'receiveSms', from: '+2\u001b[31m', text: 'no rule' },
              ],
            }),
          ),
        ),
      check: (run) => {
        expect(run.code, JSON.stringify(run.text)).toBe(0);
        expect(run.text).toContain('evil\\u001b[2J');
        expect(run.text, run.text).toContain('"hi\\u001b]0;title\\u0007\\r"');
      },
      output: (run) => run.text,
      mustNotContain: rawControls,
    }),
    resultCase({
      name: 'a sender of 100 KB with an escape sequence in `wmbb messages match`: quoted, bounded',
      bound: fast,
      run: () =>
        wmbb(
          'messages',
          'match',
          '--rules',
          path.join(__dirname, '..', 'fixtures', 'provisioning', 'usage-rules.xml'),
          '--from',
          `\u001b[2J${'9'.repeat(100_000)}`,
          'hello',
        ),
      check: (run) => {
        expect(run.code).toBe(1);
        expect(run.text).toMatch(/no rule for SMS sender "\\u001b\[2J9+…" \(100004 characters\)/);
      },
      output: (run) => run.text,
      mustNotContain: rawControls,
    }),
    resultCase({
      name: 'control characters in a notification from the backend: escaped by `wmbb watch`',
      bound: fast,
      run: async () => {
        const io = captureIo();
        const fake = createFakeBackend();
        const controller = new AbortController();
        const running = runCli(['watch'], { io, backend: fake, signal: controller.signal });
        while (!fake.notifications.subscribed) await new Promise((r) => setTimeout(r, 5));
        await fake.notify(
          record(2, {
            networkAccountId: 'acct\u001b[2J',
            message: `bal\u009b31m${'x'.repeat(900_000)}`,
            ruleId: 'R\u202e',
          }),
        );
        controller.abort();
        return { code: await running, text: io.stdout() + io.stderr() };
      },
      check: (run) => {
        expect(run.code).toBe(130);
        expect(run.text).toMatch(
          /ussd \(2\) +"bal\\u009b31mx+…" \(900007 characters\) rule R\\u202e/,
        );
      },
      output: (run) => run.text,
      mustNotContain: rawControls,
    }),
  ]);
});
