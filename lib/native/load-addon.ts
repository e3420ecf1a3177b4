/**
 * Loads the native addon. Only the native backend calls this, and only on Windows: requiring
 * the package elsewhere never touches a `.node` file.
 *
 * @module
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { MobileBroadbandError } from '../errors.js';
import { packageRoot } from '../package-info.js';

/** Environment variable that points at an addon file to load instead of the packaged one. */
export const addonPathVariable = 'WMBB_NATIVE_ADDON';

/**
 * Loads the addon: from `$WMBB_NATIVE_ADDON` if set, else through node-gyp-build from
 * `prebuilds/<platform>-<arch>/` or `build/Release/`. Throws `ERR_NATIVE_LOAD` listing every
 * place it looked.
 */
export function loadAddon<T>(): T {
  const override = process.env[addonPathVariable];
  if (override) {
    const file = path.resolve(override);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
      return require(file) as T;
    } catch (error) {
      throw loadError([file], error, `${addonPathVariable} is set`);
    }
  }
  const tried = [
    path.join(packageRoot, 'prebuilds', `${process.platform}-${process.arch}`),
    path.join(packageRoot, 'build', 'Release'),
    path.join(packageRoot, 'build', 'Debug'),
  ];
  try {
    // node-gyp-build picks the right file for this platform, arch and Node-API version.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only here, only on Windows
    const nodeGypBuild = require('node-gyp-build') as (root: string) => T;
    return nodeGypBuild(packageRoot);
  } catch (error) {
    throw loadError(tried, error);
  }
}

function loadError(tried: string[], cause: unknown, note?: string): MobileBroadbandError {
  const places = tried.map((p) => `  ${p}${existsSync(p) ? '' : ' (missing)'}`).join('\n');
  return new MobileBroadbandError(
    'ERR_NATIVE_LOAD',
    `The windows-mobile-broadband native addon could not be loaded for ${process.platform}-${process.arch}${
      note ? ` (${note})` : ''
    }. Looked in:\n${places}\n${cause instanceof Error ? cause.message : String(cause)}\n` +
      `Reinstall the package, or set ${addonPathVariable} to the path of a built addon.`,
    { cause, details: { tried } },
  );
}
