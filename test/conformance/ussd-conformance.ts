/**
 * One conformance suite for `mbb.ussd`, for every backend: the fake here, the native backend
 * under Wine later (a test component scripting `UssdSession`). Written with node:assert
 * against a driver, so it runs outside vitest too.
 */

import assert from 'node:assert/strict';
import type { UssdResultCode } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { TestApi } from './test-api.js';
import type { UssdScenarioDriver } from './ussd-driver.js';

const resultCodes: readonly UssdResultCode[] = [
  'noActionRequired',
  'actionRequired',
  'terminated',
  'otherLocalClient',
  'operationNotSupported',
  'networkTimeout',
];

function isCode(code: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    return true;
  };
}

export function defineUssdConformance(api: TestApi, driver: UssdScenarioDriver): void {
  const { describe, it, afterEach } = api;
  let mbb: MobileBroadband | undefined;

  async function open(): Promise<MobileBroadband> {
    mbb = await connect({ backend: await driver.createBackend() });
    return mbb;
  }

  describe(`USSD conformance: ${driver.name}`, () => {
    afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
    });

    for (const resultCode of resultCodes) {
      it(`a ${resultCode} reply reaches send() with its message`, async () => {
        const m = await open();
        await driver.scriptReplies({ resultCode, message: `reply for ${resultCode}` });
        const session = await m.ussd.open();
        const reply = await session.send('*123#');
        assert.deepEqual(reply, { resultCode, message: `reply for ${resultCode}` });
        assert.equal(session.replyExpected, resultCode === 'actionRequired');
        await session.close();
      });
    }

    it('a reply without text has message undefined (a network timeout)', async () => {
      const m = await open();
      await driver.scriptReplies({ resultCode: 'networkTimeout' });
      assert.deepEqual(await m.ussd.send('*100#'), {
        resultCode: 'networkTimeout',
        message: undefined,
      });
    });

    it('actionRequired keeps the session for the next string; close ends it', async () => {
      const m = await open();
      await driver.scriptReplies(
        { resultCode: 'actionRequired', message: '1. Balance\n2. Data' },
        { resultCode: 'noActionRequired', message: 'Balance: 5 EUR' },
      );
      const session = await m.ussd.open();
      assert.equal(session.networkAccountId, driver.networkAccountId, 'the first account');
      const menu = await session.send('*101#');
      assert.equal(menu.resultCode, 'actionRequired');
      assert.equal(session.replyExpected, true);
      const answer = await session.send('1');
      assert.deepEqual(answer, { resultCode: 'noActionRequired', message: 'Balance: 5 EUR' });
      assert.equal(session.replyExpected, false);
      assert.deepEqual(await driver.sent(), ['*101#', '1']);
      await session.close();
      await session.close(); // harmless
      assert.equal(session.closed, true);
      await assert.rejects(session.send('2'), isCode('ERR_CLOSED'));
    });

    it('a session on a named account; an unknown account is ERR_INVALID_ARGUMENT', async () => {
      const m = await open();
      const session = await m.ussd.open({ networkAccountId: driver.networkAccountId });
      assert.equal(session.networkAccountId, driver.networkAccountId);
      await session.close();
      await assert.rejects(
        m.ussd.open({ networkAccountId: '{00000000-0000-0000-0000-000000000000}' }),
        isCode('ERR_INVALID_ARGUMENT'),
      );
    });

    it('strings outside the GSM 7-bit alphabet or over 182 septets never reach Windows', async () => {
      const m = await open();
      const session = await m.ussd.open();
      for (const bad of ['', '*100#😀', '*100#\u0000', '\t*100#', 'Привет', '#'.repeat(183)]) {
        await assert.rejects(session.send(bad), isCode('ERR_INVALID_ARGUMENT'));
        await assert.rejects(m.ussd.send(bad), isCode('ERR_INVALID_ARGUMENT'));
      }
      // Extension characters take two septets: 91 of them are 182.
      await assert.rejects(session.send('€'.repeat(92)), isCode('ERR_INVALID_ARGUMENT'));
      assert.deepEqual(await driver.sent(), []);
      await driver.scriptReplies(
        { resultCode: 'noActionRequired', message: 'ok' },
        { resultCode: 'noActionRequired', message: 'ok' },
      );
      await session.send('1'.repeat(182));
      await session.send('€'.repeat(91));
      assert.equal((await driver.sent()).length, 2);
      await session.close();
    });

    it('the error names the first bad character by position, never the whole string', async () => {
      const m = await open();
      const long = `*100#é€${'x'.repeat(100)}😀${'y'.repeat(10_000)}`;
      await assert.rejects(m.ussd.send(long), (error: unknown) => {
        assert.ok(error instanceof MobileBroadbandError);
        assert.equal(error.code, 'ERR_INVALID_ARGUMENT');
        assert.match(error.message, /character 108 \("😀", U\+1F600\)/);
        assert.ok(error.message.length < 300, 'a bounded message');
        return true;
      });
    });

    it('mbb.close() closes open sessions', async () => {
      const m = await open();
      const session = await m.ussd.open();
      await m.close();
      assert.equal(session.closed, true);
      await assert.rejects(session.send('*100#'), isCode('ERR_CLOSED'));
      await assert.rejects(m.ussd.open(), isCode('ERR_CLOSED'));
    });

    it('a cancelled send rejects with ERR_ABORTED', async () => {
      const m = await open();
      const session = await m.ussd.open();
      await assert.rejects(
        session.send('*100#', { signal: AbortSignal.abort() }),
        isCode('ERR_ABORTED'),
      );
      await session.close();
    });
  });
}
