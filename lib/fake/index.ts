/**
 * `windows-mobile-broadband/fake`: a simulated Windows for tests on any OS.
 *
 * @module
 */

export {
  createFakeBackend,
  FakeBackend,
  type FakeBackendOptions,
  type FakeClock,
} from './fake-backend.js';
export {
  FakeNotificationSource,
  type RecordedEntitlementAnswer,
} from './fake-notification-source.js';
export { VirtualClock } from './virtual-clock.js';
