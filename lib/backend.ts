/**
 * The backend contract: the one seam between the public API and whatever talks to Windows.
 *
 * Types only. The native backend (the C++ addon on Windows) and the fake backend (an in-memory
 * simulated Windows) both implement {@link Backend}; the public API ({@link connect}) takes any
 * object that does, so users can bring their own (a recorder, a remote machine, a replay).
 *
 * Rules every backend follows:
 * - Every part ({@link Backend.esim}, {@link Backend.tethering}, …) is present. A backend that
 *   does not implement an operation rejects with a `MobileBroadbandError` whose code is
 *   `ERR_NOT_SUPPORTED`; nothing is ever `undefined`.
 * - Every method returns a promise; failures are `MobileBroadbandError`s with string codes.
 * - Values are plain data (strings, numbers, booleans, arrays, plain objects); enums are the
 *   camelCase names of the Windows enum members (`'enabled'`, not `2`).
 * - Events reach the public layer through sinks the public layer passes in. A backend calls a
 *   sink on the JS thread, never re-entrantly from inside the call that subscribed, and in the
 *   order Windows produced the events.
 * - Handles a backend keeps for a subscription never keep the process alive on their own; the
 *   public layer decides that (`ref()`/`unref()`).
 *
 * @module
 */

import type { Clock } from './clock.js';
import type { KnownNotificationTypeName } from './notifications/notification-type.js';

// ---------------------------------------------------------------------------------------------
// The backend
// ---------------------------------------------------------------------------------------------

/** A backend: the native addon, the fake, or one of the user's own. */
export interface Backend {
  /** A short name for messages and the CLI: `'native'`, `'fake'`, or the user's own. */
  readonly name: string;
  /**
   * The clock the public layer uses for time-based rules (entitlement-check timeouts,
   * timestamps of records that carry none). The native backend uses the system clock; the fake
   * uses its virtual clock.
   */
  readonly clock: Clock;
  /** MobileOperatorNotification records (MessageType 0–12) and entitlement answers. */
  readonly notifications: NotificationSource;
  /** eSIM discovery and management (`Windows.Networking.NetworkOperators.ESim*`). */
  readonly esim: EsimBackend;
  /** Mobile hotspot (`NetworkOperatorTetheringManager`). */
  readonly tethering: TetheringBackend;
  /** Modems and network accounts (`MobileBroadbandAccount`, `MobileBroadbandModem`). */
  readonly modems: ModemBackend;
  /** USSD sessions (`UssdSession`). */
  readonly ussd: UssdBackend;
  /** Carrier provisioning (`ProvisioningAgent`). */
  readonly provisioning: ProvisioningBackend;
  /**
   * Opening links through the shell: the eSIM doors of Windows 11 24H2 (`lpa:`,
   * `ms-settings:cellular-id`). Optional: without it those calls are `ERR_NOT_SUPPORTED`.
   */
  readonly links?: LinkBackend;
  /**
   * Releases everything the backend holds (watchers, sessions, COM references). Pending
   * operations reject with `ERR_CLOSED`. Calling it twice is harmless.
   */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

/**
 * Where a record came from. `'system'`: Windows' own `NetworkOperatorNotificationEventDetails`
 * (a packaged operator app's background task, or the fake acting as one). `'derived'`: made by
 * the backend from state a desktop process may read (registration, connection, data-plan
 * status), because Windows gives the event details only to background tasks of packaged apps.
 */
export type NotificationOrigin = 'system' | 'derived';

/** Values parsed from an operator message by the provisioning rule that matched it. */
export interface OperatorMessageFields {
  /** Usage reported by the message, in bytes (rule field `Usage`). */
  usageBytes?: number;
  /** Data limit reported by the message, in bytes (rule field `DataLimit`). */
  dataLimitBytes?: number;
  /** When the usage was measured (rule field `UsageTimestamp`). */
  usageTimestamp?: Date;
}

/**
 * One MobileOperatorNotification as a backend delivers it: the fields of
 * `NetworkOperatorNotificationEventDetails` and of the documents' event payload.
 *
 * A record carries `networkAccountId` (what Windows' event details carry), `interfaceId` (the
 * GUID of the documents' payload, filled in where the backend resolves it from the account),
 * or both; never neither. SMS/USSD fields appear only on MessageType 0–2.
 */
export interface RawNotification {
  /** `NetworkOperatorEventMessageType`: 0–10, and 11–12 on newer Windows. */
  messageType: number;
  /** The network account the event belongs to. */
  networkAccountId?: string;
  /** GUID of the physical interface the event belongs to. */
  interfaceId?: string;
  /** SMS/USSD only: the message's data coding scheme byte (`EncodingType`). */
  encodingType?: number;
  /** SMS/USSD only: size of the message in bytes (`MessageDataSize`). */
  messageDataSize?: number;
  /** SMS/USSD only: the message text. */
  message?: string;
  /** SMS/USSD only: the `RuleId` of the provisioning rule that matched the message. */
  ruleId?: string;
  /** SMS/USSD only: the matching rule's `Silent` attribute, where the backend knows it. */
  silent?: boolean;
  /** SMS/USSD only: fields the matching rule parsed, where the backend knows them. */
  fields?: OperatorMessageFields;
  /**
   * SMS only: the raw PDU (hex) where the backend has it (Windows' `SmsMessage`), so the
   * public layer can decode sender and timestamp.
   */
  pdu?: string;
  /** MessageType 10 only: the id to answer the check with ({@link NotificationSource.answerEntitlementCheck}). */
  entitlementCheckId?: string;
  /** MessageType 11 only, where known: the tethering operational state after the change. */
  tetheringState?: TetheringOperationalState;
  /** MessageType 12 only, where known: the number of tethering clients after the change. */
  clientCount?: number;
  /** Who produced the record. */
  origin: NotificationOrigin;
  /** When the event happened, in ms since the epoch of the backend's clock; defaults to "now". */
  timestamp?: number;
  /**
   * What the backend could not read (a field whose getter failed, a blob that did not parse);
   * a record with issues is delivered as `unknown`, carrying them.
   */
  issues?: readonly string[];
}

/** Receives records from a {@link NotificationSource}. Called on the JS thread. */
export interface NotificationSink {
  /** Records in the order Windows produced them. A batch may hold one record or many. */
  deliver(records: readonly RawNotification[]): void;
  /**
   * Records the backend had to discard because the public layer fell behind a bounded queue.
   * Entitlement checks are never discarded.
   */
  overflow(discarded: number): void;
  /** A failure of the source itself (the watcher stopped, the device went away). */
  error(error: Error): void;
}

/** A running subscription; see {@link NotificationSource.subscribe}. */
export interface NotificationSubscription {
  /** Stops delivery and releases what the subscription holds. */
  close(): Promise<void>;
  /**
   * The types someone listens for changed (see {@link NotificationSubscribeOptions.types}). A
   * backend that runs work per type (the data-plan poll of derived notifications) starts or
   * stops it here; others may leave it out.
   */
  setTypes?(types: ReadonlySet<KnownNotificationTypeName>): void;
}

/** Options of {@link NotificationSource.subscribe}. */
export interface NotificationSubscribeOptions {
  /**
   * The types someone listens for now: every type when a listener takes all notifications.
   * Later changes come through {@link NotificationSubscription.setTypes}. A backend may still
   * deliver other types; the public layer drops what nobody listens for.
   */
  types: ReadonlySet<KnownNotificationTypeName>;
  /**
   * Derived notifications: how often to read the data plan while someone listens for a
   * data-plan type (`connect({ derived: { dataPlanPollMs } })`, default 60 000).
   */
  dataPlanPollMs: number;
  /**
   * Derived notifications: how often to read the hotspot's state and clients while someone
   * listens for `tetheringOperationalStateChanged` or `tetheringNumberOfClientsChanged`
   * (`connect({ derived: { hotspotPollMs } })`, default 5 000).
   */
  hotspotPollMs?: number;
}

/** Where a process gets notifications of one type from. */
export type NotificationAvailabilitySource = 'system' | 'derived' | 'unavailable';

/** How a process can receive one notification type; see {@link NotificationSource.availability}. */
export interface NotificationAvailability {
  /**
   * `'system'`: Windows' own event (the operator's packaged app). `'derived'`: made from state
   * the process may read (`origin: 'derived'`). `'unavailable'`: this process cannot get it.
   */
  source: NotificationAvailabilitySource;
  /** Why, in words: what the source is, or what is needed to get the type. */
  reason?: string;
}

/** {@link NotificationAvailability} of every known notification type. */
export type NotificationAvailabilityMap = {
  [T in KnownNotificationTypeName]: NotificationAvailability;
};

/** A tethering entitlement answer (`AuthorizeTethering(allow, entitlementFailureReason)`). */
export interface EntitlementAnswer {
  /** Allow tethering. */
  allow: boolean;
  /** Why tethering was denied; Windows shows it to the user. Empty when allowed. */
  reason: string;
}

/** The notifications part of a backend. */
export interface NotificationSource {
  /**
   * Starts delivering records to `sink`. The public layer calls it when the first listener is
   * added and closes the subscription when the last one is removed, so native watchers run only
   * while someone listens.
   */
  subscribe(
    sink: NotificationSink,
    options?: NotificationSubscribeOptions,
  ): Promise<NotificationSubscription>;
  /**
   * Which types this process can receive, and from where. A backend without it is taken to
   * deliver every type from the system (what the operator's packaged app gets).
   */
  availability?(): Promise<NotificationAvailabilityMap>;
  /**
   * Answers the entitlement check of a MessageType 10 record. Windows expects exactly one
   * answer per check; the public layer guarantees that.
   */
  answerEntitlementCheck(entitlementCheckId: string, answer: EntitlementAnswer): Promise<void>;
  /**
   * Registering the operator app's background tasks (`BackgroundTaskBuilder`). Optional: without
   * it `mbb.notifications.registerOperatorTasks()` and the two others reject with
   * `ERR_NOT_SUPPORTED`.
   */
  readonly operatorTasks?: OperatorTaskBackend;
}

/**
 * The trigger a background task was registered with: `NetworkOperatorNotificationTrigger`,
 * `TetheringEntitlementCheckTrigger`, or any other.
 */
export type OperatorTaskTrigger =
  'networkOperatorNotification' | 'tetheringEntitlementCheck' | 'other';

/** One registered background task of the package (its name starts `WindowsMobileBroadband.`). */
export interface OperatorTaskInfo {
  /** `BackgroundTaskRegistration.TaskId`, as `{xxxxxxxx-…}`. */
  taskId: string;
  /** `BackgroundTaskRegistration.Name`. */
  name: string;
  /** The kind of its trigger (`IBackgroundTaskRegistration2.Trigger`). */
  trigger: OperatorTaskTrigger;
  /**
   * `NetworkOperatorNotificationTrigger.NetworkAccountId`: the account whose events start the
   * task; absent for other triggers, or where Windows does not say. An identifier.
   */
  networkAccountId?: string;
}

/** Options of {@link OperatorTaskBackend.register}. */
export interface OperatorTaskRegistrationOptions {
  /**
   * The network account whose operator notifications start the task
   * (`NetworkOperatorNotificationTrigger(networkAccountId)`): an id from `mbb.modems.accounts()`.
   */
  networkAccountId: string;
}

/**
 * The operator app's background tasks, as `BackgroundTaskBuilder` registers them: both run the
 * package's forwarding component (entry point `WindowsMobileBroadband.OperatorTask`), which hands
 * each event to the app's Node process. Only a process with package identity may register
 * tasks; every method rejects with `ERR_PACKAGE_IDENTITY_REQUIRED` elsewhere.
 */
export interface OperatorTaskBackend {
  /**
   * Registers `WindowsMobileBroadband.OperatorNotification` (NetworkOperatorNotificationTrigger)
   * and `WindowsMobileBroadband.TetheringEntitlementCheck` (TetheringEntitlementCheckTrigger),
   * after unregistering any earlier tasks of those names, and returns the two. Background access
   * denied (`BackgroundExecutionManager.RequestAccessAsync`) is `ERR_NOT_AUTHORIZED`.
   */
  register(options: OperatorTaskRegistrationOptions): Promise<OperatorTaskInfo[]>;
  /** The registered tasks whose name starts `WindowsMobileBroadband.`. */
  list(): Promise<OperatorTaskInfo[]>;
  /** Unregisters the tasks {@link list} returns; resolves with how many there were. */
  unregister(): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// eSIM
// ---------------------------------------------------------------------------------------------

/** `ESimState`. */
export type EsimState = 'unknown' | 'idle' | 'removed' | 'busy';
/** `ESimProfileClass`. */
export type EsimProfileClass = 'operational' | 'test' | 'provisioning';
/** `ESimProfileState`. */
export type EsimProfileState = 'unknown' | 'disabled' | 'enabled' | 'deleted';
/** `ESimAuthenticationPreference`. */
export type EsimAuthenticationPreference = 'onEntry' | 'onAction' | 'never';

/** `ESimOperationStatus`, the outcome of every eSIM operation. */
export type EsimOperationStatus =
  | 'success'
  | 'notAuthorized'
  | 'notFound'
  | 'policyViolation'
  | 'insufficientSpaceOnCard'
  | 'serverFailure'
  | 'serverNotReachable'
  | 'timeoutWaitingForUserConsent'
  | 'incorrectConfirmationCode'
  | 'confirmationCodeMaxRetriesExceeded'
  | 'cardRemoved'
  | 'cardBusy'
  | 'other'
  | 'cardGeneralFailure'
  | 'confirmationCodeMissing'
  | 'invalidMatchingId'
  | 'noEligibleProfileForThisDevice'
  | 'operationAborted'
  | 'eidMismatch'
  | 'profileNotAvailableForNewBinding'
  | 'profileNotReleasedByOperator'
  | 'operationProhibitedByProfileClass'
  | 'profileNotPresent'
  | 'noCorrespondingRequest'
  | 'timeoutWaitingForResponse'
  | 'iccidAlreadyExists'
  | 'profileProcessingError'
  | 'serverNotTrusted'
  | 'profileDownloadMaxRetriesExceeded';

/** `ESimServiceInfo`. */
export interface EsimServiceInfo {
  /** When Windows asks the user to authenticate for eSIM operations. */
  authenticationPreference: EsimAuthenticationPreference;
  /** Whether Windows' own eSIM UI is enabled. */
  isEsimUiEnabled: boolean;
}

/** `ESimProfilePolicy`. */
export interface EsimProfilePolicy {
  canDelete: boolean;
  canDisable: boolean;
  isManagedByEnterprise: boolean;
}

/** `ESimProfile`: one profile on an eSIM. */
export interface EsimProfileInfo {
  /** The profile id: its ICCID. */
  id: string;
  class: EsimProfileClass;
  nickname: string;
  providerId: string;
  providerName: string;
  state: EsimProfileState;
  policy: EsimProfilePolicy;
}

/** `ESim`: one eUICC and its profiles. */
export interface EsimInfo {
  /**
   * The eSIM's id, which the other eSIM calls take: its EID. Windows gives an `ESim` no other
   * identifier; an eSIM that reports no EID gets `modem:<modemDeviceId>`.
   */
  id: string;
  /** The eUICC identifier. */
  eid: string;
  firmwareVersion: string;
  /** Free memory on the card in bytes, where the card reports it. */
  availableMemoryBytes: number | undefined;
  /** Device id of the modem the eSIM belongs to. */
  modemDeviceId: string;
  state: EsimState;
  /** The SIM slot index, where Windows reports it (`IESim3.SlotIndex`). */
  slotIndex: number | undefined;
  /** `ESimPolicy.ShouldEnableManagingUi`. */
  policy: { shouldEnableManagingUi: boolean };
  profiles: EsimProfileInfo[];
}

/** Receives `ESimWatcher` events. Called on the JS thread, in order. */
export interface EsimWatchSink {
  added(esim: EsimInfo): void;
  updated(esim: EsimInfo): void;
  removed(esim: EsimInfo): void;
  /** The initial enumeration is complete; later events are changes. */
  enumerationCompleted(): void;
  /** The watcher stopped (after `close()`, or because Windows stopped it). */
  stopped(): void;
  /** Events the backend discarded because a bounded queue overflowed. */
  overflow(discarded: number): void;
  /**
   * An event that could not be delivered (Windows failed to read the eSIM it carried). The
   * watcher keeps running.
   */
  error(error: Error): void;
}

/** A running eSIM watcher. */
export interface EsimWatchHandle {
  /** Stops the watcher; `stopped` is delivered once it has stopped. */
  close(): Promise<void>;
}

/** Options of long-running operations. */
export interface OperationOptions {
  /** Cancels the operation (`IAsyncInfo::Cancel`); it then rejects with `ERR_ABORTED`. */
  signal?: AbortSignal;
}

/** `ESimProfileInstallProgress`. */
export interface EsimInstallProgress {
  totalSizeInBytes: number;
  installedSizeInBytes: number;
}

/** Options of {@link EsimBackend.confirmInstall}. */
export interface EsimInstallOptions extends OperationOptions {
  /**
   * The code the operator gave the user, where the profile needs one
   * (`isConfirmationCodeRequired`). A secret: it never appears in errors, logs or JSON.
   */
  confirmationCode?: string;
  /** Called on the JS thread with each `ESimProfileInstallProgress` Windows reports, in order. */
  onProgress?: (progress: EsimInstallProgress) => void;
}

/** `ESimProfileMetadataState`. */
export type EsimProfileMetadataState =
  | 'unknown'
  | 'waitingForInstall'
  | 'downloading'
  | 'installing'
  | 'expired'
  | 'rejectingDownload'
  | 'noLongerAvailable'
  | 'deniedByPolicy';

/** Profile metadata from `DownloadProfileMetadataAsync` / discovery, before installation. */
export interface EsimProfileMetadataInfo {
  /**
   * Opaque id the backend uses to refer to the metadata object in later calls. The backend
   * releases the Windows object, and the handle becomes invalid, when the install finishes
   * (see {@link EsimBackend.confirmInstall}), when it is declined, or when the backend closes.
   */
  handle: string;
  /** ICCID of the profile, where known. */
  id: string;
  isConfirmationCodeRequired: boolean;
  providerId: string;
  providerName: string;
  state: EsimProfileMetadataState;
  policy: EsimProfilePolicy;
}

/** `ESimDownloadProfileMetadataResult`. */
export interface EsimDownloadResult {
  /** `Result.Status`. */
  status: EsimOperationStatus;
  /**
   * `ProfileMetadata`: present exactly when `status` is `'success'` (a backend releases any
   * metadata Windows returns with a failure, so that no handle is left to leak).
   */
  metadata: EsimProfileMetadataInfo | undefined;
}

/**
 * The eSIM part of a backend.
 *
 * Operations (download, install, profile changes, reset) resolve with the
 * `ESimOperationStatus` Windows reported, success or not: a status is an answer, and the public
 * layer (`mbb.esim`) turns the ones other than `'success'` into `ERR_ESIM_OPERATION` errors,
 * worded the same for every backend. An eSIM id or profile id that names nothing present
 * resolves with `'notFound'`. Operations reject only when the call itself fails (an HRESULT,
 * with its code from `lib/native/hresult.ts`), on bad input (`ERR_INVALID_ARGUMENT`,
 * `ERR_INVALID_ACTIVATION_CODE`, `ERR_INVALID_ICCID`, checked before any Windows call), on a
 * metadata handle that is unknown or spent (`ERR_INVALID_STATE`), on cancellation
 * (`ERR_ABORTED`), after `close()` (`ERR_CLOSED`), and with `ERR_NOT_AUTHORIZED` where the
 * process may not manage eSIMs (every `ESim` object comes from an `ESimWatcher`).
 */
export interface EsimBackend {
  /** `ESimManager.ServiceInfo`. */
  serviceInfo(): Promise<EsimServiceInfo>;
  /** Every eSIM present now, with its profiles (a watcher run to `EnumerationCompleted`). */
  list(options?: OperationOptions): Promise<EsimInfo[]>;
  /**
   * Starts an `ESimWatcher` delivering to `sink`. Rejects with `ERR_NOT_AUTHORIZED` when
   * `TryCreateESimWatcher()` returns null (the process lacks the eSIM capability).
   */
  watch(sink: EsimWatchSink): Promise<EsimWatchHandle>;
  /**
   * `ESim.DownloadProfileMetadataAsync(activationCode)`. The activation code is a secret (its
   * matching id): it never appears whole in errors.
   */
  downloadProfileMetadata(
    esimId: string,
    activationCode: string,
    options?: OperationOptions,
  ): Promise<EsimDownloadResult>;
  /**
   * `ESimProfileMetadata.ConfirmInstallAsync([confirmationCode])`, with install progress. The
   * handle stays valid after `'incorrectConfirmationCode'` and `'confirmationCodeMissing'` (the
   * user may try again) and after a cancelled install; any other outcome releases it.
   */
  confirmInstall(
    metadataHandle: string,
    options?: EsimInstallOptions,
  ): Promise<EsimOperationStatus>;
  /** `ESimProfileMetadata.DenyInstallAsync()` / `PostponeInstallAsync()`; releases the handle. */
  declineInstall(
    metadataHandle: string,
    how: 'deny' | 'postpone',
    options?: OperationOptions,
  ): Promise<EsimOperationStatus>;
  /** `ESimProfile.EnableAsync()` / `DisableAsync()`. */
  setProfileEnabled(
    esimId: string,
    profileId: string,
    enabled: boolean,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus>;
  /** `ESimProfile.SetNicknameAsync(nickname)`. */
  setProfileNickname(
    esimId: string,
    profileId: string,
    nickname: string,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus>;
  /** `ESim.DeleteProfileAsync(profileId)`. */
  deleteProfile(
    esimId: string,
    profileId: string,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus>;
  /** `ESim.ResetAsync()`: deletes every profile. */
  reset(esimId: string, options?: OperationOptions): Promise<EsimOperationStatus>;
  /** `ESim.DiscoverAsync()` / `DiscoverWithServerAddressAndMatchingIdAsync()`. */
  discover(
    esimId: string,
    options?: OperationOptions & { serverAddress?: string; matchingId?: string },
  ): Promise<EsimDiscoverResult>;
}

/** `ESimDiscoverResult`. */
export interface EsimDiscoverResult {
  /** What the SM-DS or SM-DP+ answered with. */
  kind: 'none' | 'events' | 'profileMetadata';
  status: EsimOperationStatus;
  /** `ESimDiscoverEvent`s (kind `events`). */
  events: { matchingId: string; rspServerAddress: string }[];
  /** The profile on offer (kind `profileMetadata`). */
  metadata: EsimProfileMetadataInfo | undefined;
}

/** What a backend offers for opening links (see {@link Backend.links}). */
export interface LinkBackend {
  /** The running Windows' build number (26100 for 24H2); `undefined` when not Windows. */
  windowsBuild(): number | undefined;
  /** Opens `uri` as the shell does (`ShellExecuteEx`, verb open). */
  open(uri: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Tethering (mobile hotspot)
// ---------------------------------------------------------------------------------------------

/** `TetheringOperationalState`. */
export type TetheringOperationalState = 'unknown' | 'on' | 'off' | 'inTransition';

/** `TetheringCapability`. */
export type TetheringCapability =
  | 'enabled'
  | 'disabledByGroupPolicy'
  | 'disabledByHardwareLimitation'
  | 'disabledByOperator'
  | 'disabledBySku'
  | 'disabledByRequiredAppNotInstalled'
  | 'disabledDueToUnknownCause'
  | 'disabledBySystemCapability';

/** `TetheringOperationStatus`. */
export type TetheringOperationStatus =
  | 'success'
  | 'unknown'
  | 'mobileBroadbandDeviceOff'
  | 'wiFiDeviceOff'
  | 'entitlementCheckTimeout'
  | 'entitlementCheckFailure'
  | 'operationInProgress'
  | 'bluetoothDeviceOff'
  | 'networkLimitedConnectivity'
  | 'alreadyOn'
  | 'radioRestriction'
  | 'bandInterference';

/** `NetworkOperatorTetheringOperationResult`. */
export interface TetheringOperationResult {
  /** Windows' answer: `'success'`, or why the operation did not happen. */
  status: TetheringOperationStatus;
  /** Windows' additional text (for example the operator's entitlement failure reason). */
  additionalErrorMessage: string;
}

/** The hotspot's current state. */
export interface TetheringStatus {
  /** Whether Windows allows the hotspot, or why not (`GetTetheringCapabilityFromConnectionProfile`). */
  capability: TetheringCapability;
  /** `TetheringOperationalState`: on, off, in transition, or unknown. */
  operationalState: TetheringOperationalState;
  /** `ClientCount`: the devices connected now. */
  clientCount: number;
  /** `MaxClientCount`: the most devices the hotspot takes. */
  maxClientCount: number;
}

/** `TetheringWiFiBand`, spelled as people say it: `'auto'` lets Windows choose. */
export type TetheringWiFiBand = 'auto' | '2.4GHz' | '5GHz' | '6GHz';

/** `TetheringWiFiAuthenticationKind` (Windows 26100 and later; older Windows uses WPA2). */
export type TetheringWiFiAuthenticationKind = 'wpa2' | 'wpa3TransitionMode' | 'wpa3';

/**
 * `NetworkOperatorTetheringAccessPointConfiguration`: what the hotspot broadcasts and accepts.
 * The passphrase is a secret: never logged, never quoted in an error.
 */
export interface AccessPointConfiguration {
  /** The network name: 1 to 32 bytes of UTF-8. */
  ssid: string;
  /** The Wi-Fi passphrase: 8 to 63 characters (printable ASCII for WPA2). A secret. */
  passphrase: string;
  /** The band (Windows 10 2004, build 19041, and later); `'auto'` when absent. */
  band?: TetheringWiFiBand;
  /** The authentication kind (Windows 26100 and later); `'wpa2'` when absent. */
  authenticationKind?: TetheringWiFiAuthenticationKind;
}

/**
 * Which hotspot a call is about: the one sharing the internet connection profile (the default),
 * or the one sharing a named connection profile (`CreateFromConnectionProfile`).
 */
export interface TetheringTarget {
  /** The connection profile to share, by its name; the internet connection profile when absent. */
  profileName?: string;
}

/**
 * `NetworkOperatorTetheringSessionAccessPointConfiguration` (Windows 26100 and later): an access
 * point for one session only, given to `start()`; the stored configuration is untouched.
 * Fields left out keep the stored configuration's values.
 */
export type TetheringSessionConfiguration = Partial<AccessPointConfiguration>;

/** Options of {@link TetheringBackend.start}. */
export interface TetheringStartOptions extends OperationOptions, TetheringTarget {
  /**
   * An access point for this session only (`StartTetheringAsync(configuration)`, Windows 26100
   * and later; older Windows is `ERR_NOT_SUPPORTED` naming the API).
   */
  session?: TetheringSessionConfiguration;
}

/** Options of {@link TetheringBackend.stop}. */
export interface TetheringStopOptions extends OperationOptions, TetheringTarget {}

/** `NetworkOperatorTetheringClient`. */
export interface TetheringClient {
  /** The client's MAC address, `02:00:00:00:00:01` (upper case). */
  macAddress: string;
  /** The names the client is known by (`HostName.DisplayName`); may be empty. */
  hostNames: string[];
}

/** The state of a Windows service as the Service Control Manager reports it. */
export type ServiceState =
  | 'running'
  | 'stopped'
  | 'startPending'
  | 'stopPending'
  | 'paused'
  | 'disabled'
  | 'notFound'
  | 'unknown';

/**
 * What the hotspot depends on, read for `wmbb hotspot doctor`: the facts, without judgement
 * (the diagnosis is shared TypeScript, lib/tethering/diagnose-hotspot.ts).
 */
export interface TetheringDiagnostics {
  /** The Mobile Hotspot service (`icssvc`). */
  mobileHotspotService: ServiceState;
  /** The WLAN AutoConfig service (`WlanSvc`). */
  wlanService: ServiceState;
  /** The Wi-Fi radio (`Windows.Devices.Radios`): `'absent'` without a Wi-Fi adapter. */
  wifiRadio: 'on' | 'off' | 'disabled' | 'absent' | 'unknown';
  /** Whether Windows has an internet connection profile to share. */
  internetProfile: boolean;
  /**
   * Known policies that block the hotspot (for example the Group Policy "Prohibit use of
   * Internet Connection Sharing on your DNS domain network"), by name; `[]` when none.
   */
  blockingPolicies: string[];
}

/** The tethering part of a backend: `NetworkOperatorTetheringManager` and its statics. */
export interface TetheringBackend {
  /** Capability, state, client count and maximum of the hotspot. */
  status(target?: TetheringTarget): Promise<TetheringStatus>;
  /**
   * `StartTetheringAsync()`, or `StartTetheringAsync(configuration)` with `options.session`
   * (Windows 26100 and later). With an operator requiring it, Windows runs an entitlement check.
   */
  start(options?: TetheringStartOptions): Promise<TetheringOperationResult>;
  /** `StopTetheringAsync()`. */
  stop(options?: TetheringStopOptions): Promise<TetheringOperationResult>;
  /** `GetCurrentAccessPointConfiguration()`. */
  accessPoint(target?: TetheringTarget): Promise<AccessPointConfiguration>;
  /**
   * `ConfigureAccessPointAsync(configuration)`: stores the access point. Callers validate first
   * (lib/tethering/check-access-point.ts); a backend may check again.
   */
  configureAccessPoint(
    configuration: AccessPointConfiguration,
    target?: TetheringTarget,
  ): Promise<void>;
  /** `GetTetheringClients()`. */
  clients(target?: TetheringTarget): Promise<TetheringClient[]>;
  /** `IsBandSupportedAsync(band)` (build 19041 and later; `'auto'` is always supported). */
  isBandSupported(band: TetheringWiFiBand, target?: TetheringTarget): Promise<boolean>;
  /** `IsAuthenticationKindSupportedAsync(kind)` (Windows 26100 and later). */
  isAuthenticationKindSupported(
    kind: TetheringWiFiAuthenticationKind,
    target?: TetheringTarget,
  ): Promise<boolean>;
  /** `IsNoConnectionsTimeoutEnabled()`: whether Windows turns an idle hotspot off. */
  isNoConnectionsTimeoutEnabled(): Promise<boolean>;
  /** `EnableNoConnectionsTimeoutAsync()`: an idle hotspot turns itself off (Windows' default). */
  enableNoConnectionsTimeout(): Promise<void>;
  /** `DisableNoConnectionsTimeoutAsync()`: the hotspot stays on without clients. */
  disableNoConnectionsTimeout(): Promise<void>;
  /** What the hotspot depends on (services, radio, internet profile, policies). */
  diagnostics(): Promise<TetheringDiagnostics>;
}

// ---------------------------------------------------------------------------------------------
// Modems and accounts
// ---------------------------------------------------------------------------------------------

/** `NetworkRegistrationState` (and `WwanNetworkRegistrationState`, which has the same values). */
export type NetworkRegistrationState =
  'none' | 'deregistered' | 'searching' | 'home' | 'roaming' | 'partner' | 'denied';

/** `MobileBroadbandDeviceType`. */
export type MobileBroadbandDeviceType = 'unknown' | 'embedded' | 'removable' | 'remote';

/** `MobileBroadbandRadioState`. */
export type MobileBroadbandRadioState = 'off' | 'on';

/** `NetworkDeviceStatus`: the modem's and the SIM's readiness. */
export type NetworkDeviceStatus =
  | 'deviceNotReady'
  | 'deviceReady'
  | 'simNotInserted'
  | 'badSim'
  | 'deviceHardwareFailure'
  | 'accountNotActivated'
  | 'deviceLocked'
  | 'deviceBlocked';

/** `Windows.Devices.Sms.CellularClass`. */
export type CellularClass = 'none' | 'gsm' | 'cdma';

/**
 * One flag of `DataClasses` (`WwanDataClass` has the same values). A set of them is an array
 * in the order of the flags' values; `DataClasses.None` is the empty array.
 */
export type DataClass =
  | 'gprs'
  | 'edge'
  | 'umts'
  | 'hsdpa'
  | 'hsupa'
  | 'lteAdvanced'
  | 'newRadioNonStandalone'
  | 'newRadioStandalone'
  | 'cdma1xRtt'
  | 'cdma1xEvdo'
  | 'cdma1xEvdoRevA'
  | 'cdma1xEvdv'
  | 'cdma3xRtt'
  | 'cdma1xEvdoRevB'
  | 'cdmaUmb'
  | 'custom';

/** `Windows.Networking.Connectivity.NetworkConnectivityLevel`. */
export type NetworkConnectivityLevel =
  'none' | 'localAccess' | 'constrainedInternetAccess' | 'internetAccess';

/** `MobileBroadbandSlotState`. */
export type MobileBroadbandSlotState =
  | 'unmanaged'
  | 'unknown'
  | 'offEmpty'
  | 'off'
  | 'empty'
  | 'notReady'
  | 'active'
  | 'error'
  | 'activeEsim'
  | 'activeEsimNoProfile';

/** `MobileBroadbandSlotInfo`: one SIM slot (newer Windows). */
export interface SlotInfo {
  /** `Index`. */
  index: number;
  /** `State`. */
  state: MobileBroadbandSlotState;
  /** `IMobileBroadbandSlotInfo2.IccId`, where the running Windows has it. An identifier. */
  iccid?: string;
}

/**
 * `MobileBroadbandDeviceInformation`: the modem and its SIM.
 *
 * Strings are as Windows gives them (`''` where the modem reports nothing). Fields marked
 * "newer Windows" are `undefined` where the running Windows lacks the interface that carries
 * them; reading them never fails on older Windows.
 *
 * `mobileEquipmentId`, `simIccId`, `subscriberId` and `telephoneNumbers` identify a person:
 * the package never writes them whole into errors or logs, and the CLI masks them unless told
 * otherwise.
 */
export interface DeviceInfo {
  /** `DeviceId`: the modem's device interface id. */
  deviceId: string;
  /** `Manufacturer`. */
  manufacturer: string;
  /** `Model`. */
  model: string;
  /** `FirmwareInformation`. */
  firmwareInformation: string;
  /** `IMobileBroadbandDeviceInformation2.Revision`: the firmware revision (newer Windows). */
  revision?: string;
  /** `IMobileBroadbandDeviceInformation2.SerialNumber` (newer Windows). */
  serialNumber?: string;
  /** `DeviceType`. */
  deviceType: MobileBroadbandDeviceType;
  /** `CellularClass`. */
  cellularClass: CellularClass;
  /** `DataClasses`: what the modem supports. */
  dataClasses: DataClass[];
  /** `CustomDataClass`: the name of the `custom` data class, `''` if none. */
  customDataClass: string;
  /** `MobileEquipmentId`: the IMEI (GSM) or MEID (CDMA). An identifier. */
  mobileEquipmentId: string;
  /** `SimIccId`: the SIM's ICCID. An identifier. */
  simIccId: string;
  /** `SubscriberId`: the IMSI (GSM) or MIN (CDMA). An identifier. */
  subscriberId: string;
  /** `TelephoneNumbers`. Identifiers. */
  telephoneNumbers: string[];
  /** `CurrentRadioState`. */
  radioState: MobileBroadbandRadioState;
  /** `NetworkDeviceStatus`: SIM and device readiness. */
  networkDeviceStatus: NetworkDeviceStatus;
  /** `IMobileBroadbandDeviceInformation3.SimSpn`: service provider name on the SIM (newer Windows). */
  simSpn?: string;
  /** `IMobileBroadbandDeviceInformation3.SimPnn`: PLMN network name on the SIM (newer Windows). */
  simPnn?: string;
  /** `IMobileBroadbandDeviceInformation3.SimGid1` (newer Windows). */
  simGid1?: string;
  /** `IMobileBroadbandDeviceInformation4.SlotManager.SlotInfos` (newer Windows). */
  slots?: SlotInfo[];
  /** `IMobileBroadbandDeviceInformation4.SlotManager.CurrentSlotIndex` (newer Windows). */
  currentSlotIndex?: number;
}

/** `MobileBroadbandNetwork`: where the modem is registered. */
export interface NetworkInfo {
  /** `NetworkRegistrationState`. */
  registrationState: NetworkRegistrationState;
  /** `RegisteredProviderId`: the MCC/MNC (GSM) or SID (CDMA) of the network, `''` if none. */
  registeredProviderId: string;
  /** `RegisteredProviderName`, `''` if none. */
  registeredProviderName: string;
  /** `RegistrationNetworkError`: the network's reject cause, 0 when none. */
  registrationNetworkError: number;
  /** `PacketAttachNetworkError`, 0 when none. */
  packetAttachNetworkError: number;
  /** `ActivationNetworkError`, 0 when none. */
  activationNetworkError: number;
  /** `AccessPointName` of the active context, `''` if none. */
  accessPointName: string;
  /** `RegisteredDataClass`. */
  registeredDataClass: DataClass[];
}

/**
 * The account's data connection: its WWAN `ConnectionProfile` (`IsWwanConnectionProfile`,
 * `WwanConnectionProfileDetails.AccountId` equal to the account's id) in
 * `NetworkInformation.GetConnectionProfiles()`.
 */
export interface ConnectionInfo {
  /** Whether the profile's connectivity level is above `none`. */
  connected: boolean;
  /** `ConnectionProfile.ProfileName`; `undefined` when the account has no profile. */
  profileName: string | undefined;
  /** `ConnectionProfile.GetSignalBars()`, 0–5; `undefined` when Windows reports none. */
  signalBars: number | undefined;
  /** `ConnectionProfile.GetNetworkConnectivityLevel()`; `'none'` without a profile. */
  connectivityLevel: NetworkConnectivityLevel;
}

/**
 * Local data usage against the plan, as Windows counts it
 * (`ConnectionProfile.GetDataPlanStatus()`). Times are ms since the epoch, as everywhere in the
 * backend contract.
 */
export interface DataPlanStatus {
  /** `DataPlanUsage.MegabytesUsed` in bytes (× 1 048 576): usage since the cycle started. */
  usedBytes: number;
  /** `DataLimitInMegabytes` in bytes; `undefined` for a plan without a limit. */
  limitBytes: number | undefined;
  /** `DataPlanUsage.LastSyncTime`, where Windows reports one. */
  lastSyncTime: number | undefined;
  /** `NextBillingCycle`, where the plan has a billing cycle. */
  nextBillingCycle: number | undefined;
}

/** A mobile broadband network account (`MobileBroadbandAccount`) and the modem behind it. */
export interface AccountInfo {
  /** `NetworkAccountId`. */
  networkAccountId: string;
  /** `ServiceProviderGuid`, as `{xxxxxxxx-…}`; `undefined` when it is the empty GUID. */
  serviceProviderGuid: string | undefined;
  /** `ServiceProviderName`. */
  serviceProviderName: string;
  /**
   * GUID of the modem's network interface (`CurrentNetwork.NetworkAdapter.NetworkAdapterId`),
   * the `interfaceId` of notifications; `undefined` when Windows gives no adapter.
   */
  interfaceId: string | undefined;
  /** `CurrentDeviceInformation`; `undefined` when the modem is gone (Windows returns null). */
  device: DeviceInfo | undefined;
  /** `CurrentNetwork`; `undefined` when Windows returns null. */
  network: NetworkInfo | undefined;
  /** The data connection. */
  connection: ConnectionInfo;
  /** The plan's usage; `undefined` when the account has no connection profile to read it from. */
  dataPlan: DataPlanStatus | undefined;
}

/**
 * The modems-and-accounts part of a backend. Desktop processes may call all of it (Microsoft:
 * non-UWP apps "have unrestricted access to the Mobile Broadband Account API").
 *
 * Errors: an id naming no account rejects with `ERR_INVALID_ARGUMENT` whose message lists the
 * accounts present (see `unknownAccountError` in `lib/modems/unknown-account.ts`); the WWAN
 * service (`WwanSvc`) stopped is `ERR_SERVICE_UNAVAILABLE` naming it; an account that
 * disappears while it is read is left out of {@link ModemBackend.accounts} and is the unknown-id
 * error for {@link ModemBackend.account}, never a crash.
 */
export interface ModemBackend {
  /** Every mobile broadband account on the machine (`AvailableNetworkAccountIds`); `[]` without a modem. */
  accounts(): Promise<AccountInfo[]>;
  /** One account (`CreateFromNetworkAccountId`). */
  account(networkAccountId: string): Promise<AccountInfo>;
  /**
   * The plan's usage for an account; `undefined` when the account has no connection profile
   * (the data plan is read from it).
   */
  dataPlanStatus(networkAccountId: string): Promise<DataPlanStatus | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Derived notifications: what a backend observed
// ---------------------------------------------------------------------------------------------

/**
 * One fact a backend observed about an account, for the shared engine that derives
 * notifications from it (`DerivedNotifications` in `lib/derived/`). Observations marked
 * `initial` are the state found when watching starts: the engine learns them and raises nothing.
 */
export type DerivedObservation =
  | {
      /** A registration Windows reported (`AccountUpdated` with `HasNetworkChanged`): every one, repeats included. */
      kind: 'registration';
      networkAccountId: string;
      state: NetworkRegistrationState;
      initial?: boolean;
      /** ms since the epoch; defaults to the clock's now. */
      timestamp?: number;
    }
  | {
      /** The account's WWAN profile is connected or not (`NetworkStatusChanged`); repeats are ignored. */
      kind: 'connection';
      networkAccountId: string;
      connected: boolean;
      initial?: boolean;
      timestamp?: number;
    }
  | {
      /**
       * The data-plan status read from the account's profile (on `NetworkStatusChanged` and by
       * the poll); `undefined` when the account has no profile any more (the plan is deleted).
       */
      kind: 'dataPlan';
      networkAccountId: string;
      status: DataPlanStatus | undefined;
      initial?: boolean;
      timestamp?: number;
    }
  | {
      /**
       * The hotspot's state and client count, read by the hotspot poll of derived
       * notifications (machine-wide; the records carry `networkAccountId`). A change of state
       * raises tetheringOperationalStateChanged (11), of the count
       * tetheringNumberOfClientsChanged (12).
       */
      kind: 'hotspot';
      networkAccountId: string;
      state: TetheringOperationalState;
      clientCount: number;
      initial?: boolean;
      timestamp?: number;
    }
  | {
      /** The account is gone (`AccountRemoved`): its state is forgotten, nothing is raised. */
      kind: 'accountRemoved';
      networkAccountId: string;
    };

/** Receives a {@link DerivedObserver}'s observations, on the JS thread, in order. */
export interface DerivedObservationSink {
  observe(observations: readonly DerivedObservation[]): void;
  /** The observer failed (the watcher aborted, the WWAN service stopped). */
  error(error: Error): void;
}

/** A running {@link DerivedObserver}. */
export interface DerivedObserverHandle {
  close(): Promise<void>;
}

/**
 * What a backend implements so that a process without Windows' own operator events gets
 * derived ones: it watches (`MobileBroadbandAccountWatcher`, `NetworkInformation.
 * NetworkStatusChanged`) and reports what it sees. `DerivedNotificationSource`
 * (`lib/derived/`) turns it into a {@link NotificationSource}, with the thresholds and the
 * data-plan poll shared by every backend.
 */
export interface DerivedObserver {
  /**
   * Starts watching. First reports every account's registration, connection and data plan with
   * `initial: true`, then each change: a registration on every `AccountUpdated` with
   * `HasNetworkChanged`; on `NetworkStatusChanged`, the connection and the data plan of every
   * account.
   */
  start(sink: DerivedObservationSink): Promise<DerivedObserverHandle>;
}

// ---------------------------------------------------------------------------------------------
// USSD
// ---------------------------------------------------------------------------------------------

/** `UssdResultCode`. */
export type UssdResultCode =
  | 'noActionRequired'
  | 'actionRequired'
  | 'terminated'
  | 'otherLocalClient'
  | 'operationNotSupported'
  | 'networkTimeout';

/** `UssdReply`: what the network answered to one USSD string. */
export interface UssdReply {
  /**
   * `actionRequired`: the network waits for the next string on the same session;
   * `noActionRequired`: the dialogue is over; `terminated`: the network ended it;
   * `otherLocalClient`: another app on the machine holds the USSD session;
   * `operationNotSupported`: the network or the modem does not support the request;
   * `networkTimeout`: the network did not answer in time.
   */
  resultCode: UssdResultCode;
  /** The network's answer, decoded; absent when the network sent none. */
  message: string | undefined;
}

/**
 * One USSD dialogue on one network account (`UssdSession`). Strings reach it checked (the GSM
 * 7-bit alphabet, 1–182 characters: `checkUssdText`); a backend sends them as given.
 */
export interface UssdSessionBackend {
  /**
   * Sends a USSD string and resolves with the network's reply
   * (`UssdSession.SendMessageAndGetReplyAsync`). After `actionRequired` the session waits for
   * the next string; after any other result the next `send` starts a new dialogue. After
   * {@link UssdSessionBackend.close} it rejects with `ERR_CLOSED`, and a send pending when the
   * session closes rejects with `ERR_CLOSED` too. One send at a time: a send while another is
   * pending rejects with `ERR_INVALID_STATE`. An aborted signal rejects with `ERR_ABORTED`.
   */
  send(text: string, options?: OperationOptions): Promise<UssdReply>;
  /** Ends the dialogue (`UssdSession.Close`). Calling it twice is harmless. */
  close(): Promise<void>;
}

/** The USSD part of a backend. */
export interface UssdBackend {
  /**
   * Opens a session on a network account (`UssdSession.CreateFromNetworkAccountId`). An id
   * that names no account is `ERR_INVALID_ARGUMENT` (the accounts present named).
   */
  open(networkAccountId: string): Promise<UssdSessionBackend>;
}

// ---------------------------------------------------------------------------------------------
// Provisioning
// ---------------------------------------------------------------------------------------------

/** `ProvisionFromXmlDocumentResults`, as Windows gives it. */
export interface ProvisioningApplyResult {
  /** Whether Windows applied every element (`AllElementsProvisioned`). */
  allElementsProvisioned: boolean;
  /**
   * Windows' per-element result document (`ProvisionResultsXml`): a `CarrierProvisioningResult`
   * whose elements carry `errorCode` attributes. The public layer parses it.
   */
  resultsXml: string;
}

/** Options of {@link ProvisioningBackend.apply}. */
export interface ProvisioningApplyOptions extends OperationOptions {
  /**
   * The account whose `ProvisioningAgent` applies the document
   * (`ProvisioningAgent.CreateFromNetworkAccountId`); the default agent when absent.
   */
  networkAccountId?: string;
  /**
   * The window that owns any UI Windows shows while it applies the document, for a desktop app
   * (`IInitializeWithWindow.Initialize` on the agent before the call): an `HWND`, as a `bigint`
   * or as the `Buffer` Electron's `BrowserWindow.getNativeWindowHandle()` returns (4 or 8 bytes,
   * little-endian). A zero, negative, wider or otherwise malformed value is
   * `ERR_INVALID_ARGUMENT`. An agent that takes no owner window applies the document without
   * it (and the native backend says so in a process warning, `WMBB_OWNER_WINDOW_UNSUPPORTED`).
   */
  ownerWindow?: Buffer | bigint;
}

/** The provisioning part of a backend. */
export interface ProvisioningBackend {
  /**
   * Applies a `CarrierProvisioning` document (`ProvisioningAgent.ProvisionFromXmlDocumentAsync`).
   * The caller has validated it (`parseProvisioning`); the backend applies it as given.
   * `E_ACCESSDENIED` (the document touches another operator's profiles) is
   * `ERR_NOT_AUTHORIZED` with the HRESULT.
   */
  apply(xml: string, options?: ProvisioningApplyOptions): Promise<ProvisioningApplyResult>;
}
