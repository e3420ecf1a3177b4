/**
 * The flows of the documents on the fake: downloads, delays, cancellation, purchases with a
 * registration interval, balance additions, cancelled purchases, and bad input from the page.
 */

import { afterEach, describe, expect, it } from 'vitest';
import {
  createMobilePlansHost,
  type MobilePlansCall,
  type MobilePlansEvent,
  type MobilePlansHost,
} from '../../lib/mobile-plans/index.js';
import { connectFake, tick } from '../helpers.js';
import { code, eid, metadata } from './host-fixtures.js';
import type { FakeBackend } from '../../lib/fake/index.js';
import type { MobileBroadband } from '../../lib/index.js';

const origin = 'http://127.0.0.1:8080';

interface Rig {
  fake: FakeBackend;
  mbb: MobileBroadband;
  host: MobilePlansHost;
  events: MobilePlansEvent[];
  delivered: { script: string; args: Record<string, string> }[];
  call(method: string, ...args: unknown[]): ReturnType<MobilePlansHost['handle']>;
  settle(ms?: number): Promise<void>;
}

let open: Rig | undefined;
afterEach(async () => {
  await open?.host.close();
  await open?.mbb.close();
  open = undefined;
});

async function rig(): Promise<Rig> {
  const { fake, mbb } = await connectFake();
  fake.esim.insert({ eid });
  const host = createMobilePlansHost({ mbb, allowedOrigins: [origin] });
  const events: MobilePlansEvent[] = [];
  const delivered: Rig['delivered'] = [];
  host.on('event', (e) => void events.push(e));
  const r: Rig = {
    fake,
    mbb,
    host,
    events,
    delivered,
    call: (method, ...args) =>
      host.handle(
        {
          origin,
          method,
          args,
          registrationChangedScript: 'onRegistrationChanged',
          profileActivationCompleteScript: 'onActivationComplete',
        },
        (script, json) =>
          void delivered.push({ script, args: JSON.parse(json) as Record<string, string> }),
      ),
    settle: async (ms = 0) => {
      // Let the host's promises and the fake's eSIM operations run on the virtual clock.
      for (let i = 0; i < 40; i++) {
        await tick();
        fake.clock.advance(i === 0 ? ms : 1_000);
      }
      await tick();
    },
  };
  open = r;
  return r;
}

const activation = (d: Rig['delivered']) =>
  d.filter((x) => x.script === 'onActivationComplete').map((x) => x.args);
const registrations = (d: Rig['delivered']) =>
  d.filter((x) => x.script === 'onRegistrationChanged').map((x) => x.args);

describe('createMobilePlansHost', () => {
  it('inline download: installs and enables, reports activation, then every registration', async () => {
    const r = await rig();
    const result = r.call('notifyProfileDownload', metadata, code);
    expect(result).toEqual({ refused: false, operationContext: { operationId: 'op-1' } });
    expect(r.delivered).toEqual([]); // control returns to the page first
    await r.settle();
    const [done] = activation(r.delivered);
    expect(done).toEqual({
      activationResult: 'success',
      iccid: expect.stringMatching(/^\d{19,20}$/),
    });
    const profile = r.fake.esim.esims[0]!.profiles.find((p) => p.id === done!.iccid);
    expect(profile?.state).toBe('enabled');
    expect(registrations(r.delivered)).toEqual([]); // activation does not wait for registration
    await r.fake.register('home');
    await r.settle();
    await r.fake.register('home');
    await r.fake.register('roaming');
    await r.settle();
    expect(registrations(r.delivered)).toEqual([
      { networkRegistrationState: 'home', iccid: done!.iccid },
      { networkRegistrationState: 'home', iccid: done!.iccid },
      { networkRegistrationState: 'roaming', iccid: done!.iccid },
    ]);
    // Identifiers are masked in what the embedding code sees.
    const logged = JSON.stringify(r.events);
    expect(logged).not.toContain(done!.iccid);
    expect(logged).not.toContain('matchingID');
  });

  it('a downloadDelay waits on the connection clock, then prompts; accept starts the download', async () => {
    const r = await rig();
    const prompts: string[] = [];
    r.host.on('downloadReady', (p) => {
      prompts.push(p.planName);
      p.accept();
    });
    r.call('notifyProfileDownload', metadata, code, 30);
    await r.settle(29 * 60_000 - 40_000);
    expect(prompts).toEqual([]);
    expect(r.fake.esim.esims[0]!.profiles).toEqual([]);
    await r.settle(60_000);
    expect(prompts).toEqual(['My Plan']);
    expect(activation(r.delivered)).toEqual([
      { activationResult: 'success', iccid: expect.any(String) },
    ]);
  });

  it('a declined prompt downloads nothing', async () => {
    const r = await rig();
    r.host.on('downloadReady', (p) => p.decline());
    r.call('notifyProfileDownload', metadata, code, 1);
    await r.settle(60_000);
    expect(r.fake.esim.esims[0]!.profiles).toEqual([]);
    expect(r.events.at(-1)).toMatchObject({ kind: 'flowEnded', outcome: 'declined' });
  });

  it('notifyOperationCancel before the delay has passed cancels the download', async () => {
    const r = await rig();
    const { operationContext } = r.call('notifyProfileDownload', metadata, code, 10);
    r.call('notifyOperationCancel', operationContext);
    await r.settle(20 * 60_000);
    expect(r.fake.esim.esims[0]!.profiles).toEqual([]);
    expect(r.delivered).toEqual([]);
    expect(r.events).toContainEqual(
      expect.objectContaining({ kind: 'flowEnded', outcome: 'cancelled' }),
    );
  });

  it('a purchase registers after the interval rounded up to 15 minutes', async () => {
    const r = await rig();
    await r.fake.register('home');
    r.call('notifyPurchaseWithProfileDownload', metadata, code, 5);
    await r.settle();
    const [done] = activation(r.delivered);
    expect(done?.activationResult).toBe('success');
    await r.settle(10 * 60_000);
    expect(registrations(r.delivered)).toEqual([]);
    await r.settle(5 * 60_000);
    expect(registrations(r.delivered)).toEqual([
      { networkRegistrationState: 'home', iccid: done!.iccid },
    ]);
  });

  it('balance addition with an ICCID enables that profile; without one changes nothing', async () => {
    const r = await rig();
    const iccid = '8900000000000000001'; // the documents' sample, which fails the Luhn check
    r.fake.esim.addProfile(eid, { id: iccid, state: 'disabled' });
    r.call('notifyBalanceAddition', metadata);
    await r.settle();
    expect(r.delivered).toEqual([]);
    expect(r.events.at(-1)).toMatchObject({ kind: 'flowEnded', outcome: 'balanceAdded' });
    r.call('notifyBalanceAddition', metadata, iccid);
    await r.settle();
    expect(activation(r.delivered)).toEqual([{ activationResult: 'success', iccid }]);
    expect(r.fake.esim.esims[0]!.profiles.find((p) => p.id === iccid)?.state).toBe('enabled');
  });

  it('a cancelled purchase ends the flow and is recorded', async () => {
    const r = await rig();
    r.call('notifyCancelledPurchase', {
      ...metadata,
      modirectStatus: 'cancelled',
      lineType: 'bailed',
      planName: '',
    });
    expect(r.events.at(-1)).toMatchObject({
      kind: 'flowEnded',
      method: 'notifyCancelledPurchase',
      outcome: 'cancelledPurchase',
      metadata: { moDirectStatus: 'cancelled', line: 'bailed' },
    });
  });

  it('bad input from the page is answered through profileActivationCompleteScript, never thrown', async () => {
    const r = await rig();
    expect(() => r.call('notifyProfileDownload', '{oops', code)).not.toThrow();
    r.call('notifyProfileDownload', metadata, 'LPA:2$smdp.example.com$x');
    r.call('notifyBalanceAddition', metadata, '12AB');
    r.call('notifyProfileDownload', 'x'.repeat(1_000_000), code);
    await r.settle();
    expect(activation(r.delivered).map((a) => a.activationResult)).toEqual([
      'invalidJson',
      'invalidActivationCode',
      'invalidIccid',
      'invalidJson',
    ]);
    expect(r.events.filter((e) => e.kind === 'invalidInput')).toHaveLength(4);
  });

  it('calls from other origins, unknown methods and garbage are refused and reported', async () => {
    const r = await rig();
    const deliver = () => undefined;
    const calls: unknown[] = [
      { origin: 'http://127.0.0.1:9999', method: 'notifyProfileDownload', args: [metadata, code] },
      { origin: 'https://ads.example', method: 'notifyCancelledPurchase', args: [metadata] },
      { origin, method: 'constructor', args: [] },
      { origin, method: '__proto__' },
      null,
      42,
      { origin: { toString: () => origin }, method: 'notifyProfileDownload' },
    ];
    for (const c of calls) {
      expect(r.host.handle(c as MobilePlansCall, deliver)).toEqual({
        refused: true,
        operationContext: undefined,
      });
    }
    await r.settle();
    expect(r.fake.esim.esims[0]!.profiles).toEqual([]);
    expect(r.events.every((e) => e.kind === 'refused')).toBe(true);
  });

  it('a callback name that is not a function name is ignored; a throwing page callback is reported', async () => {
    const r = await rig();
    r.host.handle(
      {
        origin,
        method: 'notifyProfileDownload',
        args: [metadata, code],
        profileActivationCompleteScript: 'alert(1)',
      },
      () => {
        throw new Error('never called');
      },
    );
    r.host.handle(
      {
        origin,
        method: 'notifyProfileDownload',
        args: [metadata, code],
        profileActivationCompleteScript: 'onDone',
      },
      () => {
        throw new Error('page script threw');
      },
    );
    await r.settle();
    expect(r.events).toContainEqual(
      expect.objectContaining({ kind: 'callbackFailed', script: 'onDone' }),
    );
    expect(
      r.events.filter((e) => e.kind === 'callback').map((e) => (e as { script: string }).script),
    ).toEqual(['onDone']);
  });
});
