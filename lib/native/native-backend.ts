/**
 * The native backend: Windows through the C++ addon. Loaded only on Windows.
 *
 * @module
 */

import type { Backend } from '../backend.js';
import { systemClock, type Clock } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import type { NativeAddon } from './addon-types.js';
import { loadAddon } from './load-addon.js';
import { NativeEsim } from './native-esim.js';
import { NativeModems } from './native-modems.js';
import { NativeLinks, windowsBuildOf } from './native-links.js';
import { release } from 'node:os';
import { NativeDerivedObserver } from './native-derived-observer.js';
import { DerivedNotificationSource } from '../derived/derived-notification-source.js';
import { NativeOperatorTasks, withOperatorTasks } from './native-operator-tasks.js';
import { describeValue } from '../events/describe-value.js';
import { NativeOperatorEvents } from './native-operator-events.js';
import { NativeTethering } from './native-tethering.js';
import { NativeProvisioning } from './native-provisioning.js';
import { NativeUssd } from './native-ussd.js';

/** Options of {@link createNativeBackend}. */
export interface NativeBackendOptions {
  /**
   * How events travel from Windows threads to JavaScript. The defaults suit every use; the
   * benchmark and the conformance suite change them.
   */
  events?: {
    /** Events per JavaScript call at most (default 4096; 1 makes one call per event). */
    maxBatch?: number;
    /**
     * Events waiting for JavaScript at most, per watcher (default 65 536). When JavaScript
     * falls further behind, events are discarded and counted, and the count is reported
     * (`overflow`). Enumeration-completed and stopped are never discarded.
     */
    maxQueued?: number;
    /**
     * How long `close()` waits for Windows to confirm that a watcher stopped or that a pending
     * operation was cancelled (default 5000 ms).
     */
    stopTimeoutMs?: number;
  };
  /**
   * Where notifications come from. `'serve'`: Windows' own operator events, forwarded by the
   * package's background-task component to the COM class this process registers while someone
   * listens (`origin: 'system'`, every MessageType; docs/native.md "Serving the operator app's
   * events"). `'off'`: derived from what any process may read (`origin: 'derived'`).
   * `'auto'` (default): `'serve'` when the process has package identity, else `'off'`.
   */
  operatorEvents?: OperatorEventsMode;
  /**
   * The clock derived notifications stamp records with and time their data-plan poll by
   * (default: the system clock). A test passes a virtual one (the fake's `VirtualClock`) to
   * play the poll in milliseconds.
   */
  clock?: Clock;
  /** @internal The Windows build to take as running (tests of the eSIM doors under Wine). */
  windowsBuild?: number;
  /** @internal An addon object to use instead of loading one (tests). */
  addon?: NativeAddon;
  /**
   * @internal Take the process as having package identity for the background-task helpers
   * (`registerOperatorTasks()`): the Wine lane only, where no process has identity and the test
   * component plays Windows' registrations.
   */
  assumePackageIdentity?: boolean;
}

/** See {@link NativeBackendOptions.operatorEvents}. */
export type OperatorEventsMode = 'auto' | 'serve' | 'off';

const operatorEventsModes: readonly unknown[] = ['auto', 'serve', 'off'];

function positiveInteger(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `createNativeBackend({ events: { ${name} } }) must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Creates the native backend; rejects with `ERR_NATIVE_LOAD` if the addon cannot be loaded. */
export async function createNativeBackend(options: NativeBackendOptions = {}): Promise<Backend> {
  const events = options.events ?? {};
  const limits = {
    maxBatch: positiveInteger(events.maxBatch, 'maxBatch', 4096, 1 << 24),
    maxQueued: positiveInteger(events.maxQueued, 'maxQueued', 65_536, 1 << 24),
    stopTimeoutMs: positiveInteger(events.stopTimeoutMs, 'stopTimeoutMs', 5000, 600_000),
  };
  if (options.addon === undefined && process.platform !== 'win32') {
    throw new MobileBroadbandError(
      'ERR_NOT_SUPPORTED',
      `The native backend runs on Windows only (this is ${process.platform}); use the fake backend (windows-mobile-broadband/fake) elsewhere`,
    );
  }
  const mode = options.operatorEvents ?? 'auto';
  if (!operatorEventsModes.includes(mode)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `createNativeBackend({ operatorEvents }) must be 'auto', 'serve' or 'off', got ${describeValue(mode)}`,
    );
  }
  const addon = options.addon ?? loadAddon<NativeAddon>();
  const clock = options.clock ?? systemClock;
  const esim = new NativeEsim(addon, limits);
  const modems = new NativeModems(addon);
  const tethering = new NativeTethering(addon, { stopTimeoutMs: limits.stopTimeoutMs });
  const ussd = new NativeUssd(addon, modems);
  const provisioning = new NativeProvisioning(
    addon,
    async () => (await modems.accounts()).map((account) => account.networkAccountId),
    { stopTimeoutMs: limits.stopTimeoutMs },
  );
  // A packaged process is the operator's app: Windows' own events reach it through the
  // component. Any other process (node.exe, Electron, the CLI) gets notifications derived from
  // what it may read (lib/derived). Either way the app registers its tasks through the same part.
  const serve = mode === 'serve' || (mode === 'auto' && addon.operator.hasPackageIdentity());
  const source = serve
    ? new NativeOperatorEvents(addon, limits)
    : new DerivedNotificationSource({
        clock,
        observer: new NativeDerivedObserver(addon, modems, limits),
        modems,
        // Events 11/12 of a process without the operator's task: the hotspot poll reads it.
        tethering,
      });
  const notifications = withOperatorTasks(
    source,
    new NativeOperatorTasks(addon, {
      assumePackageIdentity: options.assumePackageIdentity === true,
    }),
  );
  return await Promise.resolve({
    name: 'native',
    clock,
    notifications,
    esim,
    tethering,
    modems,
    links: new NativeLinks(addon, options.windowsBuild ?? windowsBuildOf(release())),
    ussd,
    provisioning,
    close: async () => {
      await esim.close();
      await ussd.close();
      await provisioning.close();
      await tethering.close();
      // Resolves once the addon's MTA thread has released what the close released.
      await addon.core.flush().promise;
    },
  });
}
