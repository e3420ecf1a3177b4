/**
 * Targets that misbehave on purpose, for the fuzzer's own test (test/fuzz): one crashes on
 * some inputs, one hangs on a few, one keeps what it is given. Only present when
 * `WMBB_FUZZ_SELF_CHECK=1`, never in a real run.
 */

import type { FuzzTarget } from './targets.js';

const kept: number[][] = [];

export const selfCheckTargets: readonly FuzzTarget[] = [
  {
    name: 'self-crash',
    description: 'throws a TypeError on every input whose length is 7',
    generate: (random) => 'x'.repeat(random.below(10)),
    run: (input) => {
      if (input.length === 7) throw new TypeError('seven');
      return input;
    },
  },
  {
    name: 'self-hang',
    description: 'loops forever on about one input in 40',
    generate: (random) => String(random.below(40)),
    run: (input) => {
      if (input === '0') for (;;);
      return input;
    },
  },
  {
    name: 'self-leak',
    description: 'keeps about 1 MiB for every input',
    generate: (random) => String(random.below(10)),
    run: (input) => kept.push(new Array<number>(1 << 17).fill(input.length)),
  },
];
