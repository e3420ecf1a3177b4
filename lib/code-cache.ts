/**
 * How `wmbb` loads the package's bundle (dist/bundle.js): with V8's code cache, the bytecode of
 * every function a command compiled, written after the command's first successful run and read
 * by the next, so that V8 neither parses the bundle nor compiles those functions again. `wmbb
 * demo` took 2.0× `node -e 0` without it and 1.8× with it (issue 17: start-up).
 *
 * Why this and not something ready-made: Node 22's `module.enableCompileCache()` does the same
 * for every module, but Node 20 has no such thing; a cache made before the bundle runs (what
 * `v8-compile-cache` makes) holds only its top level, since V8 compiles functions when first
 * called, and it gained nothing here. A cache made after the run holds what the run compiled.
 *
 * Only the executable loads the bundle this way: a library that writes files when it is
 * required would surprise its callers (Node's documentation says the same of
 * `enableCompileCache`). This file is not part of the bundle (it loads it) and requires only
 * Node's own modules. Off: `WMBB_COMPILE_CACHE=0` (or Node's `NODE_DISABLE_COMPILE_CACHE=1`);
 * elsewhere: `WMBB_COMPILE_CACHE=<absolute directory>`.
 *
 * @module
 * @internal
 */

import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/**
 * What became of the cache in one load: `off` (turned off, or no directory), `missing` (none
 * yet for this bundle, Node and command, or its directory is not private), `used`, or
 * `rejected` (V8 refused it: other V8 flags, or a damaged file).
 */
export type CodeCacheState = 'off' | 'missing' | 'used' | 'rejected';

/** The bundle, loaded. */
export interface LoadedBundle {
  /** `module.exports` of the bundle. */
  exports: unknown;
  state: CodeCacheState;
  /**
   * Writes the cache for the next run when there was none or V8 rejected it; returns whether it
   * wrote. Never throws: a cache that cannot be written only costs the next run its speed.
   */
  save(): boolean;
}

/**
 * Cache files written longer ago than this are deleted when another is written (old versions'
 * and Node's); one still in use is then simply written again by its command's next run.
 */
const staleMs = 30 * 24 * 60 * 60 * 1000;
/**
 * `<16 hex digits of the key>-<command>.bin`, and `….bin.<pid>.partial` while one is written
 * (left behind by a process that died meanwhile): all this module writes and may delete.
 */
const cacheFileName = /^[0-9a-f]{16}-[a-z][a-z0-9-]{0,31}\.bin(\.\d+\.partial)?$/;
/** A command a cache may be kept under: what `<command>` is in {@link cacheFileName}. */
const commandName = /^[a-z][a-z0-9-]{0,31}$/;
/** This user's id where files have owners to compare (POSIX); undefined on Windows. */
const ownUid =
  process.platform === 'win32' || process.getuid === undefined ? undefined : process.getuid();
const folderName = 'windows-mobile-broadband';

/**
 * The directory for the cache: `WMBB_COMPILE_CACHE` when it is an absolute path, none when it is
 * `0`/`off`/`false` or `NODE_DISABLE_COMPILE_CACHE` is set, else the user's own cache directory
 * (`%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` or `~/.cache`).
 * A relative `WMBB_COMPILE_CACHE` turns it off too: the cache must not follow the working
 * directory.
 */
export function cacheDirectory(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string | undefined {
  const chosen = env.WMBB_COMPILE_CACHE;
  if (chosen !== undefined && chosen !== '') {
    if (/^(0|off|false)$/i.test(chosen)) return undefined;
    return path.isAbsolute(chosen) ? chosen : undefined;
  }
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== '')
    return undefined;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    const directory = path.win32.join(local, folderName, 'compile-cache');
    return path.win32.isAbsolute(directory) ? directory : undefined;
  }
  const xdg = env.XDG_CACHE_HOME;
  const directory =
    platform === 'darwin'
      ? path.posix.join(home, 'Library', 'Caches', folderName)
      : path.posix.join(
          xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.cache'),
          folderName,
        );
  // No home (an empty HOME) would make it relative, under the working directory.
  return path.posix.isAbsolute(directory) ? directory : undefined;
}

/** The user's home directory, or '' when there is none (os.homedir() throws then). */
function homeDirectory(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/**
 * Whether `directory` is one only this user can write to (on POSIX: a real directory, not a
 * link, owned by us, not writable by group or others). V8 checks a cache's version and flags,
 * not where it came from: bytecode another user could plant would run as ours.
 */
function isPrivateDirectory(directory: string): boolean {
  try {
    const stat = lstatSync(directory);
    if (!stat.isDirectory()) return false;
    return ownUid === undefined || (stat.uid === ownUid && (stat.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

/**
 * Whether the nearest folder of `directory` that exists (itself, or an ancestor) is this
 * user's, on POSIX: the only place the default directory is created. Run with sudo and a
 * kept HOME, root would otherwise make root-owned folders in the user's home (even
 * `~/.cache`), which the user's own programs could then not write to.
 */
function isOursToCreate(directory: string): boolean {
  if (ownUid === undefined) return true;
  for (let at = directory; ; at = path.dirname(at)) {
    try {
      return lstatSync(at).uid === ownUid;
    } catch {
      if (path.dirname(at) === at) return false;
    }
  }
}

/** The cache file's key: the bundle's bytes, Node's version and the architecture. */
function cacheKey(bytes: Buffer): string {
  return createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 16);
}

/** The CommonJS wrapper Node puts around a module, on the first line so line numbers stay. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
}

/** Deletes this module's cache files written over {@link staleMs} ago; errors are ignored. */
function pruneStale(directory: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(directory)) {
    if (name === keep || !cacheFileName.test(name)) continue;
    const file = path.join(directory, name);
    try {
      if (now - lstatSync(file).mtimeMs > staleMs) rmSync(file, { force: true });
    } catch {
      // Another process deleted it first.
    }
  }
}

/**
 * Loads `file` (a CommonJS bundle) as `require()` would, registered in `require.cache` so that
 * a later `require()` of it gets the same module, with the code cache of `directory` for
 * `command` when there is one. Once loaded (by either way), the module is returned as it is.
 */
export function loadBundle(
  file: string,
  options: {
    directory: string | undefined;
    command: string;
    /**
     * The user chose the directory (`WMBB_COMPILE_CACHE`): it may be made anywhere. The default
     * one is made only where the nearest folder that exists is this user's.
     */
    chosen?: boolean;
  },
): LoadedBundle {
  const plain = (state: CodeCacheState): LoadedBundle => ({
    exports: createRequire(__filename)(file) as unknown,
    state,
    save: () => false,
  });
  const { directory, command } = options;
  if (require.cache[file] !== undefined || directory === undefined || !commandName.test(command))
    return plain('off');
  const bytes = readFileSync(file);
  const name = `${cacheKey(bytes)}-${command}.bin`;
  const cacheFile = path.join(directory, name);
  let cachedData: Buffer | undefined;
  if (isPrivateDirectory(directory)) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // None yet.
    }
  }
  const script = new vm.Script(wrap(bytes.toString('utf8')), {
    filename: file,
    cachedData,
    // No `importModuleDynamically`: Node 20 runs it only with --experimental-vm-modules, so the
    // bundle has no `import()` of its own (import-module.ts; bundle-dist checks).
  });
  const state: CodeCacheState =
    cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used';
  const bundle = new Module(file, module);
  bundle.filename = file;
  require.cache[file] = bundle;
  try {
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(bundle.exports, bundle.exports, createRequire(file), bundle, file, path.dirname(file));
  } catch (error) {
    // As require() does: a module that failed to load is not left half-loaded in the cache.
    delete require.cache[file];
    throw error;
  }
  bundle.loaded = true;
  return {
    exports: bundle.exports,
    state,
    save: () => {
      if (state === 'used') return false;
      try {
        if (options.chosen !== true && !isOursToCreate(directory)) return false;
        mkdirSync(directory, { recursive: true, mode: 0o700 });
        if (!isPrivateDirectory(directory)) return false;
        // Written aside and renamed, so a process starting meanwhile never reads half a file.
        const partial = `${cacheFile}.${process.pid}.partial`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, cacheFile);
        pruneStale(directory, name);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The name a run's cache is kept under: the command (the first word that is not an option), or
 * `options` for a run of options alone (`--version`); undefined (no cache) for a word that
 * cannot be a command.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (first === undefined) return argv.length === 0 ? 'help' : 'options';
  return commandName.test(first) ? first : undefined;
}

/**
 * Runs the executable: loads `bundleFile` with the code cache of the user's cache directory and
 * calls its `entry`. The cache is written at exit, and only after a run that ended with 0 and
 * asked for no help: what an error or `--help` compiled is not what the command needs next.
 */
export function runBundled(bundleFile: string, entry: string, argv: readonly string[]): void {
  const command = commandOf(argv);
  const loaded = loadBundle(bundleFile, {
    directory:
      command === undefined
        ? undefined
        : cacheDirectory(process.env, process.platform, homeDirectory()),
    command: command ?? '',
    chosen: (process.env.WMBB_COMPILE_CACHE ?? '') !== '',
  });
  if (loaded.state === 'missing' || loaded.state === 'rejected') {
    const asksForHelp = argv.some((arg) => arg === '-h' || arg === '--help' || arg === 'help');
    process.on('exit', (code) => {
      if (code === 0 && !asksForHelp) loaded.save();
    });
  }
  (loaded.exports as Record<string, () => void>)[entry]!();
}
