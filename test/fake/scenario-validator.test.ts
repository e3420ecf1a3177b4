/**
 * The scenario validator is generated from the schema at build time (ajv standalone mode,
 * scripts/generate-scenario-validator.cjs): it is in step with the schema, and nothing the
 * package loads needs ajv.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ucs2length } from '../../lib/fake/scenario/ucs2-length.js';

const root = path.join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('the generated scenario validator', () => {
  it('is in step with schema/scenario.schema.json', () => {
    const run = spawnSync(
      process.execPath,
      ['scripts/generate-scenario-validator.cjs', '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('no source of the package imports ajv, and ajv is no runtime dependency', () => {
    const importers = filesUnder(path.join(root, 'lib')).filter((file) =>
      /from 'ajv|require\(["']ajv/.test(readFileSync(file, 'utf8')),
    );
    expect(importers).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('ajv');
  });

  it('counts lengths in code points, as JSON Schema does', () => {
    expect(ucs2length('')).toBe(0);
    expect(ucs2length('abc')).toBe(3);
    expect(ucs2length('😀x')).toBe(2);
    expect(ucs2length('\ud83d')).toBe(1); // a lone surrogate is one
    expect(ucs2length('\ude00\ud83d')).toBe(2); // a low then a high: two
  });
});
