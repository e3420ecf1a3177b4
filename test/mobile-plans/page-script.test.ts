/**
 * The page script run as a page runs it (in a fresh V8 context standing in for the frame), with
 * the documents' sample code unchanged, forwarding to a host on the fake.
 */

import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  attachMobilePlans,
  createMobilePlansHost,
  type MobilePlansFrame,
  type MobilePlansHost,
  type MobilePlansPage,
} from '../../lib/mobile-plans/index.js';
import { connectFake, tick } from '../helpers.js';
import type { MobileBroadband } from '../../lib/index.js';

const eid = '89049032123451234512345678901235';

/** A frame: a V8 context with `window`, and a Page over it with Playwright's two methods. */
function frameAt(url: string) {
  const window: Record<string, unknown> = {};
  window.window = window;
  const log: string[] = [];
  window.Log = (text: string) => void log.push(text);
  const frame: MobilePlansFrame = {
    url: () => url,
    evaluate: <R, A>(fn: (arg: A) => R, arg: A) =>
      Promise.resolve(
        runInNewContext(
          `(${fn.toString()})(arg)`,
          Object.assign(window, { arg, globalThis: window }),
        ) as R,
      ),
  };
  const page: MobilePlansPage = {
    exposeBinding: (name, callback) => {
      window[name] = (...args: unknown[]) => callback({ frame }, ...args);
      return Promise.resolve();
    },
    addInitScript: ({ content }) => {
      runInNewContext(content, window);
      return Promise.resolve();
    },
  };
  const run = (code: string): unknown => runInNewContext(code, window);
  return { page, run, log };
}

let mbb: MobileBroadband | undefined;
let host: MobilePlansHost | undefined;
afterEach(async () => {
  await host?.close();
  await mbb?.close();
});

async function setUp(url: string) {
  const c = await connectFake();
  c.fake.esim.insert({ eid });
  mbb = c.mbb;
  host = createMobilePlansHost({ mbb, allowedOrigins: ['http://127.0.0.1:8080'] });
  const f = frameAt(url);
  await attachMobilePlans(f.page, host);
  const settle = async () => {
    for (let i = 0; i < 40; i++) {
      await tick();
      c.fake.clock.advance(1_000);
    }
  };
  return { ...f, fake: c.fake, settle };
}

const inlineSample = `
var purchaseMetaData = MobilePlans.createPurchaseMetaData();
    purchaseMetaData.userAccount = MobilePlansUserAccount.new;
    purchaseMetaData.purchaseInstrument = MobilePlansPurchaseInstrument.new;
    purchaseMetaData.lineType = MobilePlansLineType.new;
    purchaseMetaData.modirectStatus = MobilePlansMoDirectStatus.complete;
    purchaseMetaData.planName = "My Plan";
    MobilePlansInlineOperations.registrationChangedScript = "onRegistrationChanged";
    MobilePlansInlineOperations.profileActivationCompleteScript = "onActivationComplete";
    MobilePlansInlineOperations.notifyProfileDownload(purchaseMetaData , "1$smdp.address$matchingID");
`;
const listeners = `
var activations = [];
function onActivationComplete(activationArgs) { activations.push(JSON.parse(activationArgs)); }
function onRegistrationChanged(registrationArgs) {
    var registrationObj = JSON.parse(registrationArgs);
    if(registrationObj.networkRegistrationState == MobilePlansNetworkRegistrationState.home ||
       registrationObj.networkRegistrationState == MobilePlansNetworkRegistrationState.roaming ||
       registrationObj.networkRegistrationState == MobilePlansNetworkRegistrationState.partner)
    {
        Log('Registration Successful!');
    }
}
`;

describe('the page script', () => {
  it("runs the documents' inline sample unchanged", async () => {
    const f = await setUp('http://127.0.0.1:8080/buy?step=3');
    f.run(listeners);
    f.run(inlineSample);
    await f.settle();
    expect(f.run('activations')).toEqual([
      { activationResult: 'success', iccid: expect.any(String) },
    ]);
    await f.fake.register('home');
    await f.settle();
    expect(f.log).toEqual(['Registration Successful!']);
  });

  it('MobilePlansInlineProfileDownload is the same object; the enumerations are frozen', async () => {
    const f = await setUp('http://127.0.0.1:8080/');
    expect(f.run('MobilePlansInlineProfileDownload === MobilePlansInlineOperations')).toBe(true);
    f.run('MobilePlansActivationError.success = "hacked"');
    expect(f.run('MobilePlansActivationError.success')).toBe('success');
    expect(
      f.run('typeof MobilePlansInlineOperations.notifyProfileDownload({}, "x").operationId'),
    ).toBe('string');
  });

  it('a page from another origin is refused, and nothing happens', async () => {
    const f = await setUp('http://127.0.0.1:9090/');
    const refused: string[] = [];
    host!.on('event', (e) => void (e.kind === 'refused' && refused.push(e.origin)));
    f.run(listeners);
    f.run(inlineSample);
    await f.settle();
    expect(f.run('activations')).toEqual([]);
    expect(refused).toEqual(['http://127.0.0.1:9090']);
    expect(f.fake.esim.esims[0]!.profiles).toEqual([]);
  });

  it('garbage from the page never throws into it', async () => {
    const f = await setUp('http://127.0.0.1:8080/');
    f.run(listeners);
    f.run('MobilePlansInlineOperations.profileActivationCompleteScript = "onActivationComplete"');
    const cyclic =
      'var a = {}; a.a = a; MobilePlansInlineOperations.notifyProfileDownload(a, 42, "soon")';
    expect(() => f.run(cyclic)).not.toThrow();
    expect(() => f.run('MobilePlans.notifyBalanceAddition(undefined, {})')).not.toThrow();
    expect(() => f.run('MobilePlansInlineOperations.notifyOperationCancel(null)')).not.toThrow();
    await f.settle();
    expect(f.run('activations.map(a => a.activationResult)')).toEqual(['invalidJson']);
  });
});
