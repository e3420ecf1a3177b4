/**
 * Time as the package sees it. The public layer asks the backend's clock for the current time
 * and for timers (entitlement-check timeouts, SMS reassembly), so a simulated backend can run
 * hours of Windows behaviour in milliseconds and tests stay deterministic.
 *
 * @module
 */

/** A handle returned by {@link Clock.setTimeout}. */
export interface TimerHandle {
  /** Lets the process exit while the timer is pending (where the clock uses real timers). */
  unref?(): void;
}

/** A source of time and timers. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `callback` once after `ms` milliseconds of this clock's time. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer from {@link Clock.setTimeout}; unknown handles are ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock. Timers are looked up on `globalThis` at each call, so test frameworks'
 * fake timers (vitest, sinon) apply to it.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
