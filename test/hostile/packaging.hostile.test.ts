/**
 * Hostile input to the packaging kit: the options of operatorManifestFragments() and the flags
 * of `wmbb package manifest` (run as users run it, in a child process). Every case ends with a
 * typed error naming the option, bounded and escaped, or with XML that parses: never with a
 * fragment that carries the input unescaped.
 */
import { describe, expect } from 'vitest';
import { operatorManifestFragments } from '../../lib/packaging/index.js';
import { parseFragment } from '../packaging/manifest-document.js';
import { hostileCases, resultCase } from './hostile-harness.js';
import { spawnCli, type CliRun } from './spawn-cli.js';

const base = { name: 'Contoso.OperatorApp', exe: 'op.exe' };
const tenMiB = 10 * 1024 * 1024;
const escape = '\u001b]0;owned\u0007\u001b[2J';
const killAfterMs = 10_000;

function cli(name: string, args: string[], check: (run: CliRun) => void) {
  return resultCase({
    name,
    bound: { ms: killAfterMs + 2_000, outputChars: 4_000 },
    run: () => spawnCli(['package', 'manifest', ...args], { killAfterMs }),
    check,
    output: (run: CliRun) => run.stdout + run.stderr,
    mustNotContain: ['\u001b', '\u009b', '\u0007'],
  });
}

function oneLineError(flag: string): (run: CliRun) => void {
  return (run) => {
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^wmbb: ERR_INVALID_ARGUMENT: ${flag} `));
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  };
}

describe('hostile input: the packaging kit', () => {
  hostileCases([
    {
      name: 'a 10 MB identity name: refused, quoted short',
      bound: { ms: 2_000 },
      run: () => operatorManifestFragments({ ...base, name: 'n'.repeat(tenMiB) }),
      code: 'ERR_INVALID_ARGUMENT',
      message: /^name must be a package identity name: .*\(10485760 characters\)$/,
    },
    {
      name: 'a 10 MB reason that ends in a line break: refused, not written into the INI file',
      bound: { ms: 2_000 },
      run: () =>
        operatorManifestFragments({ ...base, entitlementReason: `${'r'.repeat(tenMiB)}\n` }),
      code: 'ERR_INVALID_ARGUMENT',
      message: /^entitlementReason must be 1 to 512 characters/,
    },
    {
      name: 'an executable path with terminal escapes: refused, the escapes not in the message',
      bound: { ms: 2_000 },
      run: () => operatorManifestFragments({ ...base, exe: `app\\${escape}.exe` }),
      code: 'ERR_INVALID_ARGUMENT',
      message: /^exe must be a path inside the package/,
      mustNotContain: ['\u001b', '\u0007'],
    },
    {
      name: 'a reason with an INI section injection: refused',
      bound: { ms: 2_000 },
      run: () =>
        operatorManifestFragments({
          ...base,
          entitlementReason: 'no\r\n[entitlement]\r\ndefault=allow',
        }),
      code: 'ERR_INVALID_ARGUMENT',
      message: /^entitlementReason must be one line/,
    },
    resultCase({
      name: "an executable path full of XML's special characters: escaped, parses back exactly",
      bound: { ms: 2_000 },
      run: () =>
        operatorManifestFragments({ ...base, exe: "Tom & Jerry's ]] &amp; &#38; app.exe" }),
      check: (fragments) => {
        const [com] = parseFragment(fragments.applicationExtensions, fragments.namespaces).filter(
          (e) => e.prefix === 'com',
        );
        expect(com!.children[0]!.children[0]!.attributes.Executable).toBe(
          "Tom & Jerry's ]] &amp; &#38; app.exe",
        );
      },
    }),
    cli(
      '--name with terminal escapes: one escaped line, exit 1',
      ['--name', `a${escape}b`, '--exe', 'op.exe'],
      oneLineError('--name'),
    ),
    cli(
      'a 100 KB --exe: one bounded line, exit 1',
      ['--name', 'Contoso.Op', '--exe', `${'x'.repeat(100_000)}.exe`],
      oneLineError('--exe'),
    ),
    cli(
      '--entitlement-reason with a C1 CSI: one escaped line, exit 1',
      ['--name', 'Contoso.Op', '--exe', 'op.exe', '--entitlement-reason', 'no\u009b2J'],
      oneLineError('--entitlement-reason'),
    ),
    cli(
      '--entitlement-deadline-ms of 400 digits: one line, exit 1',
      ['--name', 'Contoso.Op', '--exe', 'op.exe', '--entitlement-deadline-ms', '9'.repeat(400)],
      oneLineError('--entitlement-deadline-ms'),
    ),
  ]);
});
