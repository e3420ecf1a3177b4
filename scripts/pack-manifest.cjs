#!/usr/bin/env node
/**
 * `npm pack` / `npm publish` ship a package.json that differs from the clone's in two ways;
 * `prepack` makes it (keeping the file as it was beside it), `postpack` puts the file back.
 *
 * - Without `prepare`: a clone needs it (it builds dist/ at `npm install`), but in the published
 *   manifest npm 11 counts it as an install script "not yet covered by allowScripts" and warns
 *   every user, although it never runs from a tarball.
 * - With the platform packages as optional dependencies, at this very version
 *   (scripts/pack-platforms.cjs makes them): only the published package names them, since a
 *   clone's `npm ci` would have to resolve packages that are published together with it.
 *
 *   node scripts/pack-manifest.cjs strip | restore
 */
'use strict';
/* global require, console, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node */

const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { platformPackages } = require('./platform-packages.cjs');

const root = path.join(__dirname, '..');
const manifest = path.join(root, 'package.json');
const kept = path.join(root, '.package.json.before-pack');
/** What npm runs (or lists) at install time from a dependency's manifest. */
const installScripts = ['preinstall', 'install', 'postinstall', 'prepare'];

const command = process.argv[2];
if (command === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  // A stripped manifest left by a pack that failed half-way is never kept over the original.
  if (!existsSync(kept)) writeFileSync(kept, text);
  const json = JSON.parse(text);
  for (const name of installScripts) delete json.scripts?.[name];
  json.optionalDependencies = { ...json.optionalDependencies };
  for (const platform of platformPackages(json))
    json.optionalDependencies[platform.name] = json.version;
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.cjs strip | restore');
  process.exit(2);
}
