import { describe, expect, it } from 'vitest';
import type { Backend, ModemBackend } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { createFakeBackend, fakeUssdBalance } from '../../lib/fake/index.js';

describe('the fake network answers USSD', () => {
  it('*100#: the balance; an unknown code: operationNotSupported', async () => {
    const mbb = await connect({ backend: createFakeBackend() });
    expect(await mbb.ussd.send('*100#')).toEqual({
      resultCode: 'noActionRequired',
      message: fakeUssdBalance,
    });
    expect(await mbb.ussd.send('*999#')).toEqual({
      resultCode: 'operationNotSupported',
      message: undefined,
    });
    await mbb.close();
  });

  it('*101#: a menu (actionRequired), 1 the balance; a wrong choice asks again; 0 ends it', async () => {
    const fake = createFakeBackend();
    const mbb = await connect({ backend: fake });
    const session = await mbb.ussd.open();
    expect((await session.send('*101#')).resultCode).toBe('actionRequired');
    const again = await session.send('7');
    expect(again.resultCode).toBe('actionRequired');
    expect(again.message).toMatch(/^Invalid choice/);
    expect(await session.send('1')).toEqual({
      resultCode: 'noActionRequired',
      message: fakeUssdBalance,
    });
    // The dialogue is over: "1" alone is no service code.
    expect((await session.send('1')).resultCode).toBe('operationNotSupported');
    expect((await session.send('*101#')).resultCode).toBe('actionRequired');
    expect(await session.send('0')).toEqual({ resultCode: 'terminated', message: 'Goodbye.' });
    expect(fake.ussd.openSessions).toBe(1);
    await session.close();
    expect(fake.ussd.openSessions).toBe(0);
    await mbb.close();
  });

  it('the one-shot send closes its session, even on a menu', async () => {
    const fake = createFakeBackend();
    const mbb = await connect({ backend: fake });
    expect((await mbb.ussd.send('*101#')).resultCode).toBe('actionRequired');
    expect(fake.ussd.openSessions).toBe(0);
    await mbb.close();
  });

  it('closing the fake closes its sessions', async () => {
    const fake = createFakeBackend();
    const session = await fake.ussd.open(fake.account.networkAccountId);
    await fake.close();
    await expect(session.send('*100#')).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });

  it('without an account: ERR_NO_MODEM', async () => {
    const fake = createFakeBackend();
    const modems: ModemBackend = {
      accounts: () => Promise.resolve([]),
      account: (id) => fake.modems.account(id),
      dataPlanStatus: (id) => fake.modems.dataPlanStatus(id),
    };
    const backend: Backend = {
      name: 'no-account',
      clock: fake.clock,
      notifications: fake.notifications,
      esim: fake.esim,
      tethering: fake.tethering,
      modems,
      ussd: fake.ussd,
      provisioning: fake.provisioning,
      close: () => fake.close(),
    };
    const mbb = await connect({ backend });
    await expect(mbb.ussd.send('*100#')).rejects.toMatchObject({ code: 'ERR_NO_MODEM' });
    await mbb.close();
  });
});
