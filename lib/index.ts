/**
 * `windows-mobile-broadband`: Windows Mobile Broadband for Node.js.
 *
 * Start with {@link connect}. Tests on any OS use the fake backend from
 * `windows-mobile-broadband/fake`.
 *
 * @module
 */

export { connect, defaultBackendName, type ConnectOptions } from './connect.js';
export { MobileBroadband, type MobileBroadbandOptions } from './mobile-broadband.js';
export {
  ErrorCodes,
  formatHresult,
  isMobileBroadbandError,
  MobileBroadbandError,
  type ErrorCode,
  type MobileBroadbandErrorOptions,
} from './errors.js';
export { notSupported } from './not-supported.js';
export { systemClock, type Clock, type TimerHandle } from './clock.js';
export {
  NotificationType,
  notificationTypeNames,
  type KnownMessageType,
  type KnownNotificationTypeName,
  type NotificationTypeName,
} from './notifications/notification-type.js';
export type * from './notifications/notification.js';
export {
  Notifications,
  type NotificationEventMap,
  type NotificationEventName,
  type NotificationListener,
  type OverflowInfo,
} from './notifications/notifications.js';
export { TypedEmitter, type EventListeners } from './events/typed-emitter.js';
export { NotificationStream, type StreamOptions } from './notifications/notification-stream.js';
export type { EntitlementOptions } from './notifications/entitlement-check.js';
export {
  createRegistrationTracker,
  type RegistrationChange,
  type RegistrationTracker,
  type RegistrationTrackerOptions,
  type RoamingState,
} from './notifications/registration-tracker.js';
export type * from './backend.js';
export * from './provisioning/index.js';
export * from './messages/index.js';
export { Esim } from './esim/esim.js';
export {
  EsimWatcher,
  type EsimOverflowInfo,
  type EsimWatcherEventMap,
  type EsimWatcherEventName,
} from './esim/esim-watcher.js';
export { esimCapability } from './esim/esim-errors.js';
export { esimStatusAdvice, type EsimAdvice, type EsimAdviceFacts } from './esim/esim-advice.js';
export type {
  EsimDiscoverOptions,
  EsimDiscoveredEvent,
  EsimDiscovery,
} from './esim/esim-discovery.js';
export {
  maskMatchingId,
  maxActivationCodeLength,
  parseActivationCode,
  type ActivationCode,
} from './esim/activation-code.js';
export {
  createNativeBackend,
  type NativeBackendOptions,
  type OperatorEventsMode,
} from './native/create-native-backend.js';
export {
  serveOperatorEvents,
  defaultServeIdleMs,
  type OperatorEventsHandler,
  type ServeOperatorEventsOptions,
  type ServeOperatorEventsResult,
} from './serve-operator-events.js';
export { Modems, type Account, type DataPlan } from './modems/modems.js';
export { Ussd, UssdSession, type UssdOpenOptions, type UssdSendOptions } from './ussd/ussd.js';
export { checkUssdText, maxUssdSeptets } from './ussd/ussd-text.js';
export { Provisioning, type ProvisioningApplyOutcome } from './provisioning/provisioning.js';
export type { DerivedOptions } from './derived/derived-options.js';
export {
  DerivedNotificationSource,
  type DerivedSourceParts,
} from './derived/derived-notification-source.js';
export { DerivedNotifications } from './derived/derived-notifications.js';
export { defaultDataPlanPollMs, defaultHotspotPollMs } from './derived/derived-options.js';
export {
  Tethering,
  type HotspotStartOptions,
  type HotspotStopOptions,
} from './tethering/tethering.js';
export type { HotspotDiagnosis, HotspotFinding } from './tethering/diagnose-hotspot.js';
export {
  maxPassphraseLength,
  maxSsidBytes,
  minPassphraseLength,
  tetheringAuthenticationKinds,
  tetheringBands,
} from './tethering/check-access-point.js';
