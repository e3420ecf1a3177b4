import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
