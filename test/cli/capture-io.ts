import type { CliIo } from '../../lib/cli/cli-io.js';

/** A CLI io that keeps what was written. */
export function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    color: false,
    stdout: () => out,
    stderr: () => err,
  };
}
