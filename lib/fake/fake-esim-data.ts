/**
 * What tests give the fake eSIM (`insert()`, `addProfile()`, `update()`), checked and completed
 * into the contract's {@link EsimInfo} form.
 *
 * @module
 */

import type {
  EsimInfo,
  EsimProfileClass,
  EsimProfileInfo,
  EsimProfilePolicy,
  EsimProfileState,
  EsimState,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { checkIccid } from '../esim/esim-validation.js';

export { checkIccid };

/** An eSIM for {@link FakeEsim.insert}. Only `eid` is required. */
export interface FakeEsimInit {
  /** The EID: 32 digits. It is also the eSIM's id. */
  eid: string;
  /** Default `'1.0.0'`. */
  firmwareVersion?: string;
  /** Default `'\\\\?\\fake-modem-0'`-style id derived from the EID. */
  modemDeviceId?: string;
  /** Default: not reported. */
  availableMemoryBytes?: number;
  /** Default `'idle'`. */
  state?: EsimState;
  /** Default: not reported. */
  slotIndex?: number;
  /** Default `{ shouldEnableManagingUi: false }`. */
  policy?: { shouldEnableManagingUi: boolean };
  profiles?: FakeEsimProfileInit[];
}

/** A profile for {@link FakeEsimInit.profiles} and {@link FakeEsim.addProfile}. */
export interface FakeEsimProfileInit {
  /** The ICCID: 18 to 22 digits (the Luhn check digit is not enforced, as Windows does not). */
  id: string;
  /** Default `'operational'`. */
  class?: EsimProfileClass;
  /** Default `''`. */
  nickname?: string;
  /** Default `''`. */
  providerId?: string;
  /** Default `''`. */
  providerName?: string;
  /** Default `'disabled'`. */
  state?: EsimProfileState;
  /** Default: may delete, may disable, not managed. */
  policy?: Partial<EsimProfilePolicy>;
}

/** What {@link FakeEsim.update} may change. */
export type FakeEsimPatch = Partial<Omit<FakeEsimInit, 'eid' | 'profiles'>>;

const esimStates: readonly EsimState[] = ['unknown', 'idle', 'removed', 'busy'];
const profileClasses: readonly EsimProfileClass[] = ['operational', 'test', 'provisioning'];
const profileStates: readonly EsimProfileState[] = ['unknown', 'disabled', 'enabled', 'deleted'];

function invalid(where: string, message: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${where}: ${message}`);
}

/** Checks an EID (32 digits). */
export function checkEid(eid: unknown, where: string): string {
  if (typeof eid !== 'string' || !/^\d{32}$/.test(eid)) {
    throw invalid(where, `eid must be 32 digits, got ${JSON.stringify(eid)}`);
  }
  return eid;
}

function optionalString(value: unknown, name: string, where: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw invalid(where, `${name} must be a string`);
  return value;
}

function optionalInt32(value: unknown, name: string, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw invalid(
      where,
      `${name} must be an integer from 0 to 2147483647, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  names: readonly T[],
  name: string,
  where: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!names.includes(value as T)) {
    throw invalid(
      where,
      `${name} must be one of ${names.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}

function checkObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'expected an object');
  }
  return value as Record<string, unknown>;
}

/** A complete profile from an init. */
export function toProfile(init: unknown, where: string): EsimProfileInfo {
  const p = checkObject(init, where);
  const policy = p.policy === undefined ? {} : checkObject(p.policy, `${where} policy`);
  return {
    id: checkIccid(p.id, where),
    class: oneOf(p.class, profileClasses, 'class', where, 'operational'),
    nickname: optionalString(p.nickname, 'nickname', where, ''),
    providerId: optionalString(p.providerId, 'providerId', where, ''),
    providerName: optionalString(p.providerName, 'providerName', where, ''),
    state: oneOf(p.state, profileStates, 'state', where, 'disabled'),
    policy: {
      canDelete: policy.canDelete === undefined ? true : Boolean(policy.canDelete),
      canDisable: policy.canDisable === undefined ? true : Boolean(policy.canDisable),
      isManagedByEnterprise: Boolean(policy.isManagedByEnterprise),
    },
  };
}

/** Applies the changeable fields of `patch` to `base` (or defaults). */
export function applyPatch(base: EsimInfo, patch: unknown, where: string): EsimInfo {
  const p = checkObject(patch, where);
  const policy = p.policy === undefined ? undefined : checkObject(p.policy, `${where} policy`);
  return {
    ...base,
    firmwareVersion: optionalString(
      p.firmwareVersion,
      'firmwareVersion',
      where,
      base.firmwareVersion,
    ),
    modemDeviceId: optionalString(p.modemDeviceId, 'modemDeviceId', where, base.modemDeviceId),
    availableMemoryBytes:
      'availableMemoryBytes' in p
        ? optionalInt32(p.availableMemoryBytes, 'availableMemoryBytes', where)
        : base.availableMemoryBytes,
    state: oneOf(p.state, esimStates, 'state', where, base.state),
    slotIndex: 'slotIndex' in p ? optionalInt32(p.slotIndex, 'slotIndex', where) : base.slotIndex,
    policy:
      policy === undefined
        ? base.policy
        : { shouldEnableManagingUi: Boolean(policy.shouldEnableManagingUi) },
  };
}

/** A complete eSIM from an init. */
export function toEsim(init: unknown, where: string): EsimInfo {
  const p = checkObject(init, where);
  const eid = checkEid(p.eid, where);
  const base: EsimInfo = {
    id: eid,
    eid,
    firmwareVersion: '1.0.0',
    availableMemoryBytes: undefined,
    modemDeviceId: `\\\\?\\fake-modem#${eid.slice(-4)}`,
    state: 'idle',
    slotIndex: undefined,
    policy: { shouldEnableManagingUi: false },
    profiles: [],
  };
  const esim = applyPatch(base, { ...p, eid: undefined, profiles: undefined }, where);
  if (p.profiles !== undefined) {
    if (!Array.isArray(p.profiles)) throw invalid(where, 'profiles must be an array');
    const seen = new Set<string>();
    for (const [i, profileInit] of p.profiles.entries()) {
      const profile = toProfile(profileInit, `${where} profiles[${i}]`);
      if (seen.has(profile.id)) throw invalid(where, `profile ${profile.id} appears twice`);
      seen.add(profile.id);
      esim.profiles.push(profile);
    }
  }
  return esim;
}

/** A deep copy, so listeners can keep or change what they receive. */
export function copyEsim(esim: EsimInfo): EsimInfo {
  return {
    ...esim,
    policy: { ...esim.policy },
    profiles: esim.profiles.map((profile) => ({ ...profile, policy: { ...profile.policy } })),
  };
}
