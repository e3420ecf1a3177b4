/**
 * Runs the built `wmbb` (dist/cli/main.js, what users run) in a child process with a kill
 * timeout, so a CLI that hangs fails its case instead of hanging the suite.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const cliMain = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

/** What a run of the CLI gave. */
export interface CliRun {
  /** Exit code, or `null` when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the kill timeout ended the run: the CLI hung. */
  timedOut: boolean;
}

export interface SpawnOptions {
  /** SIGKILL after this many ms. */
  killAfterMs: number;
  cwd?: string;
  /** Sends `signal` once stdout or stderr has printed text matching `when`. */
  interrupt?: { signal: NodeJS.Signals; when: RegExp };
  /** Closes the reading end of stdout once it has printed text matching this (`| head -1`). */
  closeStdoutWhen?: RegExp;
  /** Most bytes of stdout/stderr kept (the rest counted, not stored): a flood must not fill the test's heap. */
  keepBytes?: number;
}

/** Runs `node dist/cli/main.js ...args`; never rejects. */
export function spawnCli(args: readonly string[], options: SpawnOptions): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliMain, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = options.keepBytes ?? 4 * 1024 * 1024;
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const take = (text: string, into: 'out' | 'err'): void => {
      if (into === 'out') stdout = (stdout + text).slice(0, keep);
      else stderr = (stderr + text).slice(0, keep);
      if (into === 'out' && options.closeStdoutWhen?.test(stdout) === true) child.stdout.destroy();
      if (options.interrupt && !interrupted && options.interrupt.when.test(stdout + stderr)) {
        interrupted = true;
        child.kill(options.interrupt.signal);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (t: string) => take(t, 'out'));
    child.stderr.setEncoding('utf8').on('data', (t: string) => take(t, 'err'));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
