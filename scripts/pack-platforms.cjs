#!/usr/bin/env node
/**
 * `npm run pack:platforms`: makes the platform packages that carry the Windows binaries, one
 * per architecture, from what `npm run prebuild` (or the Windows workflow) put in prebuilds/:
 *
 *   windows-mobile-broadband-win32-x64    prebuilds/win32-x64/{windows-mobile-broadband.node, wmbb-operator-task.dll}
 *   windows-mobile-broadband-win32-arm64  prebuilds/win32-arm64/{…}
 *
 * Each has `os` and `cpu`, and the packed main package names them as optional dependencies
 * (scripts/pack-manifest.cjs), so npm installs only the one for the machine, and an install on
 * Linux or macOS carries no Windows binaries. The loader finds the one installed
 * (lib/native/load-addon.ts), then this package's own prebuilds/ (a clone).
 *
 *   node scripts/pack-platforms.cjs [--pack-destination <dir>] [--arch x64|arm64]…
 *
 * Prints the path of each tarball. The staged folders are in build/platform-packages/.
 */
'use strict';
/* global require, console, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node */

const { execFileSync } = require('node:child_process');
const {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { platformPackages } = require('./platform-packages.cjs');

const root = path.join(__dirname, '..');
const manifest = require(path.join(root, 'package.json'));

const usage =
  'usage: node scripts/pack-platforms.cjs [--pack-destination <dir>] [--arch x64|arm64]…';
let options;
try {
  options = parseArgs({
    options: {
      'pack-destination': { type: 'string', default: root },
      arch: { type: 'string', multiple: true, default: [] },
    },
  }).values;
} catch (error) {
  console.error(`pack-platforms: ${error.message}\n${usage}`);
  process.exit(2);
}
const destination = path.resolve(options['pack-destination']);
const archs = options.arch;

const wanted = platformPackages(manifest).filter(
  (p) => archs.length === 0 || archs.includes(p.cpu),
);
if (wanted.length === 0) {
  console.error(
    `pack-platforms: no platform package for ${archs.join(', ')} (x64 and arm64 exist)`,
  );
  process.exit(2);
}
mkdirSync(destination, { recursive: true });
for (const platform of wanted) {
  const tuple = `${platform.os}-${platform.cpu}`;
  const source = path.join(root, 'prebuilds', tuple);
  const files = existsSync(source)
    ? readdirSync(source).filter((f) => /\.(node|dll)$/.test(f))
    : [];
  if (!files.some((f) => f.endsWith('.node'))) {
    console.error(`pack-platforms: prebuilds/${tuple}/ has no addon: run npm run prebuild first`);
    process.exit(1);
  }
  const stage = path.join(root, 'build', 'platform-packages', tuple);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.join(stage, 'prebuilds', tuple), { recursive: true });
  for (const file of files)
    copyFileSync(path.join(source, file), path.join(stage, 'prebuilds', tuple, file));
  copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
  writeFileSync(
    path.join(stage, 'package.json'),
    `${JSON.stringify(
      {
        name: platform.name,
        version: manifest.version,
        description: `The ${tuple} build of ${manifest.name}'s native addon and operator-task component; installed by ${manifest.name}, not used alone.`,
        license: manifest.license,
        repository: manifest.repository,
        os: [platform.os],
        cpu: [platform.cpu],
        files: ['prebuilds/'],
        engines: manifest.engines,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    path.join(stage, 'README.md'),
    `# ${platform.name}\n\nThe prebuilt ${tuple} files of [${manifest.name}](https://www.npmjs.com/package/${manifest.name}): \`prebuilds/${tuple}/\` holds ${files.map((f) => `\`${f}\``).join(' and ')}. npm installs this package with ${manifest.name} on ${tuple} machines only; install ${manifest.name} itself.\n`,
  );
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
    cwd: stage,
    encoding: 'utf8',
  }).trim();
  console.log(path.join(destination, tarball));
}
