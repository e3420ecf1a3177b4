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

let cachedVersion: string | undefined;

/** The package's version. */
export function packageVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}
