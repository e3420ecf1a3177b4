/**
 * Patterns on V8's RegExp (issue 17 item 3): which shapes the check lets through, which it
 * refuses and why, and a property test that runs the RegExp path and the re2js path on the
 * same patterns and texts and demands the same matches and groups.
 */

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'regjsparser';
import { checkNativePattern } from '../../lib/provisioning/native-pattern-check.js';
import {
  compilePattern,
  compileOperatorMessagePattern,
  maxNativeTextLength,
  programSizeAtMost,
} from '../../lib/provisioning/operator-message-pattern.js';
import { programSizeBound } from '../../lib/provisioning/program-size-bound.js';
import { pattern, text } from './pattern-arbitraries.js';

describe('which patterns run on RegExp, for texts how long', () => {
  it.each([
    ['^Welcome to Contoso', 1024],
    [String.raw`top-up of (\d+) EUR`, 1024],
    ['roaming (?:in|to) (\\w+)', 1024],
    [String.raw`expires on (\d{4}-\d{2}-\d{2})`, 1024],
    [String.raw`Balance: (?<amount>\d+(?:\.\d{2})?) EUR`, 1024],
    ['[^]*', 1024],
    [String.raw`(?:\d\d)+ left`, 1024],
    // \d+ then \w+, which can take the same digits: a cubic worst case, so single messages only.
    [String.raw`(\d+\.\d+)(\w+) of (\d+)(\w+) used as of (\d+:\d+[AP]M on \d+ \w+)`, 200],
    ['\\d+\\d+x', 200],
    ['\\w+\\s*\\w+!', 200],
  ])('%s: RegExp up to %i characters', (source, length) => {
    expect(compileOperatorMessagePattern(source).nativeTextLength).toBe(length);
  });

  it.each([
    ['(a+)+$', /more than one way/],
    ['(?:\\d*)*x', /more than one way/],
    ['(a|ab)*c', /more than one way/],
    ['(?:a?a)+b', /more than one way/],
    ['(a*)?b', /can match nothing/],
    ['(?:a?)+b', /more than one way/],
    ['\\d+\\w+\\d+x', /same characters as the 2 repetitions before it/],
    ['.*.*.*=', /same characters as the 2 repetitions before it/],
    ['a*(?:b|a+)a+c', /same characters/],
  ])('%s stays on re2js (%s)', (source) => {
    const pattern = compileOperatorMessagePattern(source);
    expect(pattern.nativeTextLength).toBe(0);
    // Still matched, in linear time, by re2js.
    expect(pattern.test('y'.repeat(60_000))).toBe(false);
  });

  it.each([
    ['(a+)+$', /more than one way/],
    ['\\d+\\w+\\d+x', /2 repetitions before it/],
    ['(\\d*)?x', /can match nothing/],
  ])('the check says why %s is refused', (source, reason) => {
    const tree = parse(source, '', { namedGroups: true, lookbehind: true });
    const verdict = checkNativePattern(tree, () => [[0x30, 0x39]]);
    expect(verdict).toEqual({ native: false, reason: expect.stringMatching(reason) });
  });

  it('a pattern the u flag refuses stays on re2js; texts over the limit go to re2js and match alike', () => {
    expect(compileOperatorMessagePattern('a\\-b').nativeTextLength).toBe(0);
    const pattern = compileOperatorMessagePattern(String.raw`(\d+) MB`);
    const long = `${'x'.repeat(maxNativeTextLength[2]!)} 42 MB`;
    expect(pattern.exec(long)).toEqual(['42 MB', '42']);
    expect(pattern.exec('only 7 MB')).toEqual(['7 MB', '7']);
  });
});

describe('RegExp and re2js agree', () => {
  it('the same match and groups for every pattern the check lets through', () => {
    let compared = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        let fast;
        try {
          fast = compilePattern(source, 'auto');
        } catch {
          return; // refused alike by both (the same compilation): nothing to compare
        }
        if (fast.nativeTextLength === 0) return;
        const slow = compilePattern(source, 're2js');
        for (const t of texts) {
          compared++;
          expect(fast.exec(t), `${source} on ${JSON.stringify(t)}`).toEqual(slow.exec(t));
        }
      }),
      { numRuns: Number(process.env.PATTERN_RUNS ?? 3000) },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('patterns accepted without compiling them (program-size-bound.ts)', () => {
  const outcome = (source: string, engine: 'auto' | 're2js') => {
    try {
      const p = compilePattern(source, engine);
      return { p, error: undefined };
    } catch (error) {
      return { p: undefined, error: (error as Error).message };
    }
  };

  it('are accepted and refused as re2js decides, with its groups and program size; the bound holds', () => {
    let deferred = 0;
    fc.assert(
      fc.property(pattern, (source) => {
        const exact = outcome(source, 're2js');
        const fast = outcome(source, 'auto');
        expect(fast.error, source).toBe(exact.error);
        if (exact.p === undefined || fast.p === undefined) return;
        const tree = parse(source, '', { namedGroups: true, lookbehind: true });
        expect(programSizeBound(tree).size, source).toBeGreaterThanOrEqual(exact.p.programSize);
        if (programSizeAtMost(fast.p) !== exact.p.programSize) deferred++;
        expect(fast.p.groupCount, source).toBe(exact.p.groupCount);
        expect(fast.p.programSize, source).toBe(exact.p.programSize);
        expect(programSizeAtMost(fast.p), source).toBeGreaterThanOrEqual(exact.p.programSize);
      }),
      { numRuns: Number(process.env.PATTERN_RUNS ?? 3000) },
    );
    expect(deferred).toBeGreaterThan(100);
  });

  it.each([
    ['(?:a){1001}', /repetition count is too large/],
    ['(?:(?:a){2}){600}', /repetition count is too large/],
    ['(?:a{40}){40}', /repetition count is too large/],
    ['a{999}b{999}c{999}', /too costly/],
  ])('%s is refused as before (counted repetitions are always compiled)', (source, reason) => {
    expect(() => compileOperatorMessagePattern(source)).toThrow(reason);
  });

  it("a document whose patterns RegExp runs is read without loading re2js (the package's own build)", () => {
    const root = path.join(__dirname, '..', '..');
    const script = `
      const { readFileSync } = require('node:fs');
      const { parseProvisioning } = require(${JSON.stringify(path.join(root, 'dist', 'provisioning', 'index.js'))});
      const doc = parseProvisioning(readFileSync(${JSON.stringify(path.join(root, 'examples', 'contoso-provisioning.xml'))}));
      const rules = doc.messageRules.length;
      const loaded = Object.keys(require.cache).some((f) => f.includes('re2js'));
      process.stdout.write(JSON.stringify({ rules, loaded }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(out).toEqual({ rules: 2, loaded: false });
  });
});
