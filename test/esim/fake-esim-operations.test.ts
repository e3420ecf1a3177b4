/**
 * What only the fake has: defaults for unscripted codes, operations on its clock, the checks of
 * its scripting controls. (The conformance suite covers the operations on every backend.)
 */

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { connect } from '../../lib/connect.js';
import { createFakeBackend } from '../../lib/fake/index.js';

const eid = '89049032123451234512345678901235';
const code = 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';

describe('fake.esim operations', () => {
  it('answers an unscripted code with a deterministic offer that installs', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    const mbb = await connect({ backend: fake });
    const offer = await mbb.esim.downloadProfileMetadata(eid, code);
    expect(offer).toMatchObject({
      id: expect.stringMatching(/^89999\d{14}$/),
      providerName: 'smdp.example.com',
      providerId: '',
      isConfirmationCodeRequired: false,
      state: 'waitingForInstall',
    });
    // The same code offers the same ICCID every time; another code another one.
    expect(
      (await mbb.esim.downloadProfileMetadata(eid, `1$smdp.example.com$04386-AGYFT-A74Y8-3F815`))
        .id,
    ).toBe(offer.id);
    expect((await mbb.esim.downloadProfileMetadata(eid, '1$smdp.example.com$OTHER')).id).not.toBe(
      offer.id,
    );
    const progress: number[] = [];
    await mbb.esim.confirmInstall(offer, {
      onProgress: (p) => void progress.push(p.installedSizeInBytes),
    });
    expect(progress).toEqual([65_536, 131_072, 196_608, 262_144]);
    expect(fake.esim.esims[0]!.profiles).toEqual([
      expect.objectContaining({
        id: offer.id,
        state: 'disabled',
        providerName: 'smdp.example.com',
      }),
    ]);
    await mbb.close();
    expect(fake.esim.pendingOffers).toBe(0);
  });

  it('a code whose flag asks for a confirmation code requires one and accepts any', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    const mbb = await connect({ backend: fake });
    const offer = await mbb.esim.downloadProfileMetadata(eid, `${code}$$1`);
    expect(offer.isConfirmationCodeRequired).toBe(true);
    await expect(mbb.esim.confirmInstall(offer)).rejects.toMatchObject({
      details: { status: 'confirmationCodeMissing' },
    });
    await mbb.esim.confirmInstall(offer, { confirmationCode: '0000' });
    await mbb.close();
  });

  it("reports progress and completes on the fake's virtual clock", async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    fake.esim.script(code, { durationMs: 1000, progressSteps: 4, profileSizeBytes: 400 });
    const mbb = await connect({ backend: fake });
    const downloading = mbb.esim.downloadProfileMetadata(eid, code);
    await fake.advance(1000);
    const offer = await downloading;
    const progress: number[] = [];
    let done = false;
    const installing = mbb.esim
      .confirmInstall(offer, { onProgress: (p) => void progress.push(p.installedSizeInBytes) })
      .then(() => (done = true));
    await fake.advance(249);
    expect(progress).toEqual([]);
    await fake.advance(1);
    expect(progress).toEqual([100]);
    await fake.advance(500);
    expect(progress).toEqual([100, 200, 300]);
    expect(done).toBe(false);
    await fake.advance(250);
    await installing;
    expect(progress).toEqual([100, 200, 300, 400]);
    await mbb.close();
  });

  it('an abort on the clock stops the install where it is; nothing is installed', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    fake.esim.script(code, { progressSteps: 4 });
    const mbb = await connect({ backend: fake });
    const offer = await mbb.esim.downloadProfileMetadata(eid, code);
    fake.esim.script(code, { durationMs: 1000, progressSteps: 4 });
    const controller = new AbortController();
    const progress: number[] = [];
    const installing = mbb.esim.confirmInstall(offer, {
      signal: controller.signal,
      onProgress: (p) => void progress.push(p.installedSizeInBytes),
    });
    await fake.advance(500);
    controller.abort();
    await expect(installing).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    await fake.advance(1000);
    expect(progress).toHaveLength(2);
    expect(fake.esim.esims[0]!.profiles).toEqual([]);
    expect(fake.esim.pendingOperations).toBe(0);
    expect(fake.esim.pendingOffers).toBe(1); // still there for another try
    await mbb.close();
  });

  it('with the system clock, durations are real time', async () => {
    const fake = createFakeBackend({ clock: 'system' });
    fake.esim.insert({ eid, profiles: [{ id: '8944501234567890123' }] });
    fake.esim.scriptProfile('8944501234567890123', { durationMs: 20 });
    const started = Date.now();
    await expect(fake.esim.setProfileEnabled(eid, '8944501234567890123', true)).resolves.toBe(
      'success',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    await fake.close();
  });

  it('checks its scripts with typed errors, never quoting a secret', () => {
    const fake = createFakeBackend();
    expect(() => fake.esim.script('nonsense', {})).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ACTIVATION_CODE' }),
    );
    expect(() => fake.esim.script(code, { download: 'fine' as never })).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARGUMENT',
        message: expect.stringContaining('download'),
      }),
    );
    expect(() => fake.esim.script(code, { metadata: { id: '12' } })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ICCID' }),
    );
    expect(() => fake.esim.script(code, { durationMs: -1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    const secret = 'x'.repeat(300);
    let message = '';
    try {
      fake.esim.script(code, { confirmationCode: secret });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('confirmationCode');
    expect(message).not.toContain(secret);
    expect(() => fake.esim.scriptProfile('1', {})).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ICCID' }),
    );
    expect(() => fake.esim.scriptProfile('8944501234567890123', { enable: 'no' as never })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(() => fake.esim.scriptEsim('', { reset: 'success' })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    fake.esim.script(code, { confirmationCode: '73519' });
    expect(inspect(fake.esim, { depth: 10 })).not.toContain('73519');
    expect(JSON.stringify(fake.esim)).not.toContain('73519');
    expect(() => fake.esim.setFailure('ESim.ResetAsync', 0x80004005)).not.toThrow();
  });

  it('close() rejects pending operations with ERR_CLOSED and spends every offer', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    const offer = await fake.esim.downloadProfileMetadata(eid, code);
    expect(offer.status).toBe('success');
    fake.esim.scriptEsim(eid, { durationMs: 1000 });
    const resetting = fake.esim.reset(eid).catch((error: unknown) => error);
    expect(fake.esim.pendingOperations).toBe(1);
    await fake.close();
    expect(await resetting).toMatchObject({ code: 'ERR_CLOSED' });
    expect(fake.esim.pendingOffers).toBe(0);
    expect(fake.esim.pendingOperations).toBe(0);
  });
});
