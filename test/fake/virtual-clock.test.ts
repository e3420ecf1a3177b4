import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../lib/fake/virtual-clock.js';
import type { TimerHandle } from '../../lib/clock.js';

describe('VirtualClock', () => {
  it('fires timers in due order, and timers due at the same time in the order they were set', () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('c@20'), 20);
    clock.setTimeout(() => fired.push('d@0'), 0);
    clock.setTimeout(() => fired.push('e@20'), 20);
    clock.advance(20);
    expect(fired).toEqual(['d@0', 'a@10', 'b@20', 'c@20', 'e@20']);
    expect(clock.now()).toBe(20);
  });

  it('fires timers set by callbacks when they fall due in the window, with the clock at their due time', () => {
    const clock = new VirtualClock(0);
    const fired: [string, number][] = [];
    clock.setTimeout(() => {
      fired.push(['first', clock.now()]);
      clock.setTimeout(() => fired.push(['same time, set later', clock.now()]), 0);
      clock.setTimeout(() => fired.push(['later', clock.now()]), 5);
      clock.setTimeout(() => fired.push(['beyond', clock.now()]), 50);
    }, 10);
    clock.setTimeout(() => fired.push(['also at 10', clock.now()]), 10);
    clock.advance(30);
    expect(fired).toEqual([
      ['first', 10],
      ['also at 10', 10],
      ['same time, set later', 10],
      ['later', 15],
    ]);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.nextDueTime(Number.MAX_SAFE_INTEGER)).toBe(60);
    expect(clock.nextDueTime(59)).toBeUndefined();
  });

  it('a cleared timer never fires, also when a callback clears one due at the same time', () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    const handles: TimerHandle[] = [];
    for (let i = 0; i < 10; i++) handles.push(clock.setTimeout(() => fired.push(i), 10));
    clock.clearTimeout(handles[3]!);
    clock.setTimeout(() => clock.clearTimeout(handles[7]!), 5);
    clock.clearTimeout(handles[3]!); // twice: ignored
    clock.clearTimeout({}); // not a timer of this clock: ignored
    clock.clearTimeout(new VirtualClock(0).setTimeout(() => undefined, 1));
    expect(clock.pendingTimers).toBe(10);
    clock.advance(10);
    expect(fired).toEqual([0, 1, 2, 4, 5, 6, 8, 9]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fires in the same order as a sorted list, for a random mix of sets and clears', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const clock = new VirtualClock(0);
    const expected: { due: number; order: number; id: number }[] = [];
    const handles = new Map<number, TimerHandle>();
    const fired: number[] = [];
    for (let id = 0; id < 2_000; id++) {
      const delay = random(50);
      handles.set(
        id,
        clock.setTimeout(() => fired.push(id), delay),
      );
      expected.push({ due: delay, order: id, id });
      if (random(4) === 0) {
        const victim = random(id + 1);
        clock.clearTimeout(handles.get(victim)!);
        const at = expected.findIndex((e) => e.id === victim);
        if (at >= 0) expected.splice(at, 1);
      }
    }
    clock.advance(100);
    expected.sort((a, b) => a.due - b.due || a.order - b.order);
    expect(fired).toEqual(expected.map((e) => e.id));
  });
});
