/**
 * `npm pack` ships a manifest without install scripts (scripts/pack-manifest.cjs, run by
 * prepack and postpack): npm 11 warns every user of a package whose manifest has `prepare`.
 * The script is run here on a copy; CI packs the real package and checks the tarball.
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

describe('the packed manifest', () => {
  it('strip removes every install script, restore gives back the file as it was', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wmbb-pack-'));
    mkdirSync(path.join(dir, 'scripts'));
    copyFileSync(
      path.join(root, 'scripts', 'pack-manifest.cjs'),
      path.join(dir, 'scripts', 'pack-manifest.cjs'),
    );
    const original = `${JSON.stringify(
      {
        name: 'x',
        scripts: { prepare: 'build', postinstall: 'x', test: 'vitest', prepack: 'p' },
      },
      null,
      4,
    )}\n`;
    writeFileSync(path.join(dir, 'package.json'), original);
    const run = (command: string) =>
      spawnSync(process.execPath, ['scripts/pack-manifest.cjs', command], { cwd: dir });
    expect(run('strip').status).toBe(0);
    const stripped = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(stripped.scripts).toEqual({ test: 'vitest', prepack: 'p' });
    // A second strip (a pack that failed before postpack) keeps the original, not the stripped.
    expect(run('strip').status).toBe(0);
    expect(run('restore').status).toBe(0);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(original);
    expect(run('nonsense').status).toBe(2);
  });

  it('the repository runs it around every pack', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.prepack).toMatch(/pack-manifest\.cjs strip$/);
    expect(manifest.scripts.postpack).toBe('node scripts/pack-manifest.cjs restore');
  });
});
