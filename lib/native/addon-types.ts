/**
 * Exactly what the native addon exports (native/addon/addon.cpp). Hand-written: the addon is
 * small, and a mismatch shows up in the Wine lane, which runs every export.
 *
 * @module
 * @internal
 */

/** `ESimManager.ServiceInfo` with enums as their Windows values. */
export interface NativeEsimServiceInfo {
  /** `ESimAuthenticationPreference`: OnEntry 0, OnAction 1, Never 2. */
  authenticationPreference: number;
  isEsimUiEnabled: boolean;
}

/**
 * One batch of event records: 32-bit words and the batch's strings back to back (layout in
 * native/winrt/event-records.h, decoded by {@link decodeEsimRecords}).
 */
export type NativeRecordCallback = (words: Int32Array, text: string) => void;

/** An `ESimWatcher` in the addon. Its events reach the callback given at creation. */
export interface NativeEsimWatcher {
  /** `ESimWatcher.Start()`. */
  start(): void;
  /** `ESimWatcher.Stop()`; a Stopped record follows (queued by the addon if Windows sends none). */
  stop(): void;
  /** Unsubscribes, stops if needed, releases every COM reference. Idempotent. */
  close(): void;
  /** Data records discarded so far because the bounded queue was full. */
  discarded(): number;
}

/** The addon's exports. Failures throw an Error with `hresult` (unsigned) and `call`. */
export interface NativeAddon {
  esimServiceInfo(): NativeEsimServiceInfo;
  /**
   * `ESimManager.TryCreateESimWatcher()`, subscribed and ready to start; `null` when Windows
   * returns no watcher (the process lacks the eSIM capability).
   *
   * @param maxBatch Records per batch at most (1: one JS call per event).
   * @param maxQueued Data records waiting for JS at most; more are discarded and counted.
   */
  createEsimWatcher(
    onBatch: NativeRecordCallback,
    maxBatch: number,
    maxQueued: number,
  ): NativeEsimWatcher | null;
}

/** The error the addon throws for a failed Windows call. */
export interface NativeCallError extends Error {
  /** The HRESULT as an unsigned 32-bit number. */
  hresult: number;
  /** The failing call, such as `ESimManager.TryCreateESimWatcher`. */
  call: string;
}
