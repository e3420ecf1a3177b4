/**
 * `windows-mobile-broadband/fake`: a simulated Windows for tests on any OS.
 *
 * `createFakeBackend()` makes an independent machine with a virtual clock. Its controls
 * (`register`, `connect`, `transfer`, `receiveSms`, `requestTethering`, `play`, …) raise exactly
 * the notifications Windows would, through the same typed pipeline as the native backend.
 *
 * @module
 */

export {
  createFakeBackend,
  FakeBackend,
  type FakeBackendOptions,
  type FakeClock,
} from './fake-backend.js';
export type { FakeAccount, FakeOutcome } from './fake-context.js';
export {
  FakeNotificationSource,
  type RecordedEntitlementAnswer,
} from './fake-notification-source.js';
export { thresholdSteps, type FakeUsage } from './fake-data-plan.js';
export type { BillingCycle } from './fake-billing-cycle.js';
export { registrationStates } from './fake-network.js';
export type { IncomingSms, OperatorMessageOutcome } from './fake-operator-messages.js';
export {
  FakeProvisioning,
  type FakeProvisioningCall,
  type FakeProvisioningFailure,
  type FakeProvisioningScript,
  type ProvisionOutcome,
} from './fake-provisioning.js';
export { FakeUssd, fakeUssdBalance, type FakeUssdReply } from './fake-ussd.js';
export {
  FakeTethering,
  noConnectionsTimeoutMs,
  tetheringApiBuilds,
  type ScriptedTetheringOutcome,
  type TetheringPolicy,
  type TetheringRequestOutcome,
} from './fake-tethering.js';
export type { PlayOptions, ScenarioReport, StepReport } from './scenario/play-scenario.js';
export type {
  Scenario,
  ScenarioAction,
  ScenarioApp,
  ScenarioDuration,
  ScenarioStep,
  ScenarioTiming,
} from './scenario/scenario-types.js';
export { scenarioSchemaPath, validateScenario } from './scenario/validate-scenario.js';
export {
  FakeEsim,
  type FakeEsimAccess,
  type FakeEsimCardScript,
  type FakeEsimCodeScript,
  type FakeEsimDiscoverScript,
  type FakeEsimMember,
  type FakeEsimProfileScript,
} from './fake-esim.js';
export type { FakeEsimInit, FakeEsimPatch, FakeEsimProfileInit } from './fake-esim-data.js';
export { VirtualClock } from './virtual-clock.js';
export { FakeLinks } from './fake-links.js';
export { FakeOperatorTasks, type FakeTaskRegistration } from './fake-operator-tasks.js';
export type { BackgroundAccessStatus } from '../notifications/operator-tasks.js';
