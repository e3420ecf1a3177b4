/**
 * End to end in real headless Chromium (Debian's `/usr/bin/chromium`): a sample portal served on
 * localhost runs the documents' sample code unchanged for each flow; the host runs on the fake.
 * Without Chromium these tests fail and say how to install it: they are never skipped.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  attachMobilePlans,
  createMobilePlansHost,
  type MobilePlansEvent,
  type MobilePlansHost,
} from '../../lib/mobile-plans/index.js';
import type { FakeBackend } from '../../lib/fake/index.js';
import type { MobileBroadband } from '../../lib/index.js';
import { connectFake } from '../helpers.js';

const chromiumPath = process.env.WMBB_CHROMIUM ?? '/usr/bin/chromium';
const portal = readFileSync(
  path.join(__dirname, '../fixtures/mobile-plans-portal/index.html'),
  'utf8',
);
const eid = '89049032123451234512345678901235';

let browser: Browser;
let server: Server;
let other: Server;
let origin: string;
let otherOrigin: string;

function serve(): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url?.startsWith('/framed')) {
        // A page of the portal that embeds a frame from another origin (an ad).
        res.end(`<iframe src="${otherOrigin}/"></iframe>`);
      } else {
        res.end(portal);
      }
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: install it with 'apt-get install -y chromium' (or set WMBB_CHROMIUM)`,
    );
  }
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  server = await serve();
  other = await serve();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  other?.close();
});

interface Rig {
  fake: FakeBackend;
  mbb: MobileBroadband;
  host: MobilePlansHost;
  page: Page;
  events: MobilePlansEvent[];
  received(): Promise<{ script: string; args: Record<string, string> }[]>;
  /** Advances the fake's clock until `done` holds (or 200 steps). */
  until(done: () => Promise<boolean>, stepMs?: number): Promise<void>;
}

let open: Rig | undefined;
afterEach(async () => {
  await open?.page.close();
  await open?.host.close();
  await open?.mbb.close();
  open = undefined;
});

async function rig(url = '/'): Promise<Rig> {
  const { fake, mbb } = await connectFake();
  fake.esim.insert({ eid });
  const host = createMobilePlansHost({ mbb, allowedOrigins: [origin] });
  const events: MobilePlansEvent[] = [];
  host.on('event', (e) => void events.push(e));
  const page = await browser.newPage();
  await attachMobilePlans(page, host);
  await page.goto(`${origin}${url}`);
  const received = async () => {
    const raw = await page.evaluate<{ script: string; args: string }[]>('received');
    return raw.map((r) => ({
      script: r.script,
      args: JSON.parse(r.args) as Record<string, string>,
    }));
  };
  const until = async (done: () => Promise<boolean>, stepMs = 1_000) => {
    for (let i = 0; i < 200 && !(await done()); i++) {
      fake.clock.advance(stepMs);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  open = { fake, mbb, host, page, events, received, until };
  return open;
}

const run = (r: Rig, fn: string) => r.page.evaluate(`${fn}()`);

describe('Mobile Plans in Chromium', () => {
  it('inline download: activation, then registrations compared with ==', async () => {
    const r = await rig();
    await run(r, 'inlineDownload');
    await r.until(async () => (await r.received()).length > 0);
    const [activation] = await r.received();
    expect(activation).toEqual({
      script: 'onActivationComplete',
      args: { activationResult: 'success', iccid: expect.stringMatching(/^\d+$/) },
    });
    await r.fake.register('home');
    await r.until(async () => (await r.received()).length > 1);
    expect((await r.received())[1]).toEqual({
      script: 'onRegistrationChanged',
      args: { networkRegistrationState: 'home', iccid: activation!.args.iccid },
    });
    expect(await r.page.evaluate('logged')).toEqual(['Registration Successful!']);
  });

  it('delayed download: the prompt after 15 minutes, then the download', async () => {
    const r = await rig();
    const prompted: number[] = [];
    r.host.on('downloadReady', (p) => {
      prompted.push(r.fake.clock.now());
      p.accept();
    });
    const start = r.fake.clock.now();
    await run(r, 'delayedDownload');
    await r.until(async () => (await r.received()).length > 0, 60_000);
    expect(prompted[0]! - start).toBeGreaterThanOrEqual(15 * 60_000);
    expect((await r.received())[0]!.args.activationResult).toBe('success');
  });

  it('cancelled download: nothing is downloaded', async () => {
    const r = await rig();
    await run(r, 'cancelledDownload');
    await r.until(() => Promise.resolve(r.events.some((e) => e.kind === 'flowEnded')), 60_000);
    r.fake.clock.advance(60 * 60_000);
    expect(r.events).toContainEqual(
      expect.objectContaining({ kind: 'flowEnded', outcome: 'cancelled' }),
    );
    expect(r.fake.esim.esims[0]!.profiles).toEqual([]);
    expect(await r.received()).toEqual([]);
  });

  it('delayed connectivity: the registration attempt 15 minutes after the purchase', async () => {
    const r = await rig();
    await r.fake.register('home');
    await r.page.evaluate(`
      MobilePlans.registrationChangedScript = 'onRegistrationChanged';
      MobilePlans.profileActivationCompleteScript = 'onActivationComplete';
    `);
    await run(r, 'finishPurchaseWithDownload');
    await r.until(async () => (await r.received()).length > 1, 60_000);
    const [activation, registration] = await r.received();
    expect(activation!.args.activationResult).toBe('success');
    expect(registration).toEqual({
      script: 'onRegistrationChanged',
      args: { networkRegistrationState: 'home', iccid: activation!.args.iccid },
    });
  });

  it('balance addition without and with an ICCID (the sample one, which fails the Luhn check)', async () => {
    const r = await rig();
    r.fake.esim.addProfile(eid, { id: '8900000000000000001', state: 'disabled' });
    await run(r, 'NotifyMobilePlans');
    await r.until(() => Promise.resolve(r.events.some((e) => e.kind === 'flowEnded')));
    expect(r.events.at(-1)).toMatchObject({ kind: 'flowEnded', outcome: 'balanceAdded' });
    await r.page.evaluate(
      "MobilePlansInlineOperations.profileActivationCompleteScript = 'onActivationComplete'",
    );
    await run(r, 'NotifyMobilePlansWithIccid');
    await r.until(async () => (await r.received()).length > 0);
    expect(await r.received()).toEqual([
      {
        script: 'onActivationComplete',
        args: { activationResult: 'success', iccid: '8900000000000000001' },
      },
    ]);
    expect(r.fake.esim.esims[0]!.profiles[0]!.state).toBe('enabled');
  });

  it('cancelled purchase: recorded, with the cancelled status', async () => {
    const r = await rig();
    await run(r, 'finishPurchaseWithCancellation');
    await r.until(() => Promise.resolve(r.events.some((e) => e.kind === 'flowEnded')));
    expect(r.events.at(-1)).toMatchObject({
      kind: 'flowEnded',
      outcome: 'cancelledPurchase',
      metadata: { moDirectStatus: 'cancelled', line: 'bailed', planName: '' },
    });
  });

  it('bad input from the page never breaks the host', async () => {
    const r = await rig();
    // As a page would write it: plain JavaScript, run in the page.
    await r.page.evaluate(`
      MobilePlansInlineOperations.profileActivationCompleteScript = 'onActivationComplete';
      MobilePlansInlineOperations.notifyProfileDownload('{not json', '1$smdp.address$matchingID');
      MobilePlansInlineOperations.notifyProfileDownload(
        { userAccount: 7 },
        'x'.repeat(1_000_000),
      );
      MobilePlansInlineOperations.notifyProfileDownload(
        {
          userAccount: 'new',
          purchaseInstrument: 'new',
          line: 'new',
          moDirectStatus: 'complete',
          planName: 'p',
        },
        'garbage',
      );
      MobilePlansInlineOperations.notifyBalanceAddition(
        {
          userAccount: 'new',
          purchaseInstrument: 'new',
          line: 'new',
          moDirectStatus: 'complete',
          planName: 'p',
        },
        'not-an-iccid',
      );
      MobilePlansInlineOperations.profileActivationCompleteScript = 'noSuchFunction';
      MobilePlansInlineOperations.notifyProfileDownload(null, null);
      __wmbbMobilePlans({ method: 'notifyEverything', args: 'x' });
      __wmbbMobilePlans('garbage');
    `);
    await r.until(async () => (await r.received()).length >= 4);
    expect((await r.received()).map((x) => x.args.activationResult)).toEqual([
      'invalidJson',
      'invalidJson',
      'invalidActivationCode',
      'invalidIccid',
    ]);
    await r.until(() => Promise.resolve(r.events.some((e) => e.kind === 'callbackFailed')));
    expect(r.events).toContainEqual(
      expect.objectContaining({ kind: 'callbackFailed', script: 'noSuchFunction' }),
    );
    // The host still works.
    await run(r, 'inlineDownload');
    await r.until(async () => (await r.received()).length >= 5);
    expect((await r.received())[4]!.args.activationResult).toBe('success');
  });

  it('a frame from another origin is refused, never acted on', async () => {
    const r = await rig('/framed');
    const frame = r.page.frames().find((f) => f.url().startsWith(otherOrigin));
    expect(frame).toBeDefined();
    await frame!.evaluate('inlineDownload()');
    await r.until(() => Promise.resolve(r.events.some((e) => e.kind === 'refused')));
    expect(r.events).toEqual([
      expect.objectContaining({
        kind: 'refused',
        origin: otherOrigin,
        method: 'notifyProfileDownload',
      }),
    ]);
    r.fake.clock.advance(60_000);
    expect(r.fake.esim.esims[0]!.profiles).toEqual([]);
  });
});
