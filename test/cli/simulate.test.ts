import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { captureIo } from './capture-io.js';

const examples = path.join(__dirname, '..', '..', 'examples');

describe('wmbb simulate', () => {
  // The reviewed output of each example scenario: a change of behaviour shows as a diff here.
  it.each(['roaming-day', 'prepaid-plan', 'tethering-session'])(
    '%s matches its reviewed timeline',
    async (name) => {
      const io = captureIo();
      expect(await runCli(['simulate', path.join(examples, `${name}.json`)], { io })).toBe(0);
      expect(io.stderr()).toBe('');
      await expect(io.stdout()).toMatchFileSnapshot(`__snapshots__/${name}.timeline.txt`);
    },
  );

  it.each(['roaming-day', 'prepaid-plan', 'tethering-session'])(
    '%s --json is NDJSON of notifications',
    async (name) => {
      const io = captureIo();
      expect(
        await runCli(['simulate', '--json', path.join(examples, `${name}.json`)], { io }),
      ).toBe(0);
      const lines = io.stdout().trimEnd().split('\n');
      for (const line of lines) {
        const object = JSON.parse(line) as Record<string, unknown>;
        expect(typeof (object.type ?? object.esimEvent)).toBe('string');
      }
      await expect(io.stdout()).toMatchFileSnapshot(`__snapshots__/${name}.ndjson`);
    },
  );

  it('eSIM events mask EIDs and ICCIDs; --reveal shows them whole', async () => {
    const eid = '89049032123451234512345678901235';
    const file = path.join(examples, 'roaming-day.json');
    for (const argv of [
      ['simulate', file],
      ['simulate', '--json', file],
    ]) {
      const io = captureIo();
      expect(await runCli(argv, { io })).toBe(0);
      expect(io.stdout()).toContain('8904… (32 characters)');
      expect(io.stdout()).not.toContain(eid);
      expect(io.stdout()).not.toContain('8901260123456789012');
    }
    const io = captureIo();
    expect(await runCli(['simulate', '--reveal', file], { io })).toBe(0);
    expect(io.stdout()).toContain(`EID ${eid}`);
  });

  it('an invalid scenario fails with exit 1 and names the step', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wmbb-sim-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        steps: [
          { action: 'register', state: 'home' },
          { action: 'transfer', bytes: '-3MB' },
        ],
      }),
    );
    const io = captureIo();
    expect(await runCli(['simulate', file], { io })).toBe(1);
    expect(io.stderr()).toMatch(
      /^wmbb: ERR_INVALID_SCENARIO: Scenario step 2 \(steps\[1\], transfer\): "bytes" must be/,
    );
    writeFileSync(file, '{ "steps": [ }');
    expect(await runCli(['simulate', file], { io })).toBe(1);
    expect(io.stderr()).toMatch(/ERR_INVALID_SCENARIO: .*bad\.json is not valid JSON/);
    expect(await runCli(['simulate', path.join(dir, 'missing.json')], { io })).toBe(1);
    expect(io.stderr()).toMatch(/cannot read the scenario ".*missing\.json": no such file/);
  });
});
