/**
 * Reads a secret (a confirmation code) piped on stdin: the first line, without its line
 * break and surrounding blanks. Bounded, so piping a large file by mistake fails quickly
 * instead of filling memory; stopped by the command's signal (Ctrl+C); never quoted.
 *
 * @module
 */

import type { Readable } from 'node:stream';
import { MobileBroadbandError } from '../../errors.js';

/** Bytes read at most before the first line break (a confirmation code is short). */
const maxBytes = 4096;

export function readStdinSecret(
  stdin: Readable,
  what: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error: Error | undefined): void => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      stdin.pause();
      if (error !== undefined) {
        reject(error);
        return;
      }
      const line = (text.split(/\r?\n/, 1)[0] ?? '').trim();
      if (line === '') {
        reject(
          new MobileBroadbandError(
            'ERR_INVALID_ARGUMENT',
            `stdin held no ${what}: pipe it in, e.g. printf '%s\\n' "$CODE" | wmbb esim download …`,
          ),
        );
      } else resolve(line);
    };
    const onData = (chunk: string): void => {
      text += chunk;
      if (text.includes('\n')) finish(undefined);
      else if (Buffer.byteLength(text) > maxBytes)
        finish(
          new MobileBroadbandError(
            'ERR_INVALID_ARGUMENT',
            `the ${what} on stdin is longer than ${maxBytes} bytes: pipe only the code`,
          ),
        );
    };
    const onEnd = (): void => finish(undefined);
    const onError = (error: Error): void =>
      finish(
        new MobileBroadbandError(
          'ERR_INVALID_ARGUMENT',
          `reading the ${what} from stdin failed: ${error.message}`,
        ),
      );
    const onAbort = (): void =>
      finish(
        new MobileBroadbandError('ERR_ABORTED', `reading the ${what} from stdin was cancelled`),
      );
    if (signal?.aborted === true) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}
