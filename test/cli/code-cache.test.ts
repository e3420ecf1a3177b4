import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDirectory, commandOf, loadBundle } from '../../lib/code-cache.js';

const nodeRequire = createRequire(__filename);
const posixOnly = process.platform === 'win32' ? it.skip : it;
/** Only root can hand a folder to another user (chown). */
const asRoot = process.getuid?.() === 0 ? it : it.skip;

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'wmbb-code-cache-'));
});
afterEach(() => {
  for (const key of Object.keys(nodeRequire.cache))
    if (key.startsWith(scratch)) delete nodeRequire.cache[key];
  rmSync(scratch, { recursive: true, force: true });
});

/** A bundle file as bundle-dist writes one: CommonJS, a map of entry functions. */
function writeBundle(name: string, body = ''): string {
  const file = path.join(scratch, name);
  writeFileSync(
    file,
    `${body}\nlet runs = 0;\nmodule.exports = { 'main.js': () => ++runs, dirname: () => __dirname, sum: (a, b) => a + b };\n`,
  );
  return file;
}

/**
 * Loads `file` in-process, nothing of it in require.cache. V8 keeps what it compiled per
 * process, so whether a cache file is used or rejected shows only in a new process: see
 * {@link loadInChild}.
 */
function loadFresh(file: string, directory: string | undefined, command = 'demo') {
  delete nodeRequire.cache[file];
  return loadBundle(file, { directory, command });
}

const builtCodeCache = path.join(__dirname, '..', '..', 'dist', 'code-cache.js');

/** Loads `file` with the built code-cache.js in a new process, saves, and reports. */
function loadInChild(
  file: string,
  directory: string,
  command = 'demo',
  chosen = false,
): { state: string; saved: boolean; sum: number } {
  const options = JSON.stringify({ directory, command, chosen });
  const script = `const { loadBundle } = require(${JSON.stringify(builtCodeCache)});
const loaded = loadBundle(${JSON.stringify(file)}, ${options});
const sum = loaded.exports.sum(2, 3);
console.log(JSON.stringify({ state: loaded.state, saved: loaded.save(), sum }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
    state: string;
    saved: boolean;
    sum: number;
  };
}

type Bundle = {
  'main.js': () => number;
  dirname: () => string;
  sum: (a: number, b: number) => number;
};

describe('the executable loads its bundle with V8’s code cache', () => {
  it('writes the cache after a first run and uses it in the next; the module is the one require() gives', () => {
    const file = writeBundle('bundle.js');
    const directory = path.join(scratch, 'cache');
    const loaded = loadFresh(file, directory);
    expect(loaded.state).toBe('missing');
    const exports = loaded.exports as Bundle;
    expect(exports.sum(2, 3)).toBe(5);
    expect(exports.dirname()).toBe(scratch);
    // Registered as require() registers a module: a later require() gets the same one.
    expect(nodeRequire(file)).toBe(exports);
    expect(loaded.save()).toBe(true);
    const [cached] = readdirSync(directory);
    expect(cached).toMatch(/^[0-9a-f]{16}-demo\.bin$/);
    if (process.platform !== 'win32') {
      expect(statSync(directory).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(directory, cached!)).mode & 0o777).toBe(0o600);
    }
    // The next process reads it, and has nothing to write.
    expect(loadInChild(file, directory)).toEqual({ state: 'used', saved: false, sum: 5 });
  });

  it('keeps one cache per command, and a changed bundle (same length) gets its own', () => {
    const file = writeBundle('bundle.js', '// version a');
    const directory = path.join(scratch, 'cache');
    expect(loadInChild(file, directory, 'demo').state).toBe('missing');
    expect(loadInChild(file, directory, 'options').state).toBe('missing');
    expect(loadInChild(file, directory, 'demo').state).toBe('used');
    writeBundle('bundle.js', '// version b');
    expect(loadInChild(file, directory, 'demo').state).toBe('missing');
    expect(readdirSync(directory)).toHaveLength(3);
  });

  it('a damaged cache is rejected by V8, the bundle still runs, and saving replaces it', () => {
    const file = writeBundle('bundle.js');
    const directory = path.join(scratch, 'cache');
    loadInChild(file, directory);
    const [name] = readdirSync(directory);
    writeFileSync(path.join(directory, name!), Buffer.alloc(4096, 7));
    expect(loadInChild(file, directory)).toEqual({ state: 'rejected', saved: true, sum: 5 });
    expect(loadInChild(file, directory)).toEqual({ state: 'used', saved: false, sum: 5 });
  });

  posixOnly('never reads nor writes a directory others may write to, nor one behind a link', () => {
    const file = writeBundle('bundle.js');
    const directory = path.join(scratch, 'cache');
    loadInChild(file, directory);
    chmodSync(directory, 0o777);
    expect(loadInChild(file, directory)).toEqual({ state: 'missing', saved: false, sum: 5 });
    chmodSync(directory, 0o700);
    const link = path.join(scratch, 'link');
    symlinkSync(directory, link);
    expect(loadInChild(file, link)).toEqual({ state: 'missing', saved: false, sum: 5 });
  });

  asRoot(
    'makes the default directory only where the nearest folder is ours (sudo with a kept HOME)',
    () => {
      const file = writeBundle('bundle.js');
      // The home of another user, as root sees it under sudo.
      const home = path.join(scratch, 'home-of-ana');
      mkdirSync(home);
      chownSync(home, 4242, 4242);
      const directory = path.join(home, '.cache', 'windows-mobile-broadband');
      expect(loadInChild(file, directory)).toEqual({ state: 'missing', saved: false, sum: 5 });
      expect(existsSync(path.join(home, '.cache'))).toBe(false);
      // A directory the user chose (WMBB_COMPILE_CACHE) is made wherever it is.
      expect(loadInChild(file, directory, 'demo', true).saved).toBe(true);
    },
  );

  it('deletes its own cache files written over 30 days ago when it writes one, and nothing else', () => {
    const file = writeBundle('bundle.js');
    const directory = path.join(scratch, 'cache');
    mkdirSync(directory, { mode: 0o700 });
    const old = path.join(directory, '0123456789abcdef-demo.bin');
    const recent = path.join(directory, '0123456789abcdef-esim.bin');
    const foreign = path.join(directory, 'notes.txt');
    const leftOver = path.join(directory, '0123456789abcdef-demo.bin.4242.partial');
    for (const f of [old, recent, foreign, leftOver]) writeFileSync(f, 'x');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    for (const f of [old, foreign, leftOver]) utimesSync(f, longAgo, longAgo);
    expect(loadFresh(file, directory).save()).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(leftOver)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
  });

  it('a cache it cannot write costs nothing but speed', () => {
    const file = writeBundle('bundle.js');
    const blocker = path.join(scratch, 'not-a-directory');
    writeFileSync(blocker, 'x');
    const loaded = loadFresh(file, path.join(blocker, 'cache'));
    expect((loaded.exports as Bundle).sum(1, 2)).toBe(3);
    expect(loaded.save()).toBe(false);
  });

  it('a bundle that throws while loading is not left in require.cache', () => {
    const file = writeBundle('bundle.js', 'throw new Error("broken bundle");');
    expect(() => loadFresh(file, path.join(scratch, 'cache'))).toThrow('broken bundle');
    expect(nodeRequire.cache[file]).toBeUndefined();
  });

  it('without a directory it is require()', () => {
    const file = writeBundle('bundle.js');
    const loaded = loadFresh(file, undefined);
    expect(loaded.state).toBe('off');
    expect(loaded.exports).toBe(nodeRequire(file));
  });

  it('the directory: the user’s own cache, WMBB_COMPILE_CACHE, or off', () => {
    const home = '/home/ana';
    expect(cacheDirectory({}, 'linux', home)).toBe('/home/ana/.cache/windows-mobile-broadband');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/xdg' }, 'linux', home)).toBe(
      '/xdg/windows-mobile-broadband',
    );
    // A relative XDG_CACHE_HOME is invalid by its specification.
    expect(cacheDirectory({ XDG_CACHE_HOME: 'xdg' }, 'linux', home)).toBe(
      '/home/ana/.cache/windows-mobile-broadband',
    );
    expect(cacheDirectory({}, 'darwin', home)).toBe(
      '/home/ana/Library/Caches/windows-mobile-broadband',
    );
    expect(cacheDirectory({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', home)).toBe(
      'C:\\Users\\ana\\AppData\\Local\\windows-mobile-broadband\\compile-cache',
    );
    expect(cacheDirectory({ WMBB_COMPILE_CACHE: '/tmp/c' }, 'linux', home)).toBe('/tmp/c');
    for (const off of ['0', 'off', 'FALSE', 'relative/dir'])
      expect(cacheDirectory({ WMBB_COMPILE_CACHE: off }, 'linux', home)).toBeUndefined();
    expect(cacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1' }, 'linux', home)).toBeUndefined();
    // No home directory: never a cache under the working directory.
    expect(cacheDirectory({}, 'linux', '')).toBeUndefined();
    expect(cacheDirectory({}, 'darwin', '')).toBeUndefined();
    expect(cacheDirectory({}, 'win32', '')).toBeUndefined();
    expect(cacheDirectory({}, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Local\\windows-mobile-broadband\\compile-cache',
    );
  });

  it('the command a run is cached under', () => {
    expect(commandOf(['demo'])).toBe('demo');
    expect(commandOf(['--fake', 'esim', 'list'])).toBe('esim');
    expect(commandOf(['--version'])).toBe('options');
    expect(commandOf([])).toBe('help');
    expect(commandOf(['Frob!'])).toBeUndefined();
  });
});

describe('the built wmbb with its code cache', () => {
  const main = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
  const run = (args: string[], cache: string) =>
    spawnSync(process.execPath, [main, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', WMBB_COMPILE_CACHE: cache },
    });

  it('prints the same with the cache, without it, and from it; writes it only after a run that succeeded', () => {
    const directory = path.join(scratch, 'cache');
    const plain = run(['demo', '--json'], '0');
    expect(plain.status).toBe(0);
    const first = run(['demo', '--json'], directory);
    expect(readdirSync(directory)).toEqual([expect.stringMatching(/-demo\.bin$/)]);
    const second = run(['demo', '--json'], directory);
    for (const r of [first, second]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.stderr).toBe(plain.stderr);
    }
    // Failed runs and help leave nothing: what they compiled is not what the command needs.
    expect(run(['frobnicate'], directory).status).toBe(2);
    expect(run(['status', '--help'], directory).status).toBe(0);
    expect(readdirSync(directory)).toHaveLength(1);
  });
});
