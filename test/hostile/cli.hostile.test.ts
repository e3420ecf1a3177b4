/**
 * Hostile input through the CLI's arguments and files: every case runs the built `wmbb` in a
 * child process with a kill timeout and must end within its bound — exit code and a one-line
 * typed error, or a clean stop on a signal. Files that never end (/dev/zero), that block
 * (FIFOs), that lie about their size (/proc), or that are huge; flags that are unknown, huge or
 * full of escape sequences; a scenario step that fails; Ctrl+C while a command runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { parseProvisioningFile } from '../../lib/provisioning/parse-provisioning-file.js';
import { readScenarioFile } from '../../lib/fake/scenario/read-scenario-file.js';
import { hostileCases, resultCase, type HostileBound } from './hostile-harness.js';
import { spawnCli, type CliRun } from './spawn-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wmbb-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unix = process.platform !== 'win32';
/** The CLI needs well under a second for any of these; a hang is killed at 10 s. */
const killAfterMs = 10_000;
const bound: HostileBound = { ms: killAfterMs + 2_000, outputChars: 4_000 };

function file(name: string, content: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

function fifo(name: string): string {
  const at = path.join(dir, name);
  execFileSync('mkfifo', [at]);
  return at;
}

/** A scenario that plays for seconds: enough steps to be interrupted half-way. */
function longScenario(): string {
  const steps: unknown[] = [{ action: 'register', state: 'home' }, { action: 'connect' }];
  for (let i = 0; i < 120_000; i++) steps.push({ action: 'transfer', bytes: 1 });
  return file('long.json', JSON.stringify({ name: 'long', steps }));
}

/** The run ended by itself with `exitCode` and one line on stderr matching `message`. */
function failsWith(exitCode: number, message: RegExp): (run: CliRun) => void {
  return (run) => {
    expect(run.timedOut, 'the CLI hung and was killed').toBe(false);
    expect(run.code).toBe(exitCode);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    if (exitCode === 1) expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  };
}

function cli(
  name: string,
  args: () => string[],
  check: (run: CliRun) => void,
  extra: {
    mustNotContain?: string[];
    interrupt?: { signal: NodeJS.Signals; when: RegExp };
    /** The text the output bound applies to (default: stdout and stderr). */
    output?: (run: CliRun) => string;
  } = {},
) {
  return resultCase({
    name,
    bound,
    run: () =>
      spawnCli(args(), {
        killAfterMs,
        cwd: dir,
        ...(extra.interrupt === undefined ? {} : { interrupt: extra.interrupt }),
      }),
    check,
    output: extra.output ?? ((run: CliRun) => run.stdout + run.stderr),
    mustNotContain: ['\u001b', '\u009b', ...(extra.mustNotContain ?? [])],
  });
}

const notRegular =
  /^wmbb: ERR_INVALID_ARGUMENT: .*is a (device|pipe \(FIFO\)|directory); only regular files/;

describe('hostile input: CLI arguments and files', () => {
  hostileCases([
    ...(unix
      ? [
          {
            name: 'parseProvisioningFile("/dev/zero"): refused, not read forever',
            bound: { ms: 2_000 },
            run: () => parseProvisioningFile('/dev/zero'),
            code: 'ERR_INVALID_ARGUMENT' as const,
            message: /is a device; only regular files are read/,
          },
          {
            name: 'parseProvisioningFile on a FIFO nobody writes: refused at once',
            bound: { ms: 2_000 },
            run: () => parseProvisioningFile(fifo('api.fifo')),
            code: 'ERR_INVALID_ARGUMENT' as const,
            message: /is a pipe \(FIFO\)/,
          },
          {
            name: 'readScenarioFile("/proc/self/status"): read to its end, not JSON',
            bound: { ms: 2_000 },
            run: () => readScenarioFile('/proc/self/status'),
            code: 'ERR_INVALID_SCENARIO' as const,
            message: /is not valid JSON/,
          },
          cli(
            'provision validate /dev/zero: refused, not read forever',
            () => ['provision', 'validate', '/dev/zero'],
            failsWith(1, notRegular),
          ),
          cli(
            'simulate /dev/zero: refused',
            () => ['simulate', '/dev/zero'],
            failsWith(1, notRegular),
          ),
          cli(
            'messages match --rules /dev/zero: refused',
            () => ['messages', 'match', '--ussd', '--rules', '/dev/zero', 'hello'],
            failsWith(1, notRegular),
          ),
          cli(
            'provision validate on a FIFO nobody writes: refused at once',
            () => ['provision', 'validate', fifo('rules.fifo')],
            failsWith(1, notRegular),
          ),
          resultCase({
            name: 'simulate on a FIFO whose writer never writes: refused at once',
            bound,
            run: async () => {
              const at = fifo('scenario.fifo');
              // A writer that holds the FIFO open and never writes a byte.
              const writer = spawn('sh', ['-c', 'exec 3>"$0"; sleep 30', at], { stdio: 'ignore' });
              try {
                return await spawnCli(['simulate', at], { killAfterMs, cwd: dir });
              } finally {
                writer.kill('SIGKILL');
              }
            },
            check: failsWith(1, notRegular),
            output: (run) => run.stdout + run.stderr,
          }),
          cli(
            'provision validate /proc/self/status (size 0, has content): read to its end, bounded, typed error',
            () => ['provision', 'validate', '/proc/self/status'],
            failsWith(1, /^wmbb: ERR_PROVISIONING_XML: \/proc\/self\/status:\d+:\d+: /),
          ),
          cli(
            'simulate /proc/self/status: read to its end, not JSON',
            () => ['simulate', '/proc/self/status'],
            failsWith(1, /^wmbb: ERR_INVALID_SCENARIO: \/proc\/self\/status is not valid JSON/),
          ),
        ]
      : []),
    cli(
      'a 50 MB provisioning file: refused without reading it',
      () => {
        const at = file('huge.xml', '');
        truncateSync(at, 50 * 1024 * 1024);
        return ['provision', 'show', at];
      },
      failsWith(
        1,
        /^wmbb: ERR_PROVISIONING_XML: .*huge\.xml:1:1: the document is 52,428,800 bytes, over the limit of 1,048,576 bytes/,
      ),
    ),
    cli(
      'a 5 MB scenario: refused (limit 4 MiB)',
      () => [
        'simulate',
        file('huge.json', JSON.stringify({ steps: [], pad: 'x'.repeat(5 * 1024 * 1024) })),
      ],
      failsWith(
        1,
        /^wmbb: ERR_INVALID_ARGUMENT: the scenario ".*huge\.json" is 5,242,\d+ bytes, over the limit of 4,194,304 bytes/,
      ),
    ),
    cli(
      'a directory as a provisioning file',
      () => {
        mkdirSync(path.join(dir, 'folder.xml'), { recursive: true });
        return ['provision', 'validate', path.join(dir, 'folder.xml')];
      },
      failsWith(1, notRegular),
    ),
    cli(
      'a missing file',
      () => ['provision', 'validate', path.join(dir, 'missing.xml')],
      failsWith(
        1,
        /^wmbb: ERR_INVALID_ARGUMENT: cannot read the provisioning file ".*missing\.xml": no such file/,
      ),
    ),
    ...(unix
      ? [
          cli(
            'a scenario whose provision step names /dev/zero: refused before any step runs',
            () => [
              'simulate',
              file(
                'zero-step.json',
                JSON.stringify({ steps: [{ action: 'provision', file: '/dev/zero' }] }),
              ),
            ],
            failsWith(1, /^wmbb: ERR_INVALID_SCENARIO: Scenario step 1 .*provision.*is a device/),
          ),
        ]
      : []),
    cli(
      'an unknown flag: usage error, exit 2',
      () => ['--bogus'],
      failsWith(2, /unknown option '--bogus'/),
    ),
    cli(
      'an unknown flag of 100 KB with an escape sequence: escaped and bounded',
      () => ['provision', 'validate', `--\u001b[2J\u009b${'x'.repeat(100_000)}`],
      failsWith(2, /unknown option '--\\u001b\[2J\\u009bx+…/),
    ),
    cli(
      'an unknown command of 100 KB: bounded',
      () => [`y${'z'.repeat(100_000)}`],
      failsWith(2, /unknown command 'yz+…/),
    ),
    cli(
      'a scenario step that fails after the scenario started: error on one line, then exit 1',
      () => [
        'simulate',
        file('connect-first.json', JSON.stringify({ steps: [{ action: 'connect' }] })),
      ],
      failsWith(
        1,
        /^wmbb: ERR_INVALID_SCENARIO: Scenario step 1 \(steps\[0\], connect\): ERR_INVALID_STATE: /,
      ),
    ),
    cli(
      'Ctrl+C during simulate: stops it, exit 130',
      () => ['simulate', longScenario()],
      (run) => {
        expect(run.timedOut, 'the CLI ignored Ctrl+C').toBe(false);
        expect(run.code).toBe(130);
        expect(run.stderr).toBe('');
      },
      // A timeline of 120 000 steps is long by design: the bound is on stderr.
      { interrupt: { signal: 'SIGINT', when: /^long$/m }, output: (run) => run.stderr },
    ),
    resultCase({
      name: 'the reader of stdout goes away (`wmbb simulate long.json | head -1`): exit 141, no stack trace',
      bound,
      run: () =>
        spawnCli(['simulate', longScenario()], {
          killAfterMs,
          cwd: dir,
          closeStdoutWhen: /^long$/m,
        }),
      check: (run) => {
        expect(run.timedOut, 'the CLI hung on a closed pipe').toBe(false);
        expect(run.code).toBe(141);
        expect(run.stderr).toBe('');
      },
      output: (run) => run.stderr,
    }),
    cli(
      'Ctrl+C during watch: stops it, exit 130',
      () => ['watch', '--fake'],
      (run) => {
        expect(run.timedOut, 'the CLI ignored Ctrl+C').toBe(false);
        expect(run.code).toBe(130);
      },
      { interrupt: { signal: 'SIGINT', when: /watching all notifications/ } },
    ),
    cli(
      'SIGTERM during watch: stops it, exit 143',
      () => ['watch', '--fake'],
      (run) => {
        expect(run.timedOut, 'the CLI ignored SIGTERM').toBe(false);
        expect(run.code).toBe(143);
      },
      { interrupt: { signal: 'SIGTERM', when: /watching all notifications/ } },
    ),
  ]);
});
