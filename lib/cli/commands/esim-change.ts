/**
 * `wmbb esim enable | disable | delete | nickname | reset`: the changes to a profile or an
 * eSIM. The ones that lose something — disabling (the connection goes), deleting (the profile
 * is gone for good), resetting (every profile is) — ask first; `--yes` answers for a script.
 *
 * @module
 */

import type { EsimInfo, EsimProfileInfo } from '../../backend.js';
import type { CliContext } from '../cli-context.js';
import { confirmAction } from '../esim/ask.js';
import {
  runEsimCommand,
  withSignal,
  type EsimCommonOptions,
  type EsimSession,
} from '../esim/esim-session.js';
import { selectProfile } from '../esim/esim-select.js';
import { profileLabel } from '../esim/esim-view.js';

export interface EsimChangeOptions extends EsimCommonOptions {
  yes?: boolean;
}

type ProfileChange = 'enable' | 'disable' | 'delete';

const past: Record<ProfileChange | 'nickname' | 'reset', string> = {
  enable: 'enabled',
  disable: 'disabled',
  delete: 'deleted',
  nickname: 'renamed',
  reset: 'reset',
};

/** enable, disable or delete the profile `wanted` names. */
export function esimProfileChange(
  context: CliContext,
  change: ProfileChange,
  wanted: string,
  options: EsimChangeOptions,
): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    const esim = await session.target();
    const profile = selectProfile(esim, wanted);
    const label = profileLabel(profile, session.id);
    if (change !== 'enable')
      await confirmAction(session.terminal, `${change} ${label}`, {
        ...options,
        ...withSignal(session),
      });
    const { esim: api } = session.mbb;
    const call =
      change === 'enable'
        ? api.enableProfile(esim.id, profile.id, withSignal(session))
        : change === 'disable'
          ? api.disableProfile(esim.id, profile.id, withSignal(session))
          : api.deleteProfile(esim.id, profile.id, withSignal(session));
    await call;
    report(options, context, session, change, esim, profile, label);
  });
}

/** Sets (or with `''` clears) a profile's nickname. */
export function esimNickname(
  context: CliContext,
  wanted: string,
  nickname: string,
  options: EsimChangeOptions,
): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    const esim = await session.target();
    const profile = selectProfile(esim, wanted);
    await session.mbb.esim.setProfileNickname(esim.id, profile.id, nickname, withSignal(session));
    report(
      options,
      context,
      session,
      'nickname',
      esim,
      profile,
      profileLabel({ ...profile, nickname }, session.id),
    );
  });
}

/** Deletes every profile of the eSIM. */
export function esimReset(context: CliContext, options: EsimChangeOptions): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    const esim = await session.target();
    const label = `eSIM EID ${session.id(esim.eid)}, deleting its ${esim.profiles.length} profile${esim.profiles.length === 1 ? '' : 's'}`;
    await confirmAction(session.terminal, `reset ${label}`, { ...options, ...withSignal(session) });
    await session.mbb.esim.reset(esim.id, withSignal(session));
    if (options.json === true) session.json({ event: 'reset', esim: session.id(esim.eid) });
    else context.io.out(`Reset eSIM EID ${session.id(esim.eid)}: it has no profile now\n`);
  });
}

function report(
  options: EsimChangeOptions,
  context: CliContext,
  session: EsimSession,
  change: ProfileChange | 'nickname',
  esim: EsimInfo,
  profile: EsimProfileInfo,
  label: string,
): void {
  const done = past[change];
  if (options.json === true)
    session.json({ event: done, esim: session.id(esim.eid), profile: session.id(profile.id) });
  else context.io.out(`${done.charAt(0).toUpperCase()}${done.slice(1)} ${label}\n`);
}
