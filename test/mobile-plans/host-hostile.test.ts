/**
 * A hostile portal, generated: whatever a page sends (any origin, method, arguments, callback
 * names, operation id), `handle()` answers and never throws; a call from an origin not allowed
 * is refused, does nothing and never gets a callback; the host stays usable for the real
 * portal afterwards.
 */

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMobilePlansHost,
  type MobilePlansCall,
  type MobilePlansEvent,
  type MobilePlansHost,
} from '../../lib/mobile-plans/index.js';
import type { FakeBackend } from '../../lib/fake/index.js';
import type { MobileBroadband } from '../../lib/index.js';
import { connectFake, tick } from '../helpers.js';
import { code, eid, metadata } from './host-fixtures.js';

const origin = 'https://portal.contoso.example';
const methods = [
  'notifyProfileDownload',
  'notifyOperationCancel',
  'notifyPurchaseWithProfileDownload',
  'notifyBalanceAddition',
  'notifyCancelledPurchase',
];

let open: { mbb: MobileBroadband; host: MobilePlansHost } | undefined;
afterEach(async () => {
  await open?.host.close();
  await open?.mbb.close();
  open = undefined;
});

async function settle(fake: FakeBackend): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await tick();
    fake.clock.advance(60_000);
  }
}

const anyCall = fc.record(
  {
    origin: fc.oneof(fc.constant(origin), fc.constant('https://ads.example'), fc.anything()),
    method: fc.oneof(fc.constantFrom(...methods), fc.string(), fc.anything()),
    args: fc.oneof(
      fc.anything(),
      fc.tuple(
        fc.oneof(fc.constant(metadata), fc.json(), fc.anything()),
        fc.oneof(fc.constant(code), fc.string(), fc.anything()),
        fc.oneof(fc.nat(), fc.double(), fc.anything()),
      ),
    ),
    registrationChangedScript: fc.oneof(fc.constant('onRegistration'), fc.string(), fc.anything()),
    profileActivationCompleteScript: fc.oneof(fc.constant('onDone'), fc.string(), fc.anything()),
    operationId: fc.oneof(fc.string(), fc.anything()),
  },
  { requiredKeys: [] },
);

describe('a hostile portal', () => {
  it('any call is answered, never thrown; foreign origins are refused and get no callback', async () => {
    const { fake, mbb } = await connectFake();
    fake.esim.insert({ eid });
    const host = createMobilePlansHost({ mbb, allowedOrigins: [origin] });
    open = { mbb, host };
    const events: MobilePlansEvent[] = [];
    host.on('event', (e) => void events.push(e));
    const foreignCallbacks: string[] = [];
    await fc.assert(
      fc.asyncProperty(anyCall, async (call) => {
        const foreign = call.origin !== origin;
        const result = host.handle(call as MobilePlansCall, (script) => {
          if (foreign) foreignCallbacks.push(script);
        });
        expect(typeof result.refused).toBe('boolean');
        if (foreign) expect(result).toEqual({ refused: true, operationContext: undefined });
        await settle(fake);
      }),
      { numRuns: 300 },
    );
    expect(foreignCallbacks).toEqual([]);
    // Every refusal was recorded, none of them as a call.
    expect(events.some((e) => e.kind === 'refused')).toBe(true);

    // The real portal is still answered afterwards (the profile may be there already: a
    // generated call from the allowed origin can have downloaded it).
    const delivered: { script: string; args: Record<string, string> }[] = [];
    host.handle(
      {
        origin,
        method: 'notifyProfileDownload',
        args: [metadata, code],
        profileActivationCompleteScript: 'onDone',
      },
      (script, json) =>
        void delivered.push({ script, args: JSON.parse(json) as Record<string, string> }),
    );
    await settle(fake);
    expect(['success', 'iccidAlreadyExists']).toContain(
      delivered.find((d) => d.script === 'onDone')?.args.activationResult,
    );
  });

  it('a call that is not an object at all is refused', async () => {
    const { mbb } = await connectFake();
    const host = createMobilePlansHost({ mbb, allowedOrigins: [origin] });
    open = { mbb, host };
    for (const call of [undefined, null, 0, 'x', [], () => undefined, Symbol('s')])
      expect(host.handle(call as unknown as MobilePlansCall, () => undefined)).toEqual({
        refused: true,
        operationContext: undefined,
      });
  });
});
