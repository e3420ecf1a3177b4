/**
 * Runs the built `wmbb` like test/hostile/spawn-cli.ts does, with text piped on stdin (which
 * that helper closes): what `--confirmation-code-stdin` reads.
 */
import { spawn } from 'node:child_process';
import { cliMain, type CliRun } from '../hostile/spawn-cli.js';

export function spawnCliWithInput(
  args: readonly string[],
  input: string,
  killAfterMs = 15_000,
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliMain, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => void (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => void (stderr += t));
    // The CLI may exit before reading stdin (a refused command): that is not the test's failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
