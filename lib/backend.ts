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
}

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
  subscribe(sink: NotificationSink): Promise<NotificationSubscription>;
  /**
   * Answers the entitlement check of a MessageType 10 record. Windows expects exactly one
   * answer per check; the public layer guarantees that.
   */
  answerEntitlementCheck(entitlementCheckId: string, answer: EntitlementAnswer): Promise<void>;
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
  status: TetheringOperationStatus;
  /** Windows' additional text (for example the operator's entitlement failure reason). */
  additionalErrorMessage: string;
}

/** The hotspot's current state. */
export interface TetheringStatus {
  capability: TetheringCapability;
  operationalState: TetheringOperationalState;
  clientCount: number;
  maxClientCount: number;
}

/** `NetworkOperatorTetheringAccessPointConfiguration`. The passphrase is a secret. */
export interface AccessPointConfiguration {
  ssid: string;
  passphrase: string;
  band?: 'auto' | 'twoPointFourGigahertz' | 'fiveGigahertz' | 'sixGigahertz';
}

/** `NetworkOperatorTetheringClient`. */
export interface TetheringClient {
  macAddress: string;
  hostNames: string[];
}

/** The tethering part of a backend. */
export interface TetheringBackend {
  /** Capability and state of the hotspot for the internet connection profile. */
  status(): Promise<TetheringStatus>;
  /** `StartTetheringAsync()`; with an operator requiring it, Windows runs an entitlement check. */
  start(options?: OperationOptions): Promise<TetheringOperationResult>;
  /** `StopTetheringAsync()`. */
  stop(options?: OperationOptions): Promise<TetheringOperationResult>;
  /** `GetCurrentAccessPointConfiguration()`. */
  accessPoint(): Promise<AccessPointConfiguration>;
  /** `ConfigureAccessPointAsync(configuration)`. */
  configureAccessPoint(configuration: AccessPointConfiguration): Promise<void>;
  /** `GetTetheringClients()`. */
  clients(): Promise<TetheringClient[]>;
}

// ---------------------------------------------------------------------------------------------
// Modems and accounts
// ---------------------------------------------------------------------------------------------

/** `NetworkRegistrationState`. */
export type NetworkRegistrationState =
  'none' | 'deregistered' | 'searching' | 'home' | 'roaming' | 'partner' | 'denied';

/** A mobile broadband network account and the modem behind it. */
export interface AccountInfo {
  /** `MobileBroadbandAccount.NetworkAccountId`. */
  networkAccountId: string;
  /** GUID of the modem's network interface. */
  interfaceId: string | undefined;
  /** `ServiceProviderGuid`. */
  serviceProviderGuid: string | undefined;
  /** `ServiceProviderName`. */
  serviceProviderName: string;
  /** `MobileBroadbandModem.DeviceId`. */
  modemDeviceId: string | undefined;
  registrationState: NetworkRegistrationState;
  /** `MobileBroadbandNetwork.RegisteredProviderName`. */
  registeredProviderName: string;
  /** Whether a data connection is up. */
  connected: boolean;
}

/** Local data usage against the plan, as Windows counts it. */
export interface DataPlanStatus {
  /** Bytes sent and received since the start of the billing cycle. */
  usedBytes: number;
  /** The plan's limit in bytes, if it has one. */
  limitBytes: number | undefined;
}

/** The modems-and-accounts part of a backend. */
export interface ModemBackend {
  /** Every mobile broadband account on the machine. */
  accounts(): Promise<AccountInfo[]>;
  /** Data usage and limit for an account. */
  dataPlanStatus(networkAccountId: string): Promise<DataPlanStatus>;
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

/** `UssdReply`. */
export interface UssdReply {
  resultCode: UssdResultCode;
  /** The network's answer, decoded; absent when the network sent none. */
  message: string | undefined;
}

/** The USSD part of a backend. */
export interface UssdBackend {
  /** Sends a USSD string (`UssdSession.SendMessageAndGetReplyAsync`). */
  send(networkAccountId: string, text: string, options?: OperationOptions): Promise<UssdReply>;
  /** Ends the session (`UssdSession.Close`). */
  close(networkAccountId: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Provisioning
// ---------------------------------------------------------------------------------------------

/** `ProvisionFromXmlDocumentResults`. */
export interface ProvisioningApplyResult {
  /** Whether Windows applied every element. */
  allElementsProvisioned: boolean;
  /** Windows' per-element result document. */
  resultsXml: string;
}

/** The provisioning part of a backend. */
export interface ProvisioningBackend {
  /**
   * Applies a `CarrierProvisioning` document (`ProvisioningAgent.ProvisionFromXmlDocumentAsync`).
   * The caller has validated it; the backend applies it as given.
   */
  apply(xml: string, options?: OperationOptions): Promise<ProvisioningApplyResult>;
}
