/**
 * The platform packages of the Windows binaries, one per architecture, for the scripts that make
 * them (pack-platforms.cjs) and name them in the packed manifest (pack-manifest.cjs). The name
 * is the one lib/package-info.ts' platformPackageName gives the loader.
 */
'use strict';
/* global module */

/** Each platform package of `manifest` (the main package.json): name, os and cpu. */
function platformPackages(manifest) {
  return ['x64', 'arm64'].map((cpu) => ({
    name: `${manifest.name}-win32-${cpu}`,
    os: 'win32',
    cpu,
  }));
}

module.exports = { platformPackages };
