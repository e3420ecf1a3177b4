/**
 * USSD on the native addon (issue 14 items 3 and 5), run by `node --test` in Windows' node.exe
 * under Wine (test/windows/run.sh bundles this file with esbuild): the conformance suite the
 * fake also runs, then what only the native side has — completions on another thread after a
 * delay and inside put_Completed, the session's last reference never let go inside a
 * completion (the test component detects it, and proves its detector), every session call on
 * the addon's own MTA thread, cancellation through IAsyncInfo.Cancel, Windows' failures as
 * typed errors, an unknown UssdResultCode, `wmbb ussd` in a child process, and an STA JS thread.
 * After every test the component has nothing alive.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import type { TestApi } from '../conformance/test-api.js';
import { defineUssdConformance } from '../conformance/ussd-conformance.js';
import { resetUssdComponent, ussdAccountId, ussdTestControl } from './ussd-control.js';
import { ussdNativeDriver } from './ussd-native-driver.js';
import { nodeTestApi } from './node-test-api.js';

const control = ussdTestControl();
const addon = loadAddon<NativeAddon>();

/** Nothing of the component alive, and no rule of UssdSession broken, once all is closed. */
async function nothingLeft(): Promise<void> {
  assert.ok(control.waitIdle(5000), "the component's operation threads ended");
  // Closes queued by completions that arrived meanwhile run on the addon's MTA thread.
  await addon.core.flush().promise;
  await addon.core.flush().promise;
  assert.equal(control.liveObjects(), 0, 'component objects alive after close()');
  const counts = control.ussd.counts();
  assert.equal(counts.releasedInCompletion, 0, 'a session released inside its completion');
  assert.equal(
    counts.offThreadCalls,
    0,
    "a session made, called or released off the addon's MTA thread",
  );
  assert.equal(counts.destroyed, counts.created, 'every session destroyed');
}

function rejectsWith(code: string, check?: (error: MobileBroadbandError) => void) {
  return (error: unknown): boolean => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  };
}

const api: TestApi = {
  ...nodeTestApi(60_000),
  // The suite's own afterEach closes the connection; then the component must be empty.
  afterEach: (body) =>
    afterEach(async () => {
      await body();
      await nothingLeft();
    }),
};

defineUssdConformance(api, ussdNativeDriver());

void describe('native USSD: what only Windows does', () => {
  let mbb: MobileBroadband;
  beforeEach(async () => {
    resetUssdComponent(control);
    mbb = await connect({ backend: await createNativeBackend() });
  });
  afterEach(async () => {
    await mbb.close();
    await nothingLeft();
  });

  void it('the component detects a session released inside its completion (its own rule broken on purpose)', () => {
    assert.equal(control.ussd.selfTestReleaseInCompletion(), 1);
    assert.equal(control.ussd.counts().releasedInCompletion, 0, 'the self-test forgives itself');
  });

  void it('a reply on another thread after a delay; the operation closed, the session released on the MTA thread', async () => {
    control.ussd.scriptReply({ resultCode: 0, message: 'Balance: 5 EUR', delayMs: 300 });
    const session = await mbb.ussd.open();
    const started = Date.now();
    assert.deepEqual(await session.send('*100#'), {
      resultCode: 'noActionRequired',
      message: 'Balance: 5 EUR',
    });
    assert.ok(Date.now() - started >= 250, 'the reply waited for the network');
    assert.equal(control.operationCounts().otherThread, 1);
    await session.close();
  });

  void it('closed while the network has not answered: the late completion never releases the session', async () => {
    // Cancel() is honoured late: the reply comes 400 ms later, after the session was closed
    // and the addon let go of it; the operation alone still holds the session then.
    control.setCompletion(2);
    control.ussd.scriptReply({ resultCode: 1, message: 'late menu', delayMs: 400 });
    const session = await mbb.ussd.open();
    // Its rejection is awaited after close(): handle it from the start.
    const rejected = assert.rejects(session.send('*101#'), rejectsWith('ERR_CLOSED'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await session.close();
    await rejected;
    assert.equal(control.ussd.counts().destroyed, 0, 'the operation still holds the session');
    assert.ok(control.waitIdle(5000));
    await addon.core.flush().promise;
    const counts = control.operationCounts();
    assert.equal(counts.cancelCalls, 1, 'close() cancelled the send');
    assert.equal(counts.otherThread, 1, 'the completion came on the component thread');
    assert.equal(control.ussd.counts().destroyed, 1, 'released once the operation was closed');
  });

  void it('a completion inside put_Completed, on the MTA thread itself', async () => {
    control.setCompletion(1);
    control.ussd.scriptReply({ resultCode: 2, message: 'Goodbye.' });
    assert.deepEqual(await mbb.ussd.send('0'), { resultCode: 'terminated', message: 'Goodbye.' });
    assert.equal(control.operationCounts().synchronous, 1);
  });

  void it('an AbortSignal cancels SendMessageAndGetReplyAsync (ERR_ABORTED); the session goes on', async () => {
    control.ussd.scriptReply({ resultCode: 0, message: 'too late', delayMs: 10_000 });
    const session = await mbb.ussd.open();
    const controller = new AbortController();
    const pending = session.send('*100#', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, rejectsWith('ERR_ABORTED'));
    assert.equal(control.operationCounts().cancelCalls, 1);
    control.ussd.scriptReply({ resultCode: 0, message: 'Balance: 5 EUR' });
    assert.equal((await session.send('*100#')).message, 'Balance: 5 EUR');
    await session.close();
  });

  void it('mbb.close() with a send pending: ERR_CLOSED at once, Windows cancels it', async () => {
    control.ussd.scriptReply({ resultCode: 0, message: 'never', delayMs: 10_000 });
    const session = await mbb.ussd.open();
    const rejected = assert.rejects(session.send('*100#'), rejectsWith('ERR_CLOSED'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await mbb.close();
    await rejected;
    assert.equal(session.closed, true);
  });

  void it('strings reach Windows as given and replies come back as Windows gave them', async () => {
    const session = await mbb.ussd.open();
    const reply = 'Баланс: 5 ₽ 😀\r\nÆ @ ñ {x}';
    control.ussd.scriptReply({ resultCode: 1, message: reply });
    control.ussd.scriptReply({ resultCode: 0 });
    const sent = ['*100*1234567890123456#', '€@ñ{}\n|'];
    assert.deepEqual(await session.send(sent[0]!), {
      resultCode: 'actionRequired',
      message: reply,
    });
    assert.deepEqual(await session.send(sent[1]!), {
      resultCode: 'noActionRequired',
      message: undefined,
    });
    assert.deepEqual(control.ussd.sent(), sent);
    await session.close();
  });

  void it("Windows' failing HRESULTs are typed errors that say what to do", async () => {
    control.ussd.scriptReply({ resultCode: 0, hresult: 0x800706ba });
    await assert.rejects(
      mbb.ussd.send('*100#'),
      rejectsWith('ERR_SERVICE_UNAVAILABLE', (error) => {
        assert.equal(error.hresult, 0x800706ba);
        assert.match(error.message, /UssdSession\.SendMessageAndGetReplyAsync/);
        assert.match(error.message, /WwanSvc/);
      }),
    );
    control.setFailure('UssdSession.SendMessageAndGetReplyAsync', 0x80070005);
    await assert.rejects(
      mbb.ussd.send('*100#'),
      rejectsWith('ERR_NOT_AUTHORIZED', (error) => {
        assert.match(error.message, /cellularDeviceControl/);
        assert.ok(!error.message.includes('*100#'), 'the string sent is never in an error');
      }),
    );
    control.setFailure('UssdSession.SendMessageAndGetReplyAsync', 0);
    control.setFailure('UssdSession.CreateFromNetworkAccountId', 0x80070005);
    await assert.rejects(mbb.ussd.open(), rejectsWith('ERR_NOT_AUTHORIZED'));
    control.setFailure('UssdSession.CreateFromNetworkAccountId', 0);
    control.setFailure('UssdSession', 0x80040154);
    await assert.rejects(
      mbb.ussd.open(),
      rejectsWith('ERR_CLASS_NOT_REGISTERED', (error) =>
        assert.match(error.message, /UssdSession is not registered/),
      ),
    );
    control.setFailure('UssdSession', 0);
    control.setFailure('UssdMessage.CreateMessage', 0x8007000e);
    await assert.rejects(
      mbb.ussd.send('*100#'),
      rejectsWith('ERR_WINDOWS', (error) =>
        assert.match(error.message, /UssdMessage\.CreateMessage/),
      ),
    );
    control.setFailure('UssdMessage.CreateMessage', 0);
    // Close fails: the caller hears it, and the session is released all the same.
    control.setFailure('UssdSession.Close', 0x80004005);
    const session = await mbb.ussd.open();
    await assert.rejects(session.close(), rejectsWith('ERR_WINDOWS'));
    control.setFailure('UssdSession.Close', 0);
  });

  void it('an unknown account id lists the accounts present and masks the id given', async () => {
    const given = '8901410321111851072';
    await assert.rejects(
      mbb.ussd.open({ networkAccountId: given }),
      rejectsWith('ERR_INVALID_ARGUMENT', (error) => {
        assert.ok(error.message.includes(ussdAccountId), error.message);
        assert.ok(!error.message.includes(given), error.message);
      }),
    );
  });

  void it('an unknown UssdResultCode is a typed error, not a crash; the session goes on', async () => {
    const session = await mbb.ussd.open();
    control.ussd.scriptReply({ resultCode: 9, message: 'private reply text' });
    await assert.rejects(
      session.send('*100#'),
      rejectsWith('ERR_WINDOWS', (error) => {
        assert.equal(error.details?.resultCode, 9);
        assert.ok(!error.message.includes('private reply text'), error.message);
      }),
    );
    control.ussd.scriptReply({ resultCode: 5 });
    assert.deepEqual(await session.send('*100#'), {
      resultCode: 'networkTimeout',
      message: undefined,
    });
    await session.close();
  });

  void it('wmbb ussd "*100#" --json on the native backend (a child node.exe)', () => {
    const cli = `${process.env.WMBB_PACKAGE_ROOT!}\\dist\\cli\\main.js`;
    const run = (replies: string, ...args: string[]) =>
      spawnSync(process.execPath, [cli, 'ussd', ...args], {
        env: {
          ...process.env,
          WMBB_TEST_USSD_ACCOUNT: ussdAccountId,
          WMBB_TEST_USSD_REPLIES: replies,
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const balance = run('0|Your balance is 12.50 EUR', '*100#', '--json');
    assert.equal(balance.status, 0, balance.stderr);
    assert.equal(
      balance.stdout,
      '{"resultCode":"noActionRequired","message":"Your balance is 12.50 EUR"}\n',
    );
    assert.equal(balance.stderr, '');
    // A menu without a terminal: the first reply, a word on stderr, exit 0.
    const menu = run('1|1. Balance', '*101#', '--json');
    assert.equal(menu.status, 0, menu.stderr);
    assert.equal(menu.stdout, '{"resultCode":"actionRequired","message":"1. Balance"}\n');
    assert.match(menu.stderr, /expects a reply/);
    const timeout = run('5', '*100#');
    assert.equal(timeout.status, 0, timeout.stderr);
    assert.equal(timeout.stdout, '');
    assert.match(timeout.stderr, /networkTimeout/);
    const unknown = run('', '*100#', '--account', '{00000000-0000-0000-0000-000000000000}');
    assert.equal(unknown.status, 1);
    assert.match(
      unknown.stderr,
      /^wmbb: ERR_INVALID_ARGUMENT: .*\{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F\}/,
    );
  });

  // Last: the JS thread stays an STA for the rest of the process.
  void it('with the JS thread an STA (Electron after ready), sessions still live on the MTA thread', async () => {
    assert.equal(control.makeSta(), 'sta');
    control.ussd.scriptReply({ resultCode: 1, message: 'menu', delayMs: 100 });
    control.ussd.scriptReply({ resultCode: 0, message: 'done' });
    const session = await mbb.ussd.open();
    assert.equal((await session.send('*101#')).resultCode, 'actionRequired');
    assert.equal((await session.send('1')).message, 'done');
    await session.close();
  });
});
