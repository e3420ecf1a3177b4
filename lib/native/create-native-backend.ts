/**
 * `createNativeBackend` as the root export and `serveOperatorEvents` reach it: the native
 * backend's two dozen modules load on the first call, not when the package is required
 * (issue 17: start-up; off Windows nobody calls it).
 *
 * @module
 */

import type { Backend } from '../backend.js';
import type { NativeBackendOptions } from './native-backend.js';

export type { NativeBackendOptions, OperatorEventsMode } from './native-backend.js';

/** Creates the native backend; rejects with `ERR_NATIVE_LOAD` if the addon cannot be loaded. */
export async function createNativeBackend(options?: NativeBackendOptions): Promise<Backend> {
  const nativeBackend = await import('./native-backend.js');
  return nativeBackend.createNativeBackend(options);
}
