/**
 * How the CLI shows identifiers (EID, ICCID, IMEI, IMSI, phone numbers): masked, unless the
 * user asked with `--reveal`.
 *
 * @module
 */

import { maskIdentifier } from '../text/mask-identifier.js';

/** Shows an identifier whole or masked. */
export type Identify = (value: string) => string;

/** An {@link Identify} for `--reveal` (whole) or without it (masked; `''` stays empty). */
export function identify(reveal: boolean): Identify {
  return (value) => (reveal || value === '' ? value : maskIdentifier(value));
}
