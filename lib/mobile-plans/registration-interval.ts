/**
 * The `networkRegistrationInterval` of `notifyPurchaseWithProfileDownload`.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';

/** The app schedules its registration attempt in steps of this many minutes. */
export const registrationStepMinutes = 15;

/**
 * Minutes until the registration attempt: the interval rounded up to the next multiple of 15
 * (5 → 15, 15 → 15, 16 → 30); 0 means now. Throws `ERR_INVALID_ARGUMENT` for anything but a
 * finite number of minutes from 0 (the host turns that into a reported violation).
 */
export function roundRegistrationInterval(minutes: unknown): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `networkRegistrationInterval must be a number of minutes from 0, got ${
        typeof minutes === 'number' ? String(minutes) : typeof minutes
      }`,
    );
  }
  return Math.ceil(minutes / registrationStepMinutes) * registrationStepMinutes;
}
