/**
 * The native backend's USSD part: `UssdSession.CreateFromNetworkAccountId` through the addon
 * (native/addon/ussd; the session lives on the addon's MTA thread), each session a
 * {@link NativeUssdSession}. An id Windows refuses and the accounts do not list is
 * `ERR_INVALID_ARGUMENT` naming the accounts present (CreateFromNetworkAccountId's HRESULT for
 * an unknown id is not documented, so the list decides, as for the modems part).
 *
 * @module
 * @internal
 */

import type { ModemBackend, UssdBackend, UssdSessionBackend } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { unknownAccountError } from '../modems/unknown-account.js';
import type { NativeAddon, NativeUssdSessionRef } from './addon-types.js';
import { fromNativeError } from './hresult.js';
import { NativeUssdSession, ussdAdvice } from './native-ussd-session.js';

const operation = 'Opening a USSD session';

export class NativeUssd implements UssdBackend {
  readonly #addon: NativeAddon;
  readonly #modems: ModemBackend;
  readonly #sessions = new Set<NativeUssdSession>();
  #closed = false;

  constructor(addon: NativeAddon, modems: ModemBackend) {
    this.#addon = addon;
    this.#modems = modems;
  }

  async open(networkAccountId: string): Promise<UssdSessionBackend> {
    if (this.#closed) throw closedError();
    if (typeof networkAccountId !== 'string' || networkAccountId === '') {
      throw unknownAccountError(networkAccountId, await this.#knownIds());
    }
    let ref: NativeUssdSessionRef;
    try {
      ref = await this.#addon.ussd.open(networkAccountId).promise;
    } catch (error) {
      // The accounts read may fail as well (the same service); then Windows' own answer stands.
      const known = await this.#knownIds().catch(() => undefined);
      if (known !== undefined && !known.includes(networkAccountId)) {
        throw unknownAccountError(networkAccountId, known);
      }
      throw fromNativeError(error, { operation, advice: ussdAdvice });
    }
    if (this.#closed) {
      await ref.close().promise.catch(() => undefined);
      throw closedError();
    }
    const session = new NativeUssdSession(ref, (s) => this.#sessions.delete(s));
    this.#sessions.add(session);
    return session;
  }

  /** Closes every open session: pending sends reject with `ERR_CLOSED`. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#sessions].map((session) => session.close().catch(() => undefined)));
  }

  async #knownIds(): Promise<string[]> {
    return (await this.#modems.accounts()).map((account) => account.networkAccountId);
  }
}

function closedError(): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    'ussd.open(): the native backend is closed; connect() again',
  );
}
