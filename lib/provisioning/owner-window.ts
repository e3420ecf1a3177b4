/**
 * The owner window of a provisioning call: the `HWND` a desktop app gives so that any UI Windows
 * shows while it applies a document belongs to the app's window (`IInitializeWithWindow`).
 * Electron's `BrowserWindow.getNativeWindowHandle()` returns it as a `Buffer` holding the
 * handle's bytes (little-endian, as wide as a pointer); other hosts have it as a number, which
 * callers pass as a `bigint` so that no bits are lost.
 *
 * @module
 * @internal
 */

import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';

const maxHandle = (1n << 64n) - 1n;

function invalid(where: string, what: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${where}: ownerWindow ${what}`);
}

/**
 * The window handle as a `bigint` from 1 to 2^64 − 1.
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` for anything else: another type, a
 *   buffer that is not 4 or 8 bytes long, zero (no window), a negative or wider value.
 */
export function ownerWindowHandle(value: unknown, where: string): bigint {
  if (typeof value === 'bigint') {
    if (value <= 0n || value > maxHandle)
      throw invalid(where, 'must be a window handle from 1 to 2^64 - 1; this bigint is not');
    return value;
  }
  if (value instanceof Uint8Array) {
    if (value.byteLength !== 4 && value.byteLength !== 8)
      throw invalid(
        where,
        `must hold a window handle of 4 or 8 bytes (BrowserWindow.getNativeWindowHandle()), got ${value.byteLength} bytes`,
      );
    const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
    const handle =
      value.byteLength === 8 ? view.getBigUint64(0, true) : BigInt(view.getUint32(0, true));
    if (handle === 0n) throw invalid(where, 'holds a null window handle (0)');
    return handle;
  }
  const hint = typeof value === 'number' ? ' (pass a number as BigInt(handle))' : '';
  throw invalid(
    where,
    `must be a bigint or the Buffer of BrowserWindow.getNativeWindowHandle(), got ${describeKind(value)}${hint}`,
  );
}
