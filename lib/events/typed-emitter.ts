/**
 * The public listener methods of the package's emitters (`mbb.notifications`,
 * `mbb.esim.watch()`), written once and typed by each emitter's event map.
 *
 * @module
 */

import { ListenerRegistry, type ListenerRegistryOptions } from './listener-registry.js';

/** An event map: each event name with its listener type. */
export type EventListeners<Events> = { [E in keyof Events]: (...args: never[]) => unknown };

/**
 * An emitter whose events come from a backend source (Windows' event, or the fake) that runs
 * only while someone listens: it starts with the first listener of a data event and stops with
 * the last (`'error'` and `'overflow'` listeners do not count). Listeners may be async; one that
 * throws or rejects, whatever the value, is reported on `'error'` as `ERR_LISTENER_FAILED` (the
 * value is the `cause`) and never stops delivery to the others. Without an `'error'` listener,
 * errors become process warnings: the emitter never throws a value again. While data listeners are attached the process stays alive, unless
 * {@link TypedEmitter.unref} was called.
 *
 * @typeParam Events - the emitter's event names and listener types.
 */
export abstract class TypedEmitter<Events extends EventListeners<Events>> {
  /** @internal The listeners and the keep-alive handle. */
  protected readonly registry: ListenerRegistry;

  /** @internal */
  protected constructor(
    options: Omit<ListenerRegistryOptions, 'onDemandChange' | 'onListenersChange'>,
  ) {
    this.registry = new ListenerRegistry({
      ...options,
      onDemandChange: (wanted) => this.demandChanged(wanted),
      onListenersChange: (event) => this.listenersChanged(event),
    });
  }

  /** @internal A data listener of `event` was added or removed. */
  protected listenersChanged(_event: string): void {}

  /** @internal Starts (`true`) or stops (`false`) the backend source. */
  protected abstract demandChanged(wanted: boolean): void;

  /**
   * Adds a listener. An unknown event name or a listener that is not a function is
   * `ERR_INVALID_ARGUMENT`; a data listener added after `close()` is `ERR_CLOSED`.
   */
  on<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    this.registry.add(event, listener);
    return this;
  }

  /** Same as {@link TypedEmitter.on}. */
  addListener<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    return this.on(event, listener);
  }

  /** Adds a listener that is removed after its first call. */
  once<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    this.registry.once(event, listener);
    return this;
  }

  /** Removes a listener added with `on` or `once`. Unknown listeners are ignored. */
  off<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    this.registry.remove(event, listener);
    return this;
  }

  /** Same as {@link TypedEmitter.off}. */
  removeListener<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    return this.off(event, listener);
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(event?: keyof Events & string): this {
    this.registry.removeAll(event);
    return this;
  }

  /** How many listeners `event` has. */
  listenerCount(event: keyof Events & string): number {
    return this.registry.count(event);
  }

  /**
   * Keeps the process alive while data listeners are attached (the default): a watching
   * process does not exit on its own.
   */
  ref(): this {
    this.registry.ref();
    return this;
  }

  /** Lets the process exit even while listeners are attached. */
  unref(): this {
    this.registry.unref();
    return this;
  }

  /** Records the backend discarded since the emitter was made (see the `'overflow'` event). */
  get discarded(): number {
    return this.registry.discarded;
  }
}
