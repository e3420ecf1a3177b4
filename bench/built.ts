/**
 * The built package (`dist/`, what users load), for the benchmarks that time the package's own
 * code: the TypeScript sources run through tsx are transformed differently (esbuild keeps
 * function names with wrappers) and measured up to a fifth slower. `npm run bench` builds first.
 * The types are the sources' own.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as Root from '../lib/index.js';
import type * as Fake from '../lib/fake/index.js';
import type * as Messages from '../lib/messages/index.js';
import type * as ProvisioningApi from '../lib/provisioning/index.js';

const dist = path.join(__dirname, '..', 'dist');

function load<T>(entry: string): T {
  const file = path.join(dist, entry);
  if (!existsSync(file))
    throw new Error(`${file} is missing: build the package first (npm run build:ts)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file, by path
  return require(file) as T;
}

export const root = load<typeof Root>('index.js');
export const fake = load<typeof Fake>('fake/index.js');
export const messages = load<typeof Messages>('messages/index.js');
export const provisioning = load<typeof ProvisioningApi>('provisioning/index.js');
