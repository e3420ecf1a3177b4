/**
 * Facts about the installed package, read from its package.json at run time (works from
 * `lib/` under vitest and from `dist/` when installed).
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The package root: the folder holding package.json. */
export const packageRoot = path.resolve(__dirname, '..');

/** The package's name on npm. */
export const packageName = 'windows-mobile-broadband';

/**
 * The npm package that carries the prebuilt Windows addon and operator-task component for one
 * architecture (`windows-mobile-broadband-win32-x64`): an optional dependency whose `os` and
 * `cpu` make npm install it only on that kind of machine, so an install elsewhere carries no
 * Windows binaries (`scripts/pack-platforms.cjs` makes them).
 */
export function platformPackageName(platform: string, arch: string): string {
  return `${packageName}-${platform}-${arch}`;
}

let cachedVersion: string | undefined;

/** The package's version. */
export function packageVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}
