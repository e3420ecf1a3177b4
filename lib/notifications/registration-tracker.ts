/**
 * Roaming changes, the way Windows asks apps to tell users about them.
 *
 * Windows sends RegisteredRoaming / RegisteredHome on every registration (after each resume,
 * each cell change that re-registers), and its guidance is that an app tells the user once on
 * entering roaming and once on returning home, tracking the previous state itself. The tracker
 * does that: it turns the stream of registrations into the changes, per network account.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { checkOptionsObject } from '../check-arguments.js';
import type {
  Notification,
  RegisteredHomeNotification,
  RegisteredRoamingNotification,
} from './notification.js';
import type { Notifications } from './notifications.js';

/** Where an account is registered, as far as the user needs to know. */
export type RoamingState = 'home' | 'roaming';

/** A change worth telling the user about. */
export interface RegistrationChange {
  /** The account (its network account id, or its interface id when that is all there is). */
  account: string;
  /** The previous state; `undefined` when the tracker had none (then `to` is `'roaming'`). */
  from: RoamingState | undefined;
  to: RoamingState;
  /** The registration that caused the change. */
  notification: RegisteredHomeNotification | RegisteredRoamingNotification;
}

/** Options of {@link createRegistrationTracker}. */
export interface RegistrationTrackerOptions {
  /**
   * State saved from an earlier session (see {@link RegistrationTracker.snapshot}), so a
   * restarted app does not tell the user again what it told them before.
   */
  initial?: Readonly<Record<string, RoamingState>>;
  /** Report the very first registration on home as a change too. Default false. */
  announceInitialHome?: boolean;
}

/** Tracks each account's home/roaming state; see {@link createRegistrationTracker}. */
export interface RegistrationTracker {
  /** Feeds one notification; returns the change it makes, if any. Others are ignored. */
  update(notification: Notification): RegistrationChange | undefined;
  /** The last known state of an account. */
  state(account: string): RoamingState | undefined;
  /** Every account's state, to save and pass back as `initial` later. */
  snapshot(): Record<string, RoamingState>;
  /** The changes in a stream of notifications. */
  changes(source: AsyncIterable<Notification>): AsyncGenerator<RegistrationChange>;
  /**
   * Calls `listener` with each change on a connection's notifications; returns a function that
   * detaches it.
   */
  watch(
    notifications: Notifications,
    listener: (change: RegistrationChange) => unknown,
  ): () => void;
}

/**
 * Makes a registration tracker.
 *
 * @example
 * ```ts
 * import { connect, createRegistrationTracker } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * const tracker = createRegistrationTracker();
 * tracker.watch(mbb.notifications, (change) => {
 *   console.log(change.to === 'roaming' ? 'You are now roaming' : 'Back on your home network');
 * });
 * ```
 */
export function createRegistrationTracker(
  options: RegistrationTrackerOptions = {},
): RegistrationTracker {
  checkOptionsObject(options, 'createRegistrationTracker()');
  const states = new Map<string, RoamingState>();
  const initial: unknown = options.initial ?? {};
  if (typeof initial !== 'object' || initial === null)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'createRegistrationTracker(): initial must be an object of account ids and states',
    );
  for (const [account, state] of Object.entries(initial as Record<string, unknown>)) {
    if (state !== 'home' && state !== 'roaming') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `initial state of ${JSON.stringify(account)} must be 'home' or 'roaming', got ${JSON.stringify(state)}`,
      );
    }
    states.set(account, state);
  }
  const announceInitialHome = options.announceInitialHome ?? false;

  const update = (notification: Notification): RegistrationChange | undefined => {
    if (notification.type !== 'registeredHome' && notification.type !== 'registeredRoaming') {
      return undefined;
    }
    const account = notification.networkAccountId ?? notification.interfaceId ?? '';
    const to: RoamingState = notification.type === 'registeredHome' ? 'home' : 'roaming';
    const from = states.get(account);
    states.set(account, to);
    if (from === to) return undefined;
    if (from === undefined && to === 'home' && !announceInitialHome) return undefined;
    return { account, from, to, notification };
  };

  return {
    update,
    state: (account) => states.get(account),
    snapshot: () => Object.fromEntries(states),
    async *changes(source) {
      for await (const notification of source) {
        const change = update(notification);
        if (change !== undefined) yield change;
      }
    },
    watch(notifications, listener) {
      const onRegistration = (notification: Notification): unknown => {
        const change = update(notification);
        return change === undefined ? undefined : listener(change);
      };
      notifications.on('registeredHome', onRegistration);
      notifications.on('registeredRoaming', onRegistration);
      return () => {
        notifications.off('registeredHome', onRegistration);
        notifications.off('registeredRoaming', onRegistration);
      };
    },
  };
}
