import { describe, expect, it } from 'vitest';
import { connect } from '../../lib/connect.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';
import { planXml } from './fake-helpers.js';

describe('createFakeBackend({ packaged: false })', () => {
  it('is the operator app by default, and an unpackaged process when asked', async () => {
    expect(createFakeBackend().packaged).toBe(true);
    const fake = createFakeBackend({ packaged: false });
    expect(fake.packaged).toBe(false);
    const mbb = await connect({ backend: fake });
    await expect(mbb.esim.list()).rejects.toMatchObject({ code: 'ERR_NOT_AUTHORIZED' });
    const packaged = await connect({ backend: createFakeBackend() });
    const all = await packaged.notifications.availability();
    expect(Object.values(all).every((a) => a.source === 'system')).toBe(true);
    await Promise.all([mbb.close(), packaged.close()]);
  });

  it('operator messages and entitlement checks do not reach the app, and the outcomes say so', async () => {
    const fake = createFakeBackend({ packaged: false });
    const mbb = await connect({ backend: fake });
    const seen: string[] = [];
    mbb.notifications.on('notification', (n) => void seen.push(n.type));
    await fake.provision(planXml(1024, true));
    const sms = await fake.receiveUssd('Balance: 10 MB');
    expect(sms.delivered).toBe(false);
    fake.setTetheringPolicy('entitlementCheckRequired');
    const tethering = await fake.requestTethering();
    expect(tethering.note).toMatch(/packaged app/);
    expect(fake.entitlementAnswers()).toEqual([]);
    await fake.settled();
    expect(seen.filter((t) => t === 'ussd' || t.startsWith('tethering'))).toEqual([]);
    await mbb.close();
  });

  it('rejects a packaged option that is not a boolean', () => {
    expect(() => createFakeBackend({ packaged: 'no' as unknown as boolean })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});
