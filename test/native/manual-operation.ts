/**
 * A native operation the test settles by hand, for the native backend's unit tests over a
 * stand-in addon: how many times it was cancelled, whether it was abandoned, and what a cancel
 * does (by default Windows confirms it with a cancellation of `canceledCall`).
 */

import type { NativeOperation } from '../../lib/native/addon-types.js';

/** The addon's failure of `call` (what js-errors.h makes), cancelled or not. */
export function nativeError(hresult: number, call: string, canceled = false): Error {
  return Object.assign(new Error(`${call} failed with HRESULT ${hresult.toString(16)}`), {
    hresult,
    call,
    ...(canceled ? { canceled: true } : {}),
  });
}

export class ManualNativeOperation<T> implements NativeOperation<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  cancels = 0;
  abandoned = false;
  /** What cancel() does: by default Windows confirms with a cancellation. */
  onCancel: () => void;
  constructor(canceledCall: string) {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.onCancel = () => this.reject(nativeError(0x800704c7, canceledCall, true));
  }
  cancel(): void {
    this.cancels++;
    this.onCancel();
  }
  abandon(): void {
    this.abandoned = true;
  }
}
