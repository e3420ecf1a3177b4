/**
 * Loads the native addon. Only the native backend calls this, and only on Windows: requiring
 * the package elsewhere never touches a `.node` file.
 *
 * @module
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { MobileBroadbandError } from '../errors.js';
import { packageRoot, platformPackageName } from '../package-info.js';

/** Environment variable that points at an addon file to load instead of the packaged one. */
export const addonPathVariable = 'WMBB_NATIVE_ADDON';

/**
 * Loads the addon: from `$WMBB_NATIVE_ADDON` if set, else through node-gyp-build from the
 * platform package npm installed for this machine (`windows-mobile-broadband-win32-x64`), else
 * from this package's own `prebuilds/<platform>-<arch>/`, `build/Release/` or `build/Debug/`
 * (a clone, after `npm run prebuild` or a local build). Throws `ERR_NATIVE_LOAD` listing every
 * place it looked.
 */
export function loadAddon<T>(): T {
  const override = process.env[addonPathVariable];
  if (override) return requireAddon<T>(path.resolve(override), `${addonPathVariable} is set`);
  const platformPackage = platformPackageDirectory();
  const roots = platformPackage === undefined ? [packageRoot] : [platformPackage, packageRoot];
  const tried = roots.flatMap((root) => [
    path.join(root, 'prebuilds', `${process.platform}-${process.arch}`),
    path.join(root, 'build', 'Release'),
    path.join(root, 'build', 'Debug'),
  ]);
  // node-gyp-build picks the right file for this platform, arch and Node-API version.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only here, only on Windows
  const nodeGypBuild = require('node-gyp-build') as { path(root: string): string };
  let file: string | undefined;
  let notFound: unknown;
  for (const root of roots) {
    try {
      file = nodeGypBuild.path(root);
      break;
    } catch (error) {
      notFound = error;
    }
  }
  if (file === undefined) throw loadError(tried, notFound);
  return requireAddon<T>(file);
}

/** Requires the addon file chosen; `ERR_NATIVE_LOAD` naming it when it does not load. */
function requireAddon<T>(file: string, note?: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
    return require(file) as T;
  } catch (error) {
    throw loadError([file], error, note);
  }
}

/**
 * The folder of the platform package for this machine, when npm installed it: resolved from
 * this package's folder, as Node resolves its dependencies.
 */
function platformPackageDirectory(): string | undefined {
  const name = platformPackageName(process.platform, process.arch);
  try {
    return path.dirname(require.resolve(`${name}/package.json`, { paths: [packageRoot] }));
  } catch {
    return undefined;
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
