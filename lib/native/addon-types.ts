/**
 * Exactly what the native addon exports (native/addon/addon.cpp): one table per capability,
 * each mirroring its native/addon/<capability>/<capability>-exports.h. Hand-written: the addon
 * is small, and a mismatch shows up in the Wine lane, which runs every export.
 *
 * Every export returns at once: the addon makes its Windows calls on a thread of its own (the
 * MTA thread, docs/native.md) and settles the returned operation on the JS thread.
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
 * native/winrt/core/event-records.h, decoded by {@link decodeEsimRecords}).
 */
export type NativeRecordCallback = (words: Int32Array, text: string) => void;

/** A watcher in the addon (`ESimWatcher`, the account watcher). Its events reach the callback
 *  given at creation. */
export interface NativeWatcher {
  /** The watcher's `Start()`. */
  start(): NativeOperation<void>;
  /**
   * The watcher's `Stop()`; a Stopped record follows (queued by the addon if Windows sends none,
   * after an Error record if stopping failed).
   */
  stop(): void;
  /** Unsubscribes, stops if needed, releases every COM reference. Idempotent. */
  close(): void;
  /** Data records discarded so far because the bounded queue was full. */
  discarded(): number;
}

/**
 * An asynchronous Windows operation in progress (native/addon/core/js-operation.h). The promise
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

/** `ESimDiscoverResult`, with the metadata's properties read by the addon. */
export interface NativeDiscoverResult extends NativeDownloadResult {
  /** `ESimDiscoverResultKind`: None 0, Events 1, ProfileMetadata 2. */
  kind: number;
  /** `Events` (kind 1): the profiles an SM-DS knows for this eSIM. */
  events: { matchingId: string; rspServerAddress: string }[];
}

/** One `ESim` object. Its operations resolve with an `ESimOperationStatus` value. */
export interface NativeEsimRef {
  downloadProfileMetadata(activationCode: string): NativeOperation<NativeDownloadResult>;
  /**
   * `ESim.DiscoverAsync()` (the default SM-DS), or `DiscoverAsync(serverAddress, matchingId)`
   * with both. Rejects with E_NOTIMPL (ERR_NOT_SUPPORTED) on Windows before 10 version 2004.
   */
  discover(serverAddress?: string, matchingId?: string): NativeOperation<NativeDiscoverResult>;
  /** The profile whose id is `iccid` (`GetProfiles`), or null. */
  findProfile(iccid: string): NativeOperation<NativeProfileRef | null>;
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

/** `addon.core`: what every capability shares (native/addon/core/core-exports.h). */
export interface NativeCoreExports {
  /**
   * Settles once the addon's MTA thread has run everything queued before it, the releases of
   * earlier `close()` calls included.
   */
  flush(): NativeOperation<void>;
  /**
   * `ShellExecuteEx(uri, "open")` on a thread of its own (the shell wants an STA). Rejects when
   * no handler takes the scheme.
   */
  openUri(uri: string): NativeOperation<void>;
}

/** `addon.esim` (native/addon/esim/esim-exports.h). */
export interface NativeEsimExports {
  serviceInfo(): NativeOperation<NativeEsimServiceInfo>;
  /**
   * `ESimManager.TryCreateESimWatcher()`, subscribed and ready to start; `null` when Windows
   * returns no watcher (the process lacks the eSIM capability).
   *
   * @param maxBatch Records per batch at most (1: one JS call per event).
   * @param maxQueued Data and error records waiting for JS at most; more are discarded and
   *   counted.
   */
  createWatcher(
    onBatch: NativeRecordCallback,
    maxBatch: number,
    maxQueued: number,
  ): NativeOperation<NativeEsimWatcher | null>;
  /**
   * Finds an eSIM by its id (EID, or `modem:<device id>`): an `ESimWatcher` run to
   * `EnumerationCompleted`. Resolves with the eSIM, with null when no eSIM has the id, and with
   * false when `TryCreateESimWatcher()` returns null (the process lacks the eSIM capability).
   */
  findEsim(id: string): NativeOperation<NativeEsimRef | null | false>;
}

/** An `ESimWatcher` in the addon. */
export type NativeEsimWatcher = NativeWatcher;

/** A batch of records read at once (not streamed): decode with the capability's decoder. */
export interface NativeRecords {
  words: Int32Array;
  text: string;
}

/** `addon.modems` (native/addon/modems/modems-exports.h). */
export interface NativeModemsExports {
  /** Every account's record; an Error record for one that went away while it was read. */
  accounts(): NativeOperation<NativeRecords>;
  /** One account's record; rejects with CreateFromNetworkAccountId's HRESULT for an unknown id. */
  account(networkAccountId: string): NativeOperation<NativeRecords>;
  /**
   * The `MobileBroadbandAccountWatcher` and `NetworkInformation.NetworkStatusChanged`,
   * subscribed and ready to start (native/winrt/modems/modems-watch.h). Never null.
   */
  createWatcher(
    onBatch: NativeRecordCallback,
    maxBatch: number,
    maxQueued: number,
  ): NativeOperation<NativeWatcher | null>;
}

/** One `BackgroundTaskRegistration` as `addon.operatorTasks` reads it. */
export interface NativeOperatorTask {
  /** `TaskId`, as `{xxxxxxxx-…}` (upper case). */
  taskId: string;
  /** `Name`. */
  name: string;
  /**
   * The trigger (`IBackgroundTaskRegistration2.Trigger`): 1 NetworkOperatorNotificationTrigger,
   * 2 TetheringEntitlementCheckTrigger, 0 any other, -1 Windows did not say (no trigger, or it
   * could not be read).
   */
  trigger: number;
  /** `NetworkOperatorNotificationTrigger.NetworkAccountId` (trigger 1, where readable). */
  networkAccountId?: string;
}

/**
 * `addon.operatorTasks` (native/addon/operator-tasks/operator-tasks-exports.h): the operator
 * app's background-task registrations. Registering needs package identity; these calls do not
 * check it themselves (the TypeScript side asks `operator.hasPackageIdentity()` first).
 */
export interface NativeOperatorTasksExports {
  /** `BackgroundExecutionManager.RequestAccessAsync()`: a `BackgroundAccessStatus` value. */
  requestAccess(): NativeOperation<number>;
  /** The registrations in `BackgroundTaskRegistration.AllTasks` whose name starts with `namePrefix`. */
  list(namePrefix: string): NativeOperation<NativeOperatorTask[]>;
  /** `Unregister(true)` of every registration whose name is one of `names`; resolves with how many. */
  unregister(names: string[]): NativeOperation<number>;
  /**
   * `BackgroundTaskBuilder` with `Name`, `TaskEntryPoint` and `SetTrigger`, then `Register()`.
   * `trigger` 1: `NetworkOperatorNotificationTrigger(networkAccountId)`; 2:
   * `TetheringEntitlementCheckTrigger` (`networkAccountId` ignored).
   */
  register(
    name: string,
    entryPoint: string,
    trigger: number,
    networkAccountId: string,
  ): NativeOperation<NativeOperatorTask>;
}

/**
 * The class object of `WindowsMobileBroadband.OperatorEvents`, registered in this process
 * (native/addon/operator/operator-exports.h). Its calls reach the callback given to `serve` as
 * OperatorEvent records (kind 0x201: check id, blob; decoded by lib/native/native-operator-events.ts).
 */
export interface NativeOperatorServer {
  /**
   * Hands the `CheckEntitlement` call waiting for `checkId` its answer (`"1"`, or `"0"` and the
   * reason), or, with null, releases it with no answer (VT_EMPTY). False when no call waits for
   * that id: answered, past its deadline, or the server closed. Never waits.
   */
  answer(checkId: number, answer: string | null): boolean;
  /**
   * Refuses further calls (RPC_E_DISCONNECTED), releases every waiting call with VT_EMPTY at
   * once, and revokes the class on the MTA thread; settles once revoked. Idempotent.
   */
  close(): NativeOperation<void>;
  /** `Notify` records discarded so far because the bounded queue was full. */
  discarded(): number;
}

/** `addon.operator` (native/addon/operator/operator-exports.h). */
export interface NativeOperatorExports {
  /**
   * `GetCurrentPackageFullName` is not `APPMODEL_ERROR_NO_PACKAGE` (15700). Synchronous (no COM,
   * no wait); throws a {@link NativeCallError} when Windows answers anything else.
   */
  hasPackageIdentity(): boolean;
  /**
   * `CoRegisterClassObject(CLSID_OperatorEvents, CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE)` on the
   * MTA thread. Rejects with CO_E_OBJISREG (0x800401FC) when this process serves the class
   * already.
   */
  serve(
    onBatch: NativeRecordCallback,
    maxBatch: number,
    maxQueued: number,
  ): NativeOperation<NativeOperatorServer>;
}

/** What `UssdSession.SendMessageAndGetReplyAsync` answered, read by the addon. */
export interface NativeUssdReply {
  /** `UssdReply.ResultCode` as Windows gave it: a value this version does not know included. */
  resultCode: number;
  /** `UssdReply.Message.PayloadAsText`; null when the reply has no message. */
  message: string | null;
}

/**
 * One `UssdSession`, made, called and released on the addon's MTA thread
 * (native/addon/ussd/ussd-exports.h).
 */
export interface NativeUssdSessionRef {
  /**
   * Sends `text` (a `UssdMessage` made by its factory) and settles with the reply; `cancel()` is
   * `IAsyncInfo.Cancel`. Throws a {@link NativeCallError} (RO_E_CLOSED) after `close()`.
   */
  send(text: string): NativeOperation<NativeUssdReply>;
  /** `UssdSession.Close()` and the release. A second call resolves at once. */
  close(): NativeOperation<void>;
}

/** `addon.ussd` (native/addon/ussd/ussd-exports.h). */
export interface NativeUssdExports {
  /** `UssdSession.CreateFromNetworkAccountId`; rejects with its HRESULT. */
  open(networkAccountId: string): NativeOperation<NativeUssdSessionRef>;
}

/** `ProvisionFromXmlDocumentResults`, read by the addon. */
export interface NativeProvisioningResult {
  allElementsProvisioned: boolean;
  resultsXml: string;
  /**
   * What became of the owner window: 0 none was given, 1 `IInitializeWithWindow.Initialize`
   * succeeded, 2 the agent takes none (the document was applied without it).
   */
  ownerWindow: number;
}

/** `addon.provisioning` (native/addon/provisioning/provisioning-exports.h). */
export interface NativeProvisioningExports {
  /**
   * The default `ProvisioningAgent` (null account) or `CreateFromNetworkAccountId`, then
   * `IInitializeWithWindow.Initialize(ownerWindow)` when one is given, then
   * `ProvisionFromXmlDocumentAsync(document)`. `cancel()` is `IAsyncInfo.Cancel`.
   */
  apply(
    document: string,
    networkAccountId: string | null,
    ownerWindow: bigint | null,
  ): NativeOperation<NativeProvisioningResult>;
}

/** `GetTetheringCapabilityFromConnectionProfile` and the manager's counters, as Windows values. */
export interface NativeTetheringStatus {
  /** `TetheringCapability`. */
  capability: number;
  /** `TetheringOperationalState` (Unknown 0 when Windows made no manager for a disabled
   *  hotspot). */
  state: number;
  clientCount: number;
  maxClientCount: number;
}

/** An access point as the addon reads it or hands it to Windows. */
export interface NativeAccessPoint {
  ssid: string;
  /** A secret: the addon wipes its own copies. */
  passphrase: string;
  /** `TetheringWiFiBand`; null: this Windows lacks it (read), or leave Windows' default (write). */
  band: number | null;
  /** `TetheringWiFiAuthenticationKind`; null as for `band`. */
  authenticationKind: number | null;
}

/** `NetworkOperatorTetheringOperationResult`. */
export interface NativeTetheringResult {
  /** `TetheringOperationStatus`. */
  status: number;
  additionalErrorMessage: string;
}

/**
 * `addon.tethering` (native/addon/tethering/tethering-exports.h). `target`: a connection
 * profile's name, or null for the internet connection profile. Each call makes the
 * `NetworkOperatorTetheringManager` on the addon's MTA thread and releases it there. A missing
 * profile rejects with ERROR_NOT_FOUND (0x80070490) naming `NetworkInformation.
 * GetInternetConnectionProfile` or `…GetConnectionProfiles`; an interface this Windows lacks
 * with E_NOINTERFACE (or the class's activation failure) naming the API.
 */
export interface NativeTetheringExports {
  status(target: string | null): NativeOperation<NativeTetheringStatus>;
  /** `GetCurrentAccessPointConfiguration()`. */
  accessPoint(target: string | null): NativeOperation<NativeAccessPoint>;
  /** `GetTetheringClients()`: MAC address as Windows gives it, `HostName.DisplayName`s. */
  clients(target: string | null): NativeOperation<{ macAddress: string; hostNames: string[] }[]>;
  /** Every connection profile's `ProfileName`. */
  profileNames(): NativeOperation<string[]>;
  isNoConnectionsTimeoutEnabled(): NativeOperation<boolean>;
  /** `StartTetheringAsync()`, or `StartTetheringAsync(configuration)` with a session. */
  start(
    target: string | null,
    session: NativeAccessPoint | null,
  ): NativeOperation<NativeTetheringResult>;
  stop(target: string | null): NativeOperation<NativeTetheringResult>;
  /** A new `NetworkOperatorTetheringAccessPointConfiguration`, then `ConfigureAccessPointAsync`. */
  configureAccessPoint(
    target: string | null,
    accessPoint: NativeAccessPoint,
  ): NativeOperation<void>;
  /** `IsBandSupportedAsync(band)` of the current access point configuration. */
  isBandSupported(target: string | null, band: number): NativeOperation<boolean>;
  /** `IsAuthenticationKindSupportedAsync(kind)` of the current access point configuration. */
  isAuthenticationKindSupported(target: string | null, kind: number): NativeOperation<boolean>;
  /** `EnableNoConnectionsTimeoutAsync()` / `DisableNoConnectionsTimeoutAsync()`. */
  setNoConnectionsTimeout(enabled: boolean): NativeOperation<void>;
}

/**
 * The addon's exports. A bad argument throws a TypeError; a failed Windows call rejects the
 * returned operation with a {@link NativeCallError}.
 */
export interface NativeAddon {
  core: NativeCoreExports;
  esim: NativeEsimExports;
  modems: NativeModemsExports;
  operatorTasks: NativeOperatorTasksExports;
  operator: NativeOperatorExports;
  ussd: NativeUssdExports;
  provisioning: NativeProvisioningExports;
  tetheringDiagnostics: NativeTetheringDiagnosticsExports;
  tethering: NativeTetheringExports;
}

/** What the hotspot depends on, as native/addon/tethering-diagnostics reads it. */
export interface NativeTetheringDiagnostics {
  /** `icssvc`: 0 running, 1 stopped, 2 startPending, 3 stopPending, 4 paused, 5 disabled,
   *  6 notFound, 7 unknown (lib/backend.ts ServiceState, in that order). */
  mobileHotspotService: number;
  /** `WlanSvc`, the same values. */
  wlanService: number;
  /** The first Wi-Fi radio's `RadioState` (0 Unknown, 1 On, 2 Off, 3 Disabled); -1: none. */
  wifiRadio: number;
  /** The HRESULT (signed) that left the radio unread; 0 when it was read. */
  wifiRadioError: number;
  /** `NetworkInformation.GetInternetConnectionProfile()` is non-null. */
  internetProfile: boolean;
  /** The blocking policies set, by name (native/winrt/tethering-diagnostics/blocking-policies.h). */
  blockingPolicies: string[];
}

/** `addon.tetheringDiagnostics` (native/addon/tethering-diagnostics/diagnostics-exports.h). */
export interface NativeTetheringDiagnosticsExports {
  /** The services (SCM), the policies (registry), the internet profile and `Radio.GetRadiosAsync`. */
  read(): NativeOperation<NativeTetheringDiagnostics>;
}

/** The error the addon rejects with for a failed Windows call. */
export interface NativeCallError extends Error {
  /** The HRESULT as an unsigned 32-bit number. */
  hresult: number;
  /** The failing call, such as `ESimManager.TryCreateESimWatcher`. */
  call: string;
  /** True when the operation was cancelled rather than failed. */
  canceled?: boolean;
}
