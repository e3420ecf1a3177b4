/**
 * The error every backend gives when the hotspot of the internet connection profile is asked
 * for and the machine has no internet connection: there is nothing to share, and Windows makes
 * no manager (`NetworkInformation.GetInternetConnectionProfile()` answers null). Worded once.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';

/** `ERR_INVALID_STATE`: Windows has no internet connection profile. */
export function noInternetError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_INVALID_STATE',
    `${operation}: there is no internet connection to share (Windows has no internet connection profile); connect to the internet first (mobile broadband, Ethernet or Wi-Fi), or share a named connection profile instead (mbb.tethering.forProfile(name))`,
    { details: { call: 'NetworkInformation.GetInternetConnectionProfile' } },
  );
}
