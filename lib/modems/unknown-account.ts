/**
 * The error every backend gives for a network account id that names no account, worded once.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { describeKind } from '../check-arguments.js';
import { describeValue } from '../events/describe-value.js';
import { maskIdentifier } from '../text/mask-identifier.js';

/** How many known ids a message lists before it counts the rest. */
const listedIds = 10;

/**
 * `ERR_INVALID_ARGUMENT` naming the accounts present. Network account ids are per-machine GUIDs
 * Windows makes up, not subscriber identifiers, so they are listed whole (a user needs them to
 * call again). What the caller gave is masked: an id that fails is never quoted whole, since an
 * ICCID or IMSI passed by mistake is an identifier.
 */
export function unknownAccountError(
  given: unknown,
  known: readonly string[],
): MobileBroadbandError {
  const shown = known.slice(0, listedIds).map((id) => describeValue(id));
  const more = known.length > listedIds ? ` and ${known.length - listedIds} more` : '';
  const list =
    known.length === 0
      ? 'there is no mobile broadband account on this machine'
      : `the accounts present are ${shown.join(', ')}${more}`;
  return new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `No network account ${typeof given === 'string' ? maskIdentifier(given) : describeKind(given)}: ${list}`,
    { details: { knownAccounts: known.slice(0, listedIds) } },
  );
}
