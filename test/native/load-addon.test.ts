import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot, platformPackageName } from '../../lib/package-info.js';
import { addonPathVariable, loadAddon } from '../../lib/native/load-addon.js';
import { MobileBroadbandError } from '../../lib/errors.js';

describe('loadAddon', () => {
  const saved = process.env[addonPathVariable];
  afterEach(() => {
    if (saved === undefined) delete process.env[addonPathVariable];
    else process.env[addonPathVariable] = saved;
  });

  it(`fails with ERR_NATIVE_LOAD naming the file ${addonPathVariable} points at`, () => {
    const file = path.join(__dirname, 'no-such-addon.node');
    process.env[addonPathVariable] = file;
    const error = (() => {
      try {
        loadAddon();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MobileBroadbandError);
    expect((error as MobileBroadbandError).code).toBe('ERR_NATIVE_LOAD');
    expect((error as MobileBroadbandError).message).toContain(file);
    expect((error as MobileBroadbandError).message).toContain(`${addonPathVariable} is set`);
  });

  // On Windows the repository may hold a real prebuild, which would load.
  it.skipIf(process.platform === 'win32')(
    'lists every place it looked when no build fits this platform',
    () => {
      delete process.env[addonPathVariable];
      const platform = `${process.platform}-${process.arch}`;
      expect(() => loadAddon()).toThrow(
        expect.objectContaining({
          code: 'ERR_NATIVE_LOAD',
          message: expect.stringMatching(
            new RegExp(
              `prebuilds[\\\\/]${platform}[\\s\\S]*build[\\\\/]Release[\\s\\S]*build[\\\\/]Debug`,
            ),
          ),
        }),
      );
    },
  );

  it('takes the addon from the platform package npm installed for this machine first', () => {
    delete process.env[addonPathVariable];
    // A platform package for this very machine, as npm would install it beside the package;
    // its "addon" is no loadable file, so the error names the file the loader chose.
    const tuple = `${process.platform}-${process.arch}`;
    const dir = path.join(
      packageRoot,
      'node_modules',
      platformPackageName(process.platform, process.arch),
    );
    const file = path.join(dir, 'prebuilds', tuple, 'windows-mobile-broadband.node');
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: path.basename(dir), version: '0.0.0' }),
      );
      writeFileSync(file, 'not an addon');
      expect(() => loadAddon()).toThrow(
        expect.objectContaining({
          code: 'ERR_NATIVE_LOAD',
          message: expect.stringContaining(file),
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
