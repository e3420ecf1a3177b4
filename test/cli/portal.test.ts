/**
 * `wmbb portal`: without a browser it says how to get one; with Debian's Chromium it opens the
 * sample portal headless and prints the portal's calls and the callbacks as NDJSON.
 */

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { captureIo } from './capture-io.js';

const portal = readFileSync(
  path.join(__dirname, '../fixtures/mobile-plans-portal/index.html'),
  'utf8',
).replace('</body>', '<script>setTimeout(inlineDownload, 50)</script></body>');

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.end(portal));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => void server.close());

describe('wmbb portal', () => {
  it('without a browser: one line saying how to get one, exit 1', async () => {
    const io = captureIo();
    const saved = process.env.WMBB_CHROMIUM;
    process.env.WMBB_CHROMIUM = '/nonexistent/chromium';
    try {
      const code = await runCli(['portal', url, '--fake', '--headless'], { io });
      expect(code).toBe(1);
      expect(io.stderr().trim().split('\n')).toHaveLength(1);
      expect(io.stderr()).toContain('apt-get install chromium');
    } finally {
      if (saved === undefined) delete process.env.WMBB_CHROMIUM;
      else process.env.WMBB_CHROMIUM = saved;
    }
  });

  it('a bad URL is a one-line error', async () => {
    const io = captureIo();
    expect(await runCli(['portal', 'ftp://x', '--fake'], { io })).toBe(1);
    expect(io.stderr()).toContain('not an http or https URL');
  });

  it("prints the portal's calls and callbacks as NDJSON", async () => {
    const io = captureIo();
    const stop = new AbortController();
    const running = runCli(['portal', url, '--fake', '--headless', '--json'], {
      io,
      signal: stop.signal,
    });
    const deadline = Date.now() + 20_000;
    while (!io.stdout().includes('onActivationComplete') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    expect(await running).toBe(130); // stopped as by Ctrl+C
    const records = io
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['opened', 'call', 'callback', 'flowEnded']),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        kind: 'callback',
        script: 'onActivationComplete',
        args: expect.objectContaining({ activationResult: 'success' }),
      }),
    );
  }, 30_000);

  it('--scenario plays on the fake once the portal is open; a bad one fails before a browser opens', async () => {
    const io = captureIo();
    const stop = new AbortController();
    const scenario = path.join(__dirname, '../fixtures/mobile-plans-portal/register-home.json');
    const running = runCli(
      ['portal', url, '--fake', '--headless', '--json', '--scenario', scenario],
      {
        io,
        signal: stop.signal,
      },
    );
    const deadline = Date.now() + 20_000;
    while (!io.stdout().includes('"kind":"step"') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    expect(await running).toBe(130);
    expect(io.stdout()).toContain('"action":"register"');
    const bad = captureIo();
    expect(
      await runCli(['portal', url, '--fake', '--scenario', '/nonexistent.json'], { io: bad }),
    ).toBe(1);
    expect(bad.stderr().trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
