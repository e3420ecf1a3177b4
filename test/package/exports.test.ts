import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

/** A scratch project with the package linked into node_modules, as a user would have it. */
function scratchProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wmbb-exports-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'windows-mobile-broadband'), 'dir');
  return dir;
}

function run(dir: string, file: string, source: string): string {
  writeFileSync(path.join(dir, file), source);
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }).trim();
}

describe('the published entry points', () => {
  const dir = scratchProject();

  it('work with require (CommonJS, Electron main processes)', () => {
    const out = run(
      dir,
      'cjs.cjs',
      `const { connect, NotificationType, MobileBroadbandError } = require('windows-mobile-broadband');
       const { createFakeBackend } = require('windows-mobile-broadband/fake');
       (async () => {
         const fake = createFakeBackend();
         const mbb = await connect({ backend: fake });
         const seen = [];
         mbb.notifications.on('notification', (n) => seen.push(n.type));
         await fake.notify({ messageType: NotificationType.RegisteredRoaming, networkAccountId: 'a', origin: 'system' });
         await mbb.close();
         console.log(JSON.stringify({ seen, error: typeof MobileBroadbandError }));
       })();`,
    );
    expect(JSON.parse(out)).toEqual({ seen: ['registeredRoaming'], error: 'function' });
  });

  it('work with import (ESM), sharing one error class with require', () => {
    const out = run(
      dir,
      'esm.mjs',
      `import { connect, MobileBroadbandError, NotificationType } from 'windows-mobile-broadband';
       import { createFakeBackend } from 'windows-mobile-broadband/fake';
       import { createRequire } from 'node:module';
       const required = createRequire(import.meta.url)('windows-mobile-broadband');
       const mbb = await connect({ backend: createFakeBackend() });
       let code;
       try { mbb.notifications.on('nope', () => {}); } catch (e) { code = e instanceof required.MobileBroadbandError && e instanceof MobileBroadbandError ? e.code : 'wrong class'; }
       await mbb.close();
       console.log(JSON.stringify({ code, gsm: NotificationType.GsmSms }));`,
    );
    expect(JSON.parse(out)).toEqual({ code: 'ERR_INVALID_ARGUMENT', gsm: 0 });
  });

  it('requiring the package off Windows never loads a native addon', () => {
    if (process.platform === 'win32') return;
    const out = run(
      dir,
      'no-native.cjs',
      `const mbb = require('windows-mobile-broadband');
       require('windows-mobile-broadband/fake');
       mbb.connect().then(async (c) => {
         const loaded = Object.keys(require.cache).filter((f) => f.endsWith('.node') || f.includes('node-gyp-build'));
         console.log(JSON.stringify({ backend: c.backendName, loaded }));
         await c.close();
       });`,
    );
    expect(JSON.parse(out)).toEqual({ backend: 'fake', loaded: [] });
  });

  it('requiring the package loads what it uses at once, no more (issue 17: start-up)', () => {
    const out = run(
      dir,
      'lazy.cjs',
      `require('windows-mobile-broadband');
       const deps = Object.keys(require.cache)
         .filter((f) => f.includes('node_modules') && !f.includes('windows-mobile-broadband'))
         .map((f) => f.split('node_modules').pop().split(/[\\\\/]/).filter(Boolean)[0]);
       // Node's own modules loaded so far (an internal list, but the only one there is).
       const builtins = (process.moduleLoadList ?? []).filter((m) => /fs\\/promises|readline/.test(m));
       console.log(JSON.stringify({ deps: [...new Set(deps)], builtins }));`,
    );
    // The XML parser, the pattern engines, the CLI's libraries and Node's promise API for files
    // load when first used.
    expect(JSON.parse(out)).toEqual({ deps: [], builtins: [] });
  });

  it('ships types for every subpath', () => {
    const pkg = JSON.parse(
      run(
        dir,
        'pkg.cjs',
        `console.log(JSON.stringify(require('windows-mobile-broadband/package.json').exports))`,
      ),
    ) as Record<string, { types?: string }>;
    for (const [subpath, entry] of Object.entries(pkg)) {
      if (typeof entry === 'string') continue;
      expect(entry.types, subpath).toMatch(/\.d\.ts$/);
    }
  });
});
