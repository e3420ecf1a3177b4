/**
 * How `wmbb esim` shows eSIMs, profiles and offered profiles, as text and as JSON: the EID and
 * every ICCID masked unless the user asked for `--reveal`, what the user supplied (nicknames,
 * provider names) escaped and bounded.
 *
 * @module
 */

import type {
  EsimInfo,
  EsimProfileInfo,
  EsimProfileMetadataInfo,
  EsimProfilePolicy,
} from '../../backend.js';
import type { Identify } from '../identify.js';
import { printableUserText } from '../../text/quote-user-value.js';

/** The most characters of a name (provider, nickname) shown in text output. */
const maxNameChars = 80;

/** An eSIM for JSON output, identifiers as `id` shows them. */
export function esimJson(esim: EsimInfo, id: Identify): Record<string, unknown> {
  return {
    id: id(esim.id),
    eid: id(esim.eid),
    state: esim.state,
    firmwareVersion: esim.firmwareVersion,
    availableMemoryBytes: esim.availableMemoryBytes ?? null,
    slotIndex: esim.slotIndex ?? null,
    modemDeviceId: esim.modemDeviceId,
    policy: esim.policy,
    profiles: esim.profiles.map((p, index) => profileJson(p, index, id)),
  };
}

function profileJson(p: EsimProfileInfo, index: number, id: Identify): Record<string, unknown> {
  return {
    number: index + 1,
    id: id(p.id),
    class: p.class,
    state: p.state,
    providerName: p.providerName,
    providerId: p.providerId,
    nickname: p.nickname,
    policy: p.policy,
  };
}

/** An offered profile for JSON output (the handle is an opaque local name, not a secret). */
export function metadataJson(m: EsimProfileMetadataInfo, id: Identify): Record<string, unknown> {
  return {
    id: id(m.id),
    providerName: m.providerName,
    providerId: m.providerId,
    state: m.state,
    isConfirmationCodeRequired: m.isConfirmationCodeRequired,
    policy: m.policy,
  };
}

/** The eSIMs as `wmbb esim list` prints them. */
export function formatEsims(esims: readonly EsimInfo[], id: Identify): string {
  if (esims.length === 0) return 'No eSIM on this machine.\n';
  return esims.map((esim, index) => formatEsim(esim, index, id)).join('\n');
}

export function formatEsim(esim: EsimInfo, index: number, id: Identify): string {
  const facts = [
    esim.state,
    esim.slotIndex === undefined ? undefined : `slot ${esim.slotIndex}`,
    esim.firmwareVersion === '' ? undefined : `firmware ${name(esim.firmwareVersion)}`,
    esim.availableMemoryBytes === undefined
      ? undefined
      : `${formatBytes(esim.availableMemoryBytes)} free`,
  ].filter((f) => f !== undefined);
  let out = `eSIM ${index + 1}  EID ${id(esim.eid)}  ${facts.join(', ')}\n`;
  if (esim.profiles.length === 0) out += '  (no profile)\n';
  esim.profiles.forEach((p, i) => {
    const nickname = p.nickname === '' ? '' : `  "${name(p.nickname)}"`;
    out += `  ${String(i + 1).padStart(2)}  ${p.state.padEnd(8)}  ${p.class.padEnd(11)}  ${name(p.providerName) || '(no provider name)'}  ICCID ${id(p.id)}${nickname}${policyNote(p.policy)}\n`;
  });
  return out;
}

/** A profile on offer, before it is installed: what the user is about to accept. */
export function formatMetadata(m: EsimProfileMetadataInfo, id: Identify): string {
  const provider = `${name(m.providerName) || '(no name)'}${m.providerId === '' ? '' : ` (${name(m.providerId)})`}`;
  return [
    'Profile on offer',
    `  provider               ${provider}`,
    `  ICCID                  ${m.id === '' ? '(not given)' : id(m.id)}`,
    `  state                  ${m.state}`,
    `  policy                 ${policyWords(m.policy)}`,
    `  confirmation code      ${m.isConfirmationCodeRequired ? 'required' : 'not needed'}`,
    '',
  ].join('\n');
}

/** `1.2 MB` style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A profile's description in questions and results: provider, nickname, masked ICCID. */
export function profileLabel(p: EsimProfileInfo, id: Identify): string {
  const nickname = p.nickname === '' ? '' : ` "${name(p.nickname)}"`;
  return `${name(p.providerName) || 'profile'}${nickname} (ICCID ${id(p.id)})`;
}

function policyWords(policy: EsimProfilePolicy): string {
  const words = [
    policy.canDelete ? 'may be deleted' : 'may not be deleted',
    policy.canDisable ? 'may be disabled' : 'may not be disabled',
  ];
  if (policy.isManagedByEnterprise) words.push('managed by an enterprise');
  return words.join(', ');
}

function policyNote(policy: EsimProfilePolicy): string {
  const notes = [
    policy.canDelete ? undefined : 'no delete',
    policy.canDisable ? undefined : 'no disable',
    policy.isManagedByEnterprise ? 'managed' : undefined,
  ].filter((n) => n !== undefined);
  return notes.length === 0 ? '' : `  [${notes.join(', ')}]`;
}

function name(text: string): string {
  return printableUserText(text, maxNameChars);
}
