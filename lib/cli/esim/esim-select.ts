/**
 * Which eSIM and which profile a `wmbb esim` command acts on. An eSIM is named by `--esim`
 * with its number in `wmbb esim list` or its EID, and may be left out when there is only one;
 * a profile by its number in the list or its whole ICCID (the list masks ICCIDs, so the number
 * is what a person types; scripts pass the ICCID they read with `--reveal`).
 *
 * @module
 */

import type { EsimInfo, EsimProfileInfo } from '../../backend.js';
import { MobileBroadbandError } from '../../errors.js';
import { maskIdentifier } from '../../text/mask-identifier.js';

const listNumber = /^#?([1-9]\d{0,3})$/;

/** The eSIM `--esim` names, or the only one. */
export function selectEsim(esims: readonly EsimInfo[], wanted: string | undefined): EsimInfo {
  if (esims.length === 0) {
    throw new MobileBroadbandError('ERR_NOT_SUPPORTED', 'this machine has no eSIM');
  }
  if (wanted === undefined) {
    if (esims.length === 1) return esims[0] as EsimInfo;
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `this machine has ${esims.length} eSIMs: pick one with --esim <number> (see wmbb esim list)`,
    );
  }
  const number = listNumber.exec(wanted);
  const found =
    number === null
      ? esims.find((e) => e.eid === wanted || e.id === wanted)
      : esims[Number(number[1]) - 1];
  if (found === undefined) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `--esim ${maskIdentifier(wanted)} names no eSIM present: give its number in wmbb esim list (1 to ${esims.length}) or its whole EID`,
    );
  }
  return found;
}

/** The profile of `esim` that `wanted` (a list number or an ICCID) names. */
export function selectProfile(esim: EsimInfo, wanted: string): EsimProfileInfo {
  const number = listNumber.exec(wanted);
  const found =
    number === null
      ? esim.profiles.find((p) => p.id === wanted)
      : esim.profiles[Number(number[1]) - 1];
  if (found === undefined) {
    const range =
      esim.profiles.length === 0 ? 'it has none' : `1 to ${esim.profiles.length}, or an ICCID`;
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${maskIdentifier(wanted)} names no profile on this eSIM (${range}; see wmbb esim list)`,
    );
  }
  return found;
}
