/**
 * What the native backend observes for derived notifications (lib/derived): the addon's
 * `MobileBroadbandAccountWatcher` and `NetworkStatusChanged` (native/winrt/modems/
 * modems-watch.h), turned into observations by reading the accounts again through
 * {@link NativeModems}. A process without the operator app's events gets its registration,
 * connection and data-plan notifications this way; the thresholds and the poll are the shared
 * engine's.
 *
 * Observations keep the order of the events they come from: each event's reading waits for the
 * one before it.
 *
 * @module
 * @internal
 */

import type {
  AccountInfo,
  DerivedObservation,
  DerivedObservationSink,
  DerivedObserver,
  DerivedObserverHandle,
} from '../backend.js';
import { MobileBroadbandError, isMobileBroadbandError } from '../errors.js';
import type { NativeAddon, NativeWatcher } from './addon-types.js';
import { errorFromHresult, fromNativeError } from './hresult.js';
import { decodeModemEvents, type ModemEventHandler } from './modem-events.js';
import type { NativeEventLimits } from './native-esim-watch.js';
import type { NativeModems } from './native-modems.js';

/** The observations an account's state gives: registration, connection, data plan. */
function stateOf(account: AccountInfo, initial: boolean): DerivedObservation[] {
  const id = account.networkAccountId;
  return [
    {
      kind: 'registration',
      networkAccountId: id,
      state: account.network?.registrationState ?? 'none',
      initial,
    },
    { kind: 'connection', networkAccountId: id, connected: account.connection.connected, initial },
    { kind: 'dataPlan', networkAccountId: id, status: account.dataPlan, initial },
  ];
}

export class NativeDerivedObserver implements DerivedObserver {
  readonly #addon: NativeAddon;
  readonly #modems: NativeModems;
  readonly #limits: NativeEventLimits;

  constructor(addon: NativeAddon, modems: NativeModems, limits: NativeEventLimits) {
    this.#addon = addon;
    this.#modems = modems;
    this.#limits = limits;
  }

  async start(sink: DerivedObservationSink): Promise<DerivedObserverHandle> {
    const session = new ObserverSession(this.#modems, sink, this.#limits.stopTimeoutMs);
    let native: NativeWatcher | null;
    try {
      native = await this.#addon.modems.createWatcher(
        (words, text) => session.onBatch(words, text),
        this.#limits.maxBatch,
        this.#limits.maxQueued,
      ).promise;
    } catch (error) {
      throw fromNativeError(error, { operation: 'Watching mobile broadband accounts' });
    }
    if (native === null) {
      throw new MobileBroadbandError(
        'ERR_WINDOWS',
        'Watching mobile broadband accounts: the addon made no account watcher',
      );
    }
    return session.start(native);
  }
}

class ObserverSession implements DerivedObserverHandle {
  readonly #modems: NativeModems;
  readonly #sink: DerivedObservationSink;
  readonly #stopTimeoutMs: number;
  #native: NativeWatcher | undefined;
  /** Each event's reading runs after the one before it. */
  #chain: Promise<void> = Promise.resolve();
  #enumerated = false;
  #ended = false;
  #started!: { resolve: () => void; reject: (error: Error) => void };
  #stopped: (() => void) | undefined;

  readonly #handler: ModemEventHandler = {
    // Accounts present at start come with the enumeration's own reading, below.
    accountAdded: (id) => {
      if (this.#enumerated) this.#then(async () => this.#observeAccount(id, true));
    },
    accountUpdated: (id, _device, network) => {
      // Windows announces every registration, the same state again included: so do we.
      if (network && this.#enumerated) {
        this.#then(async () => {
          const account = await this.#read(id);
          if (account) this.#sink.observe(stateOf(account, false).slice(0, 1));
        });
      }
    },
    accountRemoved: (id) =>
      this.#then(() => this.#sink.observe([{ kind: 'accountRemoved', networkAccountId: id }])),
    networkStatusChanged: () => {
      if (!this.#enumerated) return;
      this.#then(async () => {
        for (const account of await this.#modems.accounts()) {
          this.#sink.observe(stateOf(account, false).slice(1));
        }
      });
    },
    enumerationCompleted: () => {
      this.#then(async () => {
        for (const account of await this.#modems.accounts()) {
          this.#sink.observe(stateOf(account, true));
        }
        this.#enumerated = true;
        this.#started.resolve();
      });
    },
    stopped: () => this.#end(),
    overflow: (discarded) =>
      this.#sink.error(
        new MobileBroadbandError(
          'ERR_OVERFLOW',
          `Watching mobile broadband accounts: ${discarded} events were discarded (the event queue was full); the next change brings the state up to date`,
        ),
      ),
    error: (hresult, call) =>
      this.#sink.error(
        errorFromHresult(hresult, call, { operation: 'Watching mobile broadband accounts' }),
      ),
  };

  constructor(modems: NativeModems, sink: DerivedObservationSink, stopTimeoutMs: number) {
    this.#modems = modems;
    this.#sink = sink;
    this.#stopTimeoutMs = stopTimeoutMs;
  }

  /** Starts the watcher; resolves once the accounts present were observed. */
  async start(native: NativeWatcher): Promise<DerivedObserverHandle> {
    this.#native = native;
    const started = new Promise<void>((resolve, reject) => (this.#started = { resolve, reject }));
    try {
      await native.start().promise;
    } catch (error) {
      this.#ended = true;
      native.close();
      throw fromNativeError(error, { operation: 'Starting the mobile broadband account watcher' });
    }
    await started;
    return this;
  }

  onBatch(words: Int32Array, text: string): void {
    if (!this.#ended) decodeModemEvents(words, text, this.#handler);
  }

  close(): Promise<void> {
    if (this.#ended) return this.#chain;
    return new Promise<void>((resolve) => {
      this.#stopped = resolve;
      // Windows answers with Stopped (#end); one that never answers must not hang close().
      const timer = setTimeout(() => this.#end(), this.#stopTimeoutMs);
      const stop = this.#stopped;
      this.#stopped = () => {
        clearTimeout(timer);
        stop();
      };
      try {
        this.#native?.stop();
      } catch {
        this.#end();
      }
    });
  }

  #then(task: () => void | Promise<void>): void {
    this.#chain = this.#chain
      .then(async () => {
        if (!this.#ended) await task();
      })
      .catch((error: unknown) => {
        const failure = fromNativeError(error, { operation: 'Reading mobile broadband accounts' });
        if (!this.#enumerated) this.#started.reject(failure);
        this.#sink.error(failure);
      });
  }

  /** An account's state with `initial` (a new account), or nothing if it is already gone. */
  async #observeAccount(id: string, initial: boolean): Promise<void> {
    const account = await this.#read(id);
    if (account) this.#sink.observe(stateOf(account, initial));
  }

  /** One account; undefined when it went away meanwhile (its AccountRemoved follows). */
  async #read(id: string): Promise<AccountInfo | undefined> {
    try {
      return await this.#modems.account(id);
    } catch (error) {
      if (isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')) return undefined;
      throw error;
    }
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#native?.close();
    this.#native = undefined;
    if (!this.#enumerated) {
      this.#started.reject(
        new MobileBroadbandError(
          'ERR_INVALID_STATE',
          'Watching mobile broadband accounts: Windows stopped the watcher before its enumeration completed',
        ),
      );
    }
    this.#stopped?.();
  }
}
