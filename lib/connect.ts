/**
 * `connect()`: the entry point. The only place that looks at the platform.
 *
 * @module
 */

import type { Backend } from './backend.js';
import { MobileBroadbandError } from './errors.js';
import { MobileBroadband, type MobileBroadbandOptions } from './mobile-broadband.js';

/** Options of {@link connect}. */
export interface ConnectOptions extends MobileBroadbandOptions {
  /**
   * The backend to use. Default: the native backend on Windows, a fresh fake backend
   * elsewhere. Pass a fake (`windows-mobile-broadband/fake`) to test against a simulated
   * Windows on any OS.
   */
  backend?: Backend;
}

/**
 * Connects to Windows Mobile Broadband: the native backend on Windows, the fake elsewhere.
 * Succeeds on a machine without a modem or eSIM; each capability reports its own
 * unavailability when first used.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * import { createFakeBackend } from 'windows-mobile-broadband/fake';
 *
 * const fake = createFakeBackend();
 * const mbb = await connect({ backend: fake });
 * mbb.notifications.on('registeredRoaming', (n) => console.log('roaming', n.networkAccountId));
 * await fake.notify({ messageType: 8, networkAccountId: 'account-1', origin: 'system' });
 * await mbb.close();
 * ```
 */
export async function connect(options: ConnectOptions = {}): Promise<MobileBroadband> {
  if (typeof options !== 'object' || options === null) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'connect(options): options must be an object',
    );
  }
  const backend = options.backend ?? (await defaultBackend());
  checkBackend(backend);
  return new MobileBroadband(backend, options);
}

/** The backend `connect()` uses when none is given: native on Windows, the fake elsewhere. */
export function defaultBackendName(): 'native' | 'fake' {
  return process.platform === 'win32' ? 'native' : 'fake';
}

// Each backend's code is loaded when a connection first needs it, not with the package: a
// program that passes its own backend, or runs on one platform, never loads the other.
async function defaultBackend(): Promise<Backend> {
  if (defaultBackendName() === 'native') {
    const { createNativeBackend } = await import('./native/native-backend.js');
    return await createNativeBackend();
  }
  const { createFakeBackend } = await import('./fake/fake-backend.js');
  return createFakeBackend();
}

const parts = ['notifications', 'esim', 'tethering', 'modems', 'ussd', 'provisioning'] as const;

/** A backend from outside the package is checked once, so mistakes fail here, not later. */
function checkBackend(backend: Backend): void {
  const missing: string[] = [];
  if (typeof backend !== 'object' || backend === null) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'connect({ backend }): backend must be an object',
    );
  }
  for (const part of parts) {
    if (typeof backend[part] !== 'object' || backend[part] === null) missing.push(part);
  }
  if (typeof backend.close !== 'function') missing.push('close()');
  if (typeof backend.clock?.now !== 'function') missing.push('clock');
  if (missing.length > 0) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `connect({ backend }): the backend lacks ${missing.join(', ')}. Every part of the Backend contract must be present; use notSupported() for parts it does not implement.`,
    );
  }
}
