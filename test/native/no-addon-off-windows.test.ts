/**
 * Requiring the package off Windows never touches a .node file: the fake is chosen and the
 * native loader is never called. Checked in a child process over the built package (dist/),
 * as a user would load it, with Node's .node loader instrumented.
 */

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

describe.skipIf(process.platform === 'win32')('off Windows', () => {
  it('require() and a whole eSIM session load no native addon', () => {
    const script = `
      const Module = require('node:module');
      const loaded = [];
      const original = Module._extensions['.node'];
      Module._extensions['.node'] = (module, file) => { loaded.push(file); return original(module, file); };
      const { connect } = require(${JSON.stringify(path.join(root, 'dist', 'index.js'))});
      (async () => {
        const mbb = await connect();
        const esims = await mbb.esim.list();
        await mbb.close();
        process.stdout.write(JSON.stringify({ backend: mbb.backendName, esims: esims.length, loaded }));
      })();
    `;
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ backend: 'fake', esims: 0, loaded: [] });
  });
});
