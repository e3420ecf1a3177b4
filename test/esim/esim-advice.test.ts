import { describe, expect, it } from 'vitest';
import type { EsimOperationStatus } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { esimStatusAdvice, formatBytes } from '../../lib/esim/esim-advice.js';
import { createFakeBackend } from '../../lib/fake/index.js';
import { esimStatusAdvice as exported } from '../../lib/index.js';
import { esimOperationStatuses } from '../../lib/native/winrt-enums.js';

const failures = esimOperationStatuses.filter((s) => s !== 'success');
const eid = '89049032123451234512345678901235';
const code = 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';

describe('esimStatusAdvice', () => {
  it('is exported for the CLI and for apps', () => {
    expect(exported).toBe(esimStatusAdvice);
  });

  it.each(failures)('%s: says what happened and what to do', (status) => {
    const advice = esimStatusAdvice(status);
    expect(advice.status).toBe(status);
    expect(advice.value).toBe(esimOperationStatuses.indexOf(status));
    expect(advice.problem.length).toBeGreaterThan(10);
    expect(advice.action.length).toBeGreaterThan(10);
    expect(advice.text).toBe(`${advice.problem}: ${advice.action}`);
    // The same advice for the value Windows reports.
    expect(esimStatusAdvice(esimOperationStatuses.indexOf(status))).toEqual(advice);
  });

  it('no two statuses share their advice', () => {
    const texts = failures.map((s) => esimStatusAdvice(s).problem);
    expect(new Set(texts).size).toBe(failures.length);
  });

  it.each<[EsimOperationStatus, RegExp]>([
    ['insufficientSpaceOnCard', /delete a profile/],
    ['incorrectConfirmationCode', /ask the operator/],
    ['confirmationCodeMissing', /ask the operator/],
    ['profileNotAvailableForNewBinding', /already used/],
    ['cardBusy', /busy.*wait/],
    ['serverNotReachable', /online.*proxy.*clock/],
    ['timeoutWaitingForResponse', /proxy.*clock/],
    ['eidMismatch', /EID/],
    ['notAuthorized', /Microsoft\.eSIMManagement_8wekyb3d8bbwe.*Settings/],
  ])('%s names the way out', (status, pattern) => {
    expect(esimStatusAdvice(status).text).toMatch(pattern);
  });

  it('says how much memory is free when the eSIM reports it', () => {
    expect(esimStatusAdvice('insufficientSpaceOnCard').problem).not.toMatch(/free/);
    expect(
      esimStatusAdvice('insufficientSpaceOnCard', { availableMemoryBytes: 20_480 }).problem,
    ).toMatch(/\(20 KB free\)/);
    expect(
      esimStatusAdvice('insufficientSpaceOnCard', { availableMemoryBytes: 0 }).problem,
    ).toMatch(/\(0 bytes free\)/);
    // An odd value from a backend never reaches the words.
    for (const odd of [-1, 1.5, Number.NaN, '12' as never]) {
      expect(
        esimStatusAdvice('insufficientSpaceOnCard', { availableMemoryBytes: odd }).problem,
      ).not.toMatch(/free/);
    }
  });

  it('says how many confirmation attempts are left when Windows says', () => {
    expect(esimStatusAdvice('incorrectConfirmationCode').problem).not.toMatch(/left/);
    expect(
      esimStatusAdvice('incorrectConfirmationCode', { confirmationAttemptsLeft: 2 }).problem,
    ).toMatch(/2 attempts left/);
    expect(
      esimStatusAdvice('incorrectConfirmationCode', { confirmationAttemptsLeft: 1 }).problem,
    ).toMatch(/1 attempt left/);
  });

  it('a status this version does not know gets advice too, never a crash', () => {
    for (const status of [29, 1000, -1, 'someNewStatus', '__proto__', 'toString']) {
      const advice = esimStatusAdvice(status);
      expect(advice.status).toBe('unknown');
      expect(advice.text).toMatch(/does not know.*try again/);
    }
    expect(esimStatusAdvice(29).value).toBe(29);
    expect(esimStatusAdvice('someNewStatus').value).toBeUndefined();
  });

  it('formats sizes as Windows shows them', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
  });
});

describe('ERR_ESIM_OPERATION carries the advice', () => {
  it.each(failures)('a download that ends with %s', async (status) => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    fake.esim.script(code, { download: status });
    const mbb = await connect({ backend: fake });
    const error = await mbb.esim.downloadProfileMetadata(eid, code).then(
      () => undefined,
      (e: unknown) => e,
    );
    const advice = esimStatusAdvice(status);
    expect(error).toMatchObject({
      code: 'ERR_ESIM_OPERATION',
      details: {
        status,
        advice: { problem: advice.problem, action: advice.action, text: advice.text },
      },
    });
    expect((error as Error).message).toContain(advice.text);
    await mbb.close();
  });

  it('a full eSIM: the install error says how much is free and what to delete', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid, availableMemoryBytes: 12_288 });
    fake.esim.script(code, { install: 'insufficientSpaceOnCard' });
    const mbb = await connect({ backend: fake });
    const offer = await mbb.esim.downloadProfileMetadata(eid, code);
    const error = await mbb.esim.confirmInstall(offer).then(
      () => undefined,
      (e: unknown) => e as Error & { details?: Record<string, unknown> },
    );
    expect(error?.message).toMatch(/no room for another profile \(12 KB free\): delete a profile/);
    expect(error?.details).toMatchObject({
      status: 'insufficientSpaceOnCard',
      esimId: eid,
      advice: { problem: expect.stringContaining('12 KB free') },
    });
    // install() in one call says the same.
    await expect(mbb.esim.install(eid, code)).rejects.toThrow(/12 KB free/);
    await mbb.close();
  });

  it('a full eSIM that does not report its memory: the advice without the number', async () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid });
    fake.esim.script(code, { download: 'insufficientSpaceOnCard' });
    const mbb = await connect({ backend: fake });
    await expect(mbb.esim.downloadProfileMetadata(eid, code)).rejects.toThrow(
      /no room for another profile: delete a profile/,
    );
    await mbb.close();
  });
});
