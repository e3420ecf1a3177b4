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

/**
 * An asynchronous Windows operation in progress (native/addon/js-operation.h). The promise
 * settles on the JS thread; it rejects with a {@link NativeCallError} when the operation
 * failed, and with one whose `canceled` is true (hresult ERROR_CANCELLED) when it was cancelled.
 */
export interface NativeOperation<T> {
  readonly promise: Promise<T>;
  /** `IAsyncInfo.Cancel()`. Never throws; the operation still ends as Windows decides. */
  cancel(): void;
  /**
   * Stops waiting: the promise never settles, and Windows' operation is cancelled, then closed
   * and released when it ends. For `close()` when Windows does not answer a cancellation.
   */
  abandon(): void;
}

/** `ESimDownloadProfileMetadataResult`, with the metadata's properties read by the addon. */
export interface NativeDownloadResult {
  /** `ESimOperationStatus`. */
  status: number;
  /** The metadata object; present on success only. */
  metadata: NativeMetadataRef | null;
  id?: string;
  providerId?: string;
  providerName?: string;
  isConfirmationCodeRequired?: boolean;
  /** `ESimProfileMetadataState`. */
  state?: number;
  canDelete?: boolean;
  canDisable?: boolean;
  isManagedByEnterprise?: boolean;
}

/** One `ESim` object. Its operations resolve with an `ESimOperationStatus` value. */
export interface NativeEsimRef {
  downloadProfileMetadata(activationCode: string): NativeOperation<NativeDownloadResult>;
  /** The profile whose id is `iccid` (`GetProfiles`), or null. */
  findProfile(iccid: string): NativeProfileRef | null;
  deleteProfile(iccid: string): NativeOperation<number>;
  reset(): NativeOperation<number>;
  /** Releases the Windows object. Idempotent. */
  close(): void;
}

/** One `ESimProfile` object. */
export interface NativeProfileRef {
  setEnabled(enabled: boolean): NativeOperation<number>;
  setNickname(nickname: string): NativeOperation<number>;
  close(): void;
}

/** One `ESimProfileMetadata` object. */
export interface NativeMetadataRef {
  /** `ConfirmInstallAsync()`, or `ConfirmInstallWithConfirmationCodeAsync(code)` with a code. */
  confirmInstall(
    confirmationCode: string | undefined,
    onProgress: ((totalSizeInBytes: number, installedSizeInBytes: number) => void) | undefined,
  ): NativeOperation<number>;
  /** `DenyInstallAsync()`, or `PostponeInstallAsync()` when `postpone`. */
  decline(postpone: boolean): NativeOperation<number>;
  close(): void;
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
  /**
   * Finds an eSIM by its id (EID, or `modem:<device id>`): an `ESimWatcher` run to
   * `EnumerationCompleted`. Resolves with null when no eSIM has the id; returns null when
   * `TryCreateESimWatcher()` returns null (the process lacks the eSIM capability).
   */
  findEsim(id: string): NativeOperation<NativeEsimRef | null> | null;
}

/** The error the addon throws for a failed Windows call. */
export interface NativeCallError extends Error {
  /** The HRESULT as an unsigned 32-bit number. */
  hresult: number;
  /** The failing call, such as `ESimManager.TryCreateESimWatcher`. */
  call: string;
  /** True when the operation was cancelled rather than failed. */
  canceled?: boolean;
}
