/**
 * `npm pack` ships a manifest without install scripts (scripts/pack-manifest.cjs, run by
 * prepack and postpack): npm 11 warns every user of a package whose manifest has `prepare`.
 * It also names the platform packages of the Windows binaries as optional dependencies at the
 * package's own version. The script is run here on a copy; CI packs the real package and checks
 * the tarball, and installs it (scripts/check-install.sh).
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
    for (const script of ['pack-manifest.cjs', 'platform-packages.cjs'])
      copyFileSync(path.join(root, 'scripts', script), path.join(dir, 'scripts', script));
    const original = `${JSON.stringify(
      {
        name: 'x',
        version: '1.2.3',
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
      optionalDependencies: Record<string, string>;
    };
    expect(stripped.scripts).toEqual({ test: 'vitest', prepack: 'p' });
    expect(stripped.optionalDependencies).toEqual({
      'x-win32-x64': '1.2.3',
      'x-win32-arm64': '1.2.3',
    });
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

  it('a clone names no platform package, and ships no Windows binary in the main package', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      optionalDependencies?: Record<string, string>;
      files: string[];
    };
    // npm ci in a clone would have to resolve them, and they are published with the package.
    expect(manifest.optionalDependencies).toBeUndefined();
    expect(manifest.files.filter((f) => /prebuilds|\.node|\.dll/.test(f))).toEqual([]);
  });
});
