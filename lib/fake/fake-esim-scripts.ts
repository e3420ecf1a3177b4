/**
 * How the fake eSIM service answers operations: per activation code
 * ({@link FakeEsim.script}), per profile ({@link FakeEsim.scriptProfile}) and per eSIM
 * ({@link FakeEsim.scriptEsim}). Checked here, completed with the defaults, so the operations
 * read plain values.
 *
 * @module
 */

import type {
  EsimOperationStatus,
  EsimProfileClass,
  EsimProfileInfo,
  EsimProfilePolicy,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import type { ActivationCode } from '../esim/activation-code.js';
import { checkIccid, maxConfirmationCodeLength } from '../esim/esim-validation.js';
import { esimOperationStatuses } from '../native/winrt-enums.js';

/** How the fake answers one activation code; see {@link FakeEsim.script}. */
export interface FakeEsimCodeScript {
  /** Outcome of `downloadProfileMetadata()` (default `'success'`). */
  download?: EsimOperationStatus;
  /**
   * Outcome of `confirmInstall()` once the confirmation code checks pass (default
   * `'success'`: the profile is added to the eSIM, disabled).
   */
  install?: EsimOperationStatus;
  /** Outcome of `declineInstall()`, deny or postpone (default `'success'`). */
  decline?: EsimOperationStatus;
  /** The profile on offer (defaults: see {@link FakeEsim.script}). */
  metadata?: {
    /** ICCID of the profile (18 to 22 digits). */
    id?: string;
    providerId?: string;
    providerName?: string;
    class?: EsimProfileClass;
    policy?: Partial<EsimProfilePolicy>;
  };
  /**
   * The confirmation code the operator issued. With it the profile requires one
   * (`isConfirmationCodeRequired`), and another code fails with `'incorrectConfirmationCode'`.
   * Without it, the code's own flag (`…$1`) decides whether one is required, and any is accepted.
   */
  confirmationCode?: string;
  /** Progress reports of a successful install (default 4; 0 reports none). */
  progressSteps?: number;
  /** The profile's size in the progress reports (default 262 144 bytes). */
  profileSizeBytes?: number;
  /**
   * How long each operation of this code takes on the fake's clock (default 0: it completes a
   * few microtasks later, without the clock). Progress reports are spread evenly over it.
   */
  durationMs?: number;
}

/** How the fake answers operations on one profile; see {@link FakeEsim.scriptProfile}. */
export interface FakeEsimProfileScript {
  enable?: EsimOperationStatus;
  disable?: EsimOperationStatus;
  nickname?: EsimOperationStatus;
  delete?: EsimOperationStatus;
  /** How long each operation on the profile takes on the fake's clock (default 0). */
  durationMs?: number;
}

/** How the fake answers operations on one eSIM; see {@link FakeEsim.scriptEsim}. */
export interface FakeEsimCardScript {
  reset?: EsimOperationStatus;
  /** How long a reset takes on the fake's clock (default 0). */
  durationMs?: number;
}

/**
 * What an SM-DS (or SM-DP+) answers `discover()` with; see {@link FakeEsim.scriptDiscover}.
 */
export interface FakeEsimDiscoverScript {
  /** `Result.Status` (default `'success'`); any other status finds nothing. */
  status?: EsimOperationStatus;
  /**
   * The `ESimDiscoverEvent`s (kind `'events'`; an empty list is kind `'none'`): profiles waiting
   * at an SM-DP+ (`rspServerAddress`) under a matching id. At most 1000.
   */
  events?: { matchingId: string; rspServerAddress: string }[];
  /** How long the discovery takes on the fake's clock (default 0). */
  durationMs?: number;
}

/** A discover script with every default applied. */
export interface ResolvedDiscoverScript {
  status: EsimOperationStatus;
  events: { matchingId: string; rspServerAddress: string }[];
  durationMs: number;
}

/** Most events a script may list (a hang detector, far above what an SM-DS returns). */
const maxDiscoverEvents = 1000;
/** Longest text of an event's field (an SM-DP+ address is at most 255 characters). */
const maxEventFieldLength = 4096;

/** Checks a discover script. */
export function resolveDiscoverScript(script: unknown, where: string): ResolvedDiscoverScript {
  const s = object(script, where);
  const events = s.events === undefined ? [] : s.events;
  if (!Array.isArray(events) || events.length > maxDiscoverEvents) {
    throw invalid(where, `events must be an array of at most ${maxDiscoverEvents} events`);
  }
  return {
    status: status(s.status, 'status', where) ?? 'success',
    events: events.map((event: unknown, i) => {
      const e = object(event, `${where} events[${i}]`);
      const field = (name: 'matchingId' | 'rspServerAddress'): string => {
        const value = text(e[name], `events[${i}].${name}`, where) ?? '';
        if (value.length > maxEventFieldLength) {
          throw invalid(where, `events[${i}].${name} is longer than ${maxEventFieldLength}`);
        }
        return value;
      };
      // Kept as given, so a test can hand the API what a broken server would.
      return { matchingId: field('matchingId'), rspServerAddress: field('rspServerAddress') };
    }),
    durationMs: integer(s.durationMs, 'durationMs', where, maxDurationMs) ?? 0,
  };
}

/** A code script with every default applied. */
export interface ResolvedCodeScript {
  download: EsimOperationStatus;
  install: EsimOperationStatus;
  decline: EsimOperationStatus;
  profile: EsimProfileInfo;
  confirmationCodeRequired: boolean;
  /** The expected code; undefined: any is accepted. */
  confirmationCode: string | undefined;
  progressSteps: number;
  profileSizeBytes: number;
  durationMs: number;
}

function invalid(where: string, message: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${where}: ${message}`);
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'expected an object');
  }
  return value as Record<string, unknown>;
}

function status(value: unknown, name: string, where: string): EsimOperationStatus | undefined {
  if (value === undefined) return undefined;
  if (!esimOperationStatuses.includes(value as EsimOperationStatus)) {
    throw invalid(
      where,
      `${name} must be an ESimOperationStatus name (${esimOperationStatuses.slice(0, 4).join(', ')}, …), got ${JSON.stringify(value)}`,
    );
  }
  return value as EsimOperationStatus;
}

function integer(value: unknown, name: string, where: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalid(
      where,
      `${name} must be an integer from 0 to ${max}, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  return value;
}

function text(value: unknown, name: string, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(where, `${name} must be a string`);
  return value;
}

const profileClasses: readonly EsimProfileClass[] = ['operational', 'test', 'provisioning'];
const maxDurationMs = 24 * 60 * 60 * 1000;

/** A deterministic ICCID for an unscripted code: 89 (telecom), 999 (test), 14 digits of a hash. */
function iccidFor(code: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < code.length; i++) {
    hash = ((hash ^ BigInt(code.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `89999${(hash % 10n ** 14n).toString().padStart(14, '0')}`;
}

/** Checks a code script; `code` is the parsed activation code it belongs to. */
export function resolveCodeScript(
  code: ActivationCode,
  script: unknown,
  where: string,
): ResolvedCodeScript {
  const s = object(script, where);
  const metadata = s.metadata === undefined ? {} : object(s.metadata, `${where} metadata`);
  const policy = metadata.policy === undefined ? {} : object(metadata.policy, `${where} policy`);
  const confirmationCode = text(s.confirmationCode, 'confirmationCode', where);
  if (
    confirmationCode !== undefined &&
    (confirmationCode === '' || confirmationCode.length > maxConfirmationCodeLength)
  ) {
    throw invalid(
      where,
      `confirmationCode must be a non-empty string of at most ${maxConfirmationCodeLength} characters`,
    );
  }
  const profileClass = metadata.class ?? 'operational';
  if (!profileClasses.includes(profileClass as EsimProfileClass)) {
    throw invalid(where, `metadata.class must be one of ${profileClasses.join(', ')}`);
  }
  return {
    download: status(s.download, 'download', where) ?? 'success',
    install: status(s.install, 'install', where) ?? 'success',
    decline: status(s.decline, 'decline', where) ?? 'success',
    profile: {
      id:
        metadata.id === undefined
          ? iccidFor(code.reveal())
          : checkIccid(metadata.id, `${where} metadata.id`),
      class: profileClass as EsimProfileClass,
      nickname: '',
      providerId: text(metadata.providerId, 'metadata.providerId', where) ?? '',
      providerName: text(metadata.providerName, 'metadata.providerName', where) ?? code.smdpAddress,
      state: 'disabled',
      policy: {
        canDelete: policy.canDelete === undefined ? true : Boolean(policy.canDelete),
        canDisable: policy.canDisable === undefined ? true : Boolean(policy.canDisable),
        isManagedByEnterprise: Boolean(policy.isManagedByEnterprise),
      },
    },
    confirmationCodeRequired: confirmationCode !== undefined || code.confirmationCodeRequired,
    confirmationCode,
    progressSteps: integer(s.progressSteps, 'progressSteps', where, 1000) ?? 4,
    profileSizeBytes: integer(s.profileSizeBytes, 'profileSizeBytes', where, 0x7fffffff) ?? 262_144,
    durationMs: integer(s.durationMs, 'durationMs', where, maxDurationMs) ?? 0,
  };
}

/** Checks a profile script. */
export function checkProfileScript(script: unknown, where: string): FakeEsimProfileScript {
  const s = object(script, where);
  const checked: FakeEsimProfileScript = {};
  for (const key of ['enable', 'disable', 'nickname', 'delete'] as const) {
    const value = status(s[key], key, where);
    if (value !== undefined) checked[key] = value;
  }
  const durationMs = integer(s.durationMs, 'durationMs', where, maxDurationMs);
  if (durationMs !== undefined) checked.durationMs = durationMs;
  return checked;
}

/** Checks an eSIM script. */
export function checkCardScript(script: unknown, where: string): FakeEsimCardScript {
  const s = object(script, where);
  const checked: FakeEsimCardScript = {};
  const reset = status(s.reset, 'reset', where);
  if (reset !== undefined) checked.reset = reset;
  const durationMs = integer(s.durationMs, 'durationMs', where, maxDurationMs);
  if (durationMs !== undefined) checked.durationMs = durationMs;
  return checked;
}
