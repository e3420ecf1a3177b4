/**
 * Moving virtual time the way a test means it: timer by timer, letting deliveries and the
 * app's reactions (which may set new timers) run before the next timer fires.
 *
 * @module
 */

import type { VirtualClock } from './virtual-clock.js';

/** Advances `clock` by `ms`, calling `settle` before, between timers, and after. */
export async function advanceSettling(
  clock: VirtualClock,
  ms: number,
  settle: () => Promise<void>,
): Promise<void> {
  const end = clock.now() + ms;
  clock.advance(0); // validates nothing moved backwards and fires timers already due
  if (!Number.isFinite(ms) || ms < 0) clock.advance(ms); // throws the clock's own typed error
  await settle();
  for (let due = clock.nextDueTime(end); due !== undefined; due = clock.nextDueTime(end)) {
    clock.advanceTo(due);
    await settle();
  }
  clock.advanceTo(end);
  await settle();
}
