/**
 * A stand-in for a backend part that a backend does not implement: every method rejects with
 * `ERR_NOT_SUPPORTED`, naming the backend and the method, so nothing is ever `undefined`.
 *
 * @module
 */

import { MobileBroadbandError } from './errors.js';

/**
 * Makes a backend part whose every method rejects with `ERR_NOT_SUPPORTED`.
 *
 * @param backendName The backend's name, for the message.
 * @param part The part's name (`'esim'`, `'tethering'`, …).
 * @param why Optional: why it is not supported and what to do instead.
 */
export function notSupported<T extends object>(backendName: string, part: string, why?: string): T {
  return new Proxy(Object.create(null) as T, {
    get(_target, property) {
      // Not a thenable, not inspectable as anything but an empty object.
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') {
        return undefined;
      }
      return () =>
        Promise.reject(
          new MobileBroadbandError(
            'ERR_NOT_SUPPORTED',
            `The ${backendName} backend does not support ${part}.${property}()${why ? `: ${why}` : ''}`,
            { details: { backend: backendName, part, method: property } },
          ),
        );
    },
  });
}
