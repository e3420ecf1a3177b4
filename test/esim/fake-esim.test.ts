/** The fake eSIM service's controls and what it refuses (the conformance suite covers the calls). */

import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../lib/fake/index.js';

const eid = '89049032123451234512345678901235';

describe('fake.esim controls', () => {
  it('fills in defaults and returns the eSIM as list() will', async () => {
    const fake = createFakeBackend();
    const inserted = fake.esim.insert({ eid, profiles: [{ id: '8944501234567890123' }] });
    expect(inserted).toEqual({
      id: eid,
      eid,
      firmwareVersion: '1.0.0',
      availableMemoryBytes: undefined,
      modemDeviceId: expect.stringContaining('fake-modem'),
      state: 'idle',
      slotIndex: undefined,
      policy: { shouldEnableManagingUi: false },
      profiles: [
        {
          id: '8944501234567890123',
          class: 'operational',
          nickname: '',
          providerId: '',
          providerName: '',
          state: 'disabled',
          policy: { canDelete: true, canDisable: true, isManagedByEnterprise: false },
        },
      ],
    });
    expect(await fake.esim.list()).toEqual([inserted]);
    // What the test holds is a copy: changing it changes nothing in the fake.
    inserted.profiles.length = 0;
    expect((await fake.esim.list())[0]!.profiles).toHaveLength(1);
  });

  it('checks EIDs, ICCIDs and every field with typed errors', () => {
    const fake = createFakeBackend();
    expect(() => fake.esim.insert({ eid: '1234' })).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARGUMENT',
        message: expect.stringContaining('32 digits'),
      }),
    );
    expect(() => fake.esim.insert({ eid, profiles: [{ id: '89-44' }] })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ICCID' }),
    );
    expect(() => fake.esim.insert({ eid, state: 'gone' as never })).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARGUMENT',
        message: expect.stringContaining('state'),
      }),
    );
    expect(() => fake.esim.insert({ eid, availableMemoryBytes: -1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    fake.esim.insert({ eid });
    expect(() => fake.esim.insert({ eid })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('already present') }),
    );
    expect(() => fake.esim.eject('89049032123451234512345678901234')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('no eSIM') }),
    );
    expect(() => fake.esim.removeProfile(eid, '8944501234567890123')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(() => fake.esim.setAccess('maybe' as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(() => fake.esim.setFailure('ESim.Eid', 5)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('failure HRESULT') }),
    );
    expect(() => fake.esim.setEventQueueLimit(0)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(() => fake.esim.burst(eid, -1)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });

  it('replaces a profile with the same ICCID in place, and removes profiles', () => {
    const fake = createFakeBackend();
    fake.esim.insert({
      eid,
      profiles: [{ id: '8944501234567890123' }, { id: '8944501234567890131' }],
    });
    const changed = fake.esim.addProfile(eid, { id: '8944501234567890123', nickname: 'Work' });
    expect(changed.profiles.map((p) => [p.id, p.nickname])).toEqual([
      ['8944501234567890123', 'Work'],
      ['8944501234567890131', ''],
    ]);
    expect(fake.esim.removeProfile(eid, '8944501234567890123').profiles.map((p) => p.id)).toEqual([
      '8944501234567890131',
    ]);
  });

  it('rejects every call after close()', async () => {
    const fake = createFakeBackend();
    await fake.esim.close();
    await expect(fake.esim.discover(eid)).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    await expect(fake.esim.list()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    await expect(fake.esim.serviceInfo()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    await expect(fake.esim.reset(eid)).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });

  it('list() over a watcher that Windows stops early rejects, and over an overflow', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    fake.esim.setEventQueueLimit(1);
    fake.esim.insert({ eid: '89049032123451234512345678901236' });
    await expect(fake.esim.list()).rejects.toMatchObject({ code: 'ERR_OVERFLOW' });
  });
});
