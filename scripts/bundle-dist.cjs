#!/usr/bin/env node
/**
 * Second step of the build (`npm run build:ts`, after `tsc`): the package's JavaScript becomes
 * one file, dist/bundle.js, and each entry point (package.json's `exports` and `bin`) a few lines
 * that take its part of it. Node then reads and compiles one file instead of a hundred and more
 * modules: `require()` of the package cost about 30 ms over bare `node`, of which the module
 * loader itself took two thirds (issue 17: start-up).
 *
 * What does not change: every module keeps its own scope and is run when it is first required
 * (esbuild wraps each CommonJS module of tsc's output, so the lazy parts stay lazy); one copy of
 * every class serves every entry point (one bundle, not one per entry); dependencies stay in
 * node_modules, loaded when used; paths from `__dirname` are the same (the bundle is in dist/,
 * as package-info.js was). The declaration files (.d.ts) are tsc's. The modules bundled are
 * removed from dist/, so that what is tested is what is shipped.
 *
 * Each entry file lists its export names in a statement that never runs
 * (`0 && (module.exports = { … })`), which Node's ESM loader reads to offer named imports of
 * this CommonJS file (`import { connect } from 'windows-mobile-broadband'`).
 *
 *   node scripts/bundle-dist.cjs
 */
'use strict';
/* global require, console, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node */

const {
  chmodSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const bundleName = 'bundle.js';
/**
 * Modules left as files of their own, with the relative modules they require, each holding no
 * class another module could meet, so a separate copy can never differ:
 * - the scenario validator: big, loaded only when used (a quarter of the code, and only the
 *   fake's scenarios run it); left in the bundle, every process would pay to parse it;
 * - import-module.js, the bundle's only `import()`: the executable runs the bundle as a `vm`
 *   script (code-cache.js), where Node 20 allows no `import()`.
 */
const separateModules = ['fake/scenario/scenario-validator.generated.js', 'import-module.js'];
/**
 * The executable's loader of the bundle (lib/code-cache.ts: the bundle with V8's code cache).
 * It runs before the bundle, so it stays a file of its own, and it may require only Node's
 * modules: anything of the package it required would be a second copy beside the bundle's.
 */
const binLoader = 'code-cache.js';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const reserved = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof let new null return static super switch this throw true try typeof var void while with yield'.split(
    ' ',
  ),
);

/** The dist-relative path of every library entry point and of the executable. */
function entryPoints() {
  const library = new Set();
  for (const target of Object.values(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (file.startsWith('./dist/') && file.endsWith('.js'))
      library.add(file.slice('./dist/'.length));
  }
  const bins = new Set(Object.values(pkg.bin).map((file) => file.replace(/^\.\/dist\//, '')));
  return { library: [...library], bins: [...bins] };
}

function allJsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return allJsFiles(file);
    return name.endsWith('.js') ? [file] : [];
  });
}

/** `require()`'s specifier of `target` (a file in dist/) from an entry file. */
function specifierFrom(entry, target) {
  const relative = path.relative(path.dirname(path.join(dist, entry)), path.join(dist, target));
  const posix = relative.split(path.sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

/** `require()`'s specifier of the bundle from an entry file. */
function bundleSpecifier(entry) {
  return specifierFrom(entry, bundleName);
}

/** `require()`'s specifier of the executable's loader from an entry file. */
function loaderSpecifier(entry) {
  return specifierFrom(entry, binLoader);
}

/** The separate modules and the relative modules they require, as dist-relative paths. */
function separateClosure() {
  const closure = new Set();
  const visit = (entry) => {
    if (closure.has(entry)) return;
    closure.add(entry);
    const source = readFileSync(path.join(dist, entry), 'utf8');
    for (const [, specifier] of source.matchAll(/require\("(\.[^"]+)"\)/g))
      visit(path.posix.join(path.posix.dirname(entry), specifier));
  };
  separateModules.forEach(visit);
  return closure;
}

async function main() {
  const { library, bins } = entryPoints();
  // It works on tsc's output: run twice, it would bundle its own stubs.
  if (
    readFileSync(path.join(dist, library[0]), 'utf8').includes(
      'Generated by scripts/bundle-dist.cjs',
    )
  )
    throw new Error('dist/ is bundled already: run `npm run build:ts` (tsc, then this)');
  // The names each library entry exports, from tsc's output (requiring it runs no command).
  const names = new Map(
    library.map((entry) => [entry, Object.keys(require(path.join(dist, entry)))]),
  );
  const contents = [...library, ...bins]
    .map((entry) => `  ${JSON.stringify(entry)}: () => require(${JSON.stringify(`./${entry}`)}),`)
    .join('\n');
  const separate = separateClosure();
  const loaderRequires = [
    ...readFileSync(path.join(dist, binLoader), 'utf8').matchAll(/require\("([^"]+)"\)/g),
  ].filter(([, specifier]) => !specifier.startsWith('node:'));
  if (loaderRequires.length > 0)
    throw new Error(`${binLoader} may require only node: modules, not ${loaderRequires[0][1]}`);
  // Requires of a separate module stay requires, of its file seen from dist/bundle.js.
  const keepSeparate = {
    name: 'keep-separate',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const entry = path.relative(dist, path.resolve(args.resolveDir, args.path));
        const posix = entry.split(path.sep).join('/');
        return separate.has(posix) ? { path: `./${posix}`, external: true } : undefined;
      });
    },
  };
  const result = await esbuild.build({
    stdin: { contents: `module.exports = {\n${contents}\n};\n`, resolveDir: dist, loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Dependencies are loaded from node_modules when used, as before.
    packages: 'external',
    outfile: path.join(dist, bundleName),
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [keepSeparate],
  });
  // The executable runs the bundle as a `vm` script, where an `import()` would throw (Node 20):
  // the bundle's code imports through import-module.js.
  const dynamicImport = /\bimport\((?!\))/.exec(readFileSync(path.join(dist, bundleName), 'utf8'));
  if (dynamicImport !== null)
    throw new Error(
      `dist/${bundleName} calls import() itself (at offset ${dynamicImport.index}): use importModule (lib/import-module.ts)`,
    );
  // Generated code is shipped minified: nobody reads it, and tsc printed it at twice the size
  // of its source, which every process that loads it would parse.
  for (const entry of separate) {
    if (!entry.endsWith('.generated.js')) continue;
    const file = path.join(dist, entry);
    const { code } = await esbuild.transform(readFileSync(file, 'utf8'), {
      minify: true,
      format: 'cjs',
      target: 'node20',
    });
    writeFileSync(file, code);
  }
  // Every other module of tsc's output goes: those run are in the bundle, the rest hold only
  // types (their .js is empty). The entries become stubs.
  const bundled = Object.keys(result.metafile.inputs).length;
  const kept = new Set(
    [bundleName, binLoader, ...library, ...bins, ...separate].map((entry) =>
      path.join(dist, entry),
    ),
  );
  for (const file of allJsFiles(dist)) if (!kept.has(file)) rmSync(file);
  for (const entry of library) {
    const exported = names.get(entry);
    // Shorthand properties need plain identifiers; a reserved word would break the stub.
    const odd = exported.filter((name) => !/^[A-Za-z_$][\w$]*$/.test(name) || reserved.has(name));
    if (odd.length > 0)
      throw new Error(`${entry} exports names a stub cannot list: ${odd.join(', ')}`);
    writeFileSync(
      path.join(dist, entry),
      [
        "'use strict';",
        '// Generated by scripts/bundle-dist.cjs: this entry point is a part of the one bundle.',
        `module.exports = require(${JSON.stringify(bundleSpecifier(entry))})[${JSON.stringify(entry)}]();`,
        '// For the named imports of `import` (Node reads this; it never runs).',
        `0 && (module.exports = { ${exported.join(', ')} });`,
        '',
      ].join('\n'),
    );
  }
  for (const entry of bins) {
    const file = path.join(dist, entry);
    writeFileSync(
      file,
      [
        '#!/usr/bin/env node',
        "'use strict';",
        '// Generated by scripts/bundle-dist.cjs: the executable runs its part of the one bundle,',
        "// loaded with V8's code cache (code-cache.js).",
        `require(${JSON.stringify(loaderSpecifier(entry))}).runBundled(require.resolve(${JSON.stringify(bundleSpecifier(entry))}), ${JSON.stringify(entry)}, process.argv.slice(2));`,
        '',
      ].join('\n'),
    );
    // npm ci leaves a bin without its execute bit when the build did not set it (issue 17).
    chmodSync(file, 0o755);
  }
  const size = statSync(path.join(dist, bundleName)).size;
  // On stderr, as esbuild's own messages: `npm pack --json` runs this build and owns stdout.
  console.error(
    `bundle-dist: dist/${bundleName} (${(size / 1024).toFixed(0)} KiB, ${bundled} modules); entries: ${[...library, ...bins].join(', ')}`,
  );
}

main().catch((error) => {
  console.error(`bundle-dist: ${error.message}`);
  process.exitCode = 1;
});
