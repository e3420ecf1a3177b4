/**
 * `mbb.esim.watch()`: typed `ESimWatcher` events.
 *
 * The backend watcher runs only while someone listens: it starts when the first listener of an
 * eSIM event is added and stops when the last is removed. A throwing or rejecting listener is
 * reported on `'error'` and never stops delivery to the others.
 *
 * @module
 */

import type { EsimBackend, EsimInfo, EsimWatchHandle, EsimWatchSink } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { asMobileBroadbandError, type OverflowInfo } from '../events/listener-registry.js';
import { listenerFailedError } from '../events/listener-failure.js';
import { SourceLifecycle } from '../events/source-lifecycle.js';
import { TypedEmitter } from '../events/typed-emitter.js';

/** What an `'overflow'` listener receives. */
export type EsimOverflowInfo = OverflowInfo;

/** The events of {@link EsimWatcher} and their listeners. Listeners may be async. */
export interface EsimWatcherEventMap {
  /** An eSIM appeared (during the first enumeration: every eSIM present). */
  added: (esim: EsimInfo) => unknown;
  /** An eSIM or one of its profiles changed. */
  updated: (esim: EsimInfo) => unknown;
  /** An eSIM went away (`state` is usually `'removed'`). */
  removed: (esim: EsimInfo) => unknown;
  /** The first enumeration is complete: later events are changes. */
  enumerationCompleted: () => unknown;
  /**
   * The backend watcher stopped: after the last listener was removed or `close()`, or because
   * Windows stopped it. In the last case remove the listeners and add them again to restart.
   */
  stopped: () => unknown;
  /** A listener failed (`ERR_LISTENER_FAILED`), the watcher could not start, or an event was unreadable. */
  error: (error: MobileBroadbandError) => void;
  /** Events were discarded because JavaScript fell behind the backend's bounded queue. */
  overflow: (info: EsimOverflowInfo) => void;
}

/** An event name of {@link EsimWatcher}. */
export type EsimWatcherEventName = keyof EsimWatcherEventMap;

const dataEvents: readonly string[] = [
  'added',
  'updated',
  'removed',
  'enumerationCompleted',
  'stopped',
];

/**
 * Watches the eSIMs of the machine.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * const watcher = mbb.esim.watch();
 * watcher.on('added', (esim) => console.log('eSIM', esim.eid, esim.profiles.length, 'profiles'));
 * watcher.on('enumerationCompleted', () => console.log('that was every eSIM present'));
 * watcher.on('error', (err) => console.error(err.code, err.message));
 * // later
 * await watcher.close();
 * ```
 */
export class EsimWatcher extends TypedEmitter<EsimWatcherEventMap> {
  readonly #source: SourceLifecycle<EsimWatchHandle>;
  readonly #onClosed: (watcher: EsimWatcher) => void;
  readonly #sink: EsimWatchSink = {
    added: (esim) => this.#emit('added', esim),
    updated: (esim) => this.#emit('updated', esim),
    removed: (esim) => this.#emit('removed', esim),
    enumerationCompleted: () => this.#emit('enumerationCompleted'),
    stopped: () => this.#emit('stopped'),
    overflow: (discarded) => this.registry.reportOverflow(discarded),
    error: (error) =>
      this.registry.reportError(asMobileBroadbandError(error, 'The eSIM watcher failed')),
  };

  /** @internal Use `mbb.esim.watch()`. */
  constructor(backend: EsimBackend, onClosed: (watcher: EsimWatcher) => void) {
    super({
      eventKind: 'eSIM watcher event',
      recordKind: 'eSIM events',
      dataEvents,
      closedError: (event) =>
        new MobileBroadbandError(
          'ERR_CLOSED',
          `on('${event}') after close(): this watcher is closed; call esim.watch() again`,
        ),
    });
    this.#onClosed = onClosed;
    this.#source = new SourceLifecycle(
      () => backend.watch(this.#sink),
      (error) =>
        this.registry.reportError(
          asMobileBroadbandError(error, 'Starting the eSIM watcher failed'),
        ),
    );
  }

  /** @internal The first eSIM listener starts the backend watcher; the last stops it. */
  protected demandChanged(wanted: boolean): void {
    void this.#source.want(wanted);
  }

  /**
   * Stops the backend watcher and ends the watcher for good; listeners stay attached but
   * receive nothing more after `'stopped'`. Resolves once Windows confirmed the stop.
   */
  close(): Promise<void> {
    if (!this.registry.closed) {
      this.registry.close();
      void this.#source.close();
      void this.#source.after(() => this.#onClosed(this));
    }
    return this.#source.after(() => undefined);
  }

  /** A failure handler per event, made once: a delivery allocates nothing for failures. */
  readonly #failureHandlers = new Map(
    dataEvents.map((event) => [
      event,
      (error: unknown, esim: EsimInfo | undefined) => this.#listenerFailed(error, event, esim),
    ]),
  );

  #emit(event: string, esim?: EsimInfo): void {
    const listeners = this.registry.get(event);
    if (listeners === undefined) return;
    const onFailure = this.#failureHandlers.get(event)!;
    for (const listener of listeners) this.registry.call(listener, esim, onFailure);
  }

  #listenerFailed(error: unknown, event: string, esim: EsimInfo | undefined): void {
    this.registry.reportError(
      listenerFailedError(`A listener for '${event}'${esim ? ` (eSIM ${esim.id})` : ''}`, error, {
        details: { event, ...(esim ? { esimId: esim.id } : {}) },
      }),
    );
  }
}
