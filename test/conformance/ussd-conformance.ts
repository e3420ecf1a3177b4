/**
 * One conformance suite for `mbb.ussd`, for every backend: the fake in vitest, the native
 * backend in Windows' node.exe under Wine (test/windows/ussd-native.test.ts, a test component
 * scripting `UssdSession`). Written with node:assert against a driver, so it runs outside
 * vitest too. The Windows lane names each test below as a check of its summary
 * ({@link ussdCheckNames}), so keep the names stable.
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

/** The test that a reply with `resultCode` reaches send(). */
const replyCheck = (resultCode: UssdResultCode): string =>
  `a ${resultCode} reply reaches send() with its message`;

const noText = 'a reply without text has message undefined (a network timeout)';
const menu = 'actionRequired keeps the session for the next string; close ends it';
const namedAccount =
  'a session on a named account; an unknown account is ERR_INVALID_ARGUMENT naming the accounts present';
const badStrings = 'strings outside the GSM 7-bit alphabet or over 182 septets never reach Windows';
const badCharacter = 'the error names the first bad character by position, never the whole string';
const oneAtATime = 'one send at a time: a second send before the reply is ERR_INVALID_STATE';
const closeAll = 'mbb.close() closes open sessions';
const cancelled = 'a cancelled send rejects with ERR_ABORTED';

/** The names of the USSD conformance tests, as the Windows lane's summary lists them. */
export const ussdCheckNames: readonly string[] = [
  ...resultCodes.map(replyCheck),
  noText,
  menu,
  namedAccount,
  badStrings,
  badCharacter,
  oneAtATime,
  closeAll,
  cancelled,
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
      it(replyCheck(resultCode), async () => {
        const m = await open();
        await driver.scriptReplies({ resultCode, message: `reply for ${resultCode}` });
        const session = await m.ussd.open();
        const reply = await session.send('*123#');
        assert.deepEqual(reply, { resultCode, message: `reply for ${resultCode}` });
        assert.equal(session.replyExpected, resultCode === 'actionRequired');
        await session.close();
      });
    }

    it(noText, async () => {
      const m = await open();
      await driver.scriptReplies({ resultCode: 'networkTimeout' });
      assert.deepEqual(await m.ussd.send('*100#'), {
        resultCode: 'networkTimeout',
        message: undefined,
      });
    });

    it(menu, async () => {
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

    it(namedAccount, async () => {
      const m = await open();
      const session = await m.ussd.open({ networkAccountId: driver.networkAccountId });
      assert.equal(session.networkAccountId, driver.networkAccountId);
      await session.close();
      const unknown = '{00000000-0000-0000-0000-000000000000}';
      await assert.rejects(m.ussd.open({ networkAccountId: unknown }), (error: unknown) => {
        isCode('ERR_INVALID_ARGUMENT')(error);
        const { message } = error as MobileBroadbandError;
        assert.ok(message.includes(driver.networkAccountId), message);
        // What the caller gave may be an identifier typed in the wrong place: masked.
        assert.ok(!message.includes(unknown), message);
        return true;
      });
    });

    it(badStrings, async () => {
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

    it(badCharacter, async () => {
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

    it(oneAtATime, async () => {
      const m = await open();
      await driver.scriptReplies(
        { resultCode: 'actionRequired', message: 'menu' },
        { resultCode: 'noActionRequired', message: 'done' },
      );
      const session = await m.ussd.open();
      const first = session.send('*101#');
      await assert.rejects(session.send('1'), isCode('ERR_INVALID_STATE'));
      assert.deepEqual(await first, { resultCode: 'actionRequired', message: 'menu' });
      assert.deepEqual(await session.send('1'), {
        resultCode: 'noActionRequired',
        message: 'done',
      });
      assert.deepEqual(await driver.sent(), ['*101#', '1']);
      await session.close();
    });

    it(closeAll, async () => {
      const m = await open();
      const session = await m.ussd.open();
      await m.close();
      assert.equal(session.closed, true);
      await assert.rejects(session.send('*100#'), isCode('ERR_CLOSED'));
      await assert.rejects(m.ussd.open(), isCode('ERR_CLOSED'));
    });

    it(cancelled, async () => {
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
