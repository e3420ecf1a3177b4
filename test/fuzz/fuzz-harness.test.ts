/**
 * The fuzzer (`npm run fuzz`, fuzz/) finds what it is for: targets that misbehave on purpose
 * are reported as crashes, hangs (the hung worker is stopped and the run goes on past the
 * input) and heap growth, with the input that did it; and a short slice over every real
 * channel finds nothing.
 */

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

function fuzz(args: string[], selfCheck = false) {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'fuzz/run.ts', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, WMBB_FUZZ_SELF_CHECK: selfCheck ? '1' : '0' },
    },
  );
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('npm run fuzz', () => {
  it('reports crashes, hangs past the time limit and heap growth, each with its input', () => {
    const { status, out } = fuzz(
      [
        '--iterations',
        '100',
        '--jobs',
        '2',
        '--time-limit-ms',
        '300',
        '--targets',
        'self-crash,self-hang,self-leak',
      ],
      true,
    );
    expect(status).toBe(1);
    expect(out).toMatch(/FAIL self-crash: 100 inputs .* [1-9]\d* crashes, 0 hangs/);
    expect(out).toMatch(/crash at input #\d+: TypeError: seven\n\s+input "xxxxxxx"/);
    // Every input still ran: the run went on past each hang.
    expect(out).toMatch(/FAIL self-hang: 100 inputs .* 0 crashes, [1-9]\d* hangs/);
    expect(out).toMatch(/hang at input #\d+: no answer in 300 ms\n\s+input "0"/);
    expect(out).toMatch(/FAIL self-leak: .* heap growth \d+\.\d MiB \(over 32 MiB\)/);
  }, 120_000);

  it('a slice of every real channel finds nothing', () => {
    const { status, out } = fuzz(['--iterations', '3000']);
    expect(out).not.toMatch(/FAIL/);
    for (const target of [
      'pdu',
      'provisioning',
      'results',
      'activation',
      'scenario',
      'messages',
      'blob',
    ])
      expect(out).toMatch(new RegExp(`ok   ${target}: 3000 inputs`));
    expect(status).toBe(0);
  }, 120_000);

  it('a replay runs exactly the input a report names; bad options are one line', () => {
    const replay = fuzz(
      ['--targets', 'self-crash', '--from', '5', '--iterations', '1', '--jobs', '1'],
      true,
    );
    expect(replay.out).toMatch(/FAIL self-crash: 1 inputs .* 1 crashes/);
    const bad = fuzz(['--targets', 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.out.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
