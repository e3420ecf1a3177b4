/**
 * The fuzzer's randomness: a small seeded generator, so that input number `index` of a run
 * with seed `seed` is the same input every time. A hang or crash is reported by (seed, index)
 * and the main thread regenerates the input to show it; nothing has to cross threads.
 */

/** A seeded random source (mulberry32 over a mixed 32-bit state). */
export class Random {
  #state: number;

  constructor(seed: number, index: number) {
    // Mix seed and index so that neighbouring indices start far apart.
    let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index, 0xc2b2ae35)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
    this.#state = h ^ (h >>> 15);
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}
