/**
 * The native backend's USSD part over a scripted stand-in for the addon (the real addon and the
 * test component's UssdSession run in the Wine lane): reply mapping, unknown accounts, typed
 * errors, one send at a time, cancellation, close with a send pending.
 */

import { describe, expect, it } from 'vitest';
import type { AccountInfo, ModemBackend } from '../../lib/backend.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type {
  NativeAddon,
  NativeOperation,
  NativeUssdReply,
  NativeUssdSessionRef,
} from '../../lib/native/addon-types.js';
import { NativeUssd } from '../../lib/native/native-ussd.js';

const accountId = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';

function answered<T>(value: T): NativeOperation<T> {
  return { promise: Promise.resolve(value), cancel: () => undefined, abandon: () => undefined };
}

function failed<T>(hresult: number, call: string, canceled = false): NativeOperation<T> {
  const promise = Promise.reject(
    Object.assign(new Error(`${call} failed`), {
      hresult,
      call,
      ...(canceled ? { canceled } : {}),
    }),
  );
  promise.catch(() => undefined);
  return { promise, cancel: () => undefined, abandon: () => undefined };
}

/** An operation the test ends; records cancel() and abandon(). */
class Pending<T> implements NativeOperation<T> {
  readonly promise: Promise<T>;
  cancels = 0;
  abandons = 0;
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  cancel(): void {
    this.cancels++;
  }
  abandon(): void {
    this.abandons++;
  }
}

interface Scripted {
  ref: NativeUssdSessionRef & { closes: number; sent: string[] };
  replies: (NativeOperation<NativeUssdReply> | (() => NativeOperation<NativeUssdReply>))[];
}

function scripted(open?: () => NativeOperation<NativeUssdSessionRef>): {
  ussd: NativeUssd;
  script: Scripted;
} {
  const script: Scripted = {
    replies: [],
    ref: {
      closes: 0,
      sent: [],
      send(text) {
        script.ref.sent.push(text);
        const next = script.replies.shift();
        if (next === undefined) throw new Error('no reply scripted');
        return typeof next === 'function' ? next() : next;
      },
      close() {
        script.ref.closes++;
        return answered<void>(undefined);
      },
    },
  };
  const addon = {
    ussd: { open: open ?? (() => answered<NativeUssdSessionRef>(script.ref)) },
  } as unknown as NativeAddon;
  const modems = {
    accounts: () => Promise.resolve([{ networkAccountId: accountId } as AccountInfo]),
  } as unknown as ModemBackend;
  return { ussd: new NativeUssd(addon, modems), script };
}

async function codeOf(promise: Promise<unknown>): Promise<MobileBroadbandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MobileBroadbandError);
  return error as MobileBroadbandError;
}

describe('NativeUssd', () => {
  it('maps every UssdResultCode and a missing message', async () => {
    const { ussd, script } = scripted();
    const session = await ussd.open(accountId);
    const names = [
      'noActionRequired',
      'actionRequired',
      'terminated',
      'otherLocalClient',
      'operationNotSupported',
      'networkTimeout',
    ];
    for (const [value, name] of names.entries()) {
      script.replies.push(answered({ resultCode: value, message: `m${value}` }));
      expect(await session.send('*100#')).toEqual({ resultCode: name, message: `m${value}` });
    }
    script.replies.push(answered({ resultCode: 5, message: null }));
    expect(await session.send('*100#')).toEqual({
      resultCode: 'networkTimeout',
      message: undefined,
    });
  });

  it('an unknown UssdResultCode is ERR_WINDOWS without the reply text', async () => {
    const { ussd, script } = scripted();
    const session = await ussd.open(accountId);
    script.replies.push(answered({ resultCode: 42, message: 'your PIN is 1234' }));
    const error = await codeOf(session.send('*100#'));
    expect(error.code).toBe('ERR_WINDOWS');
    expect(error.details).toMatchObject({ resultCode: 42, call: 'UssdReply.ResultCode' });
    expect(error.message).not.toContain('1234');
  });

  it('an id Windows refuses and no account has: ERR_INVALID_ARGUMENT naming the accounts, masked', async () => {
    const { ussd } = scripted(() => failed(0x80070490, 'UssdSession.CreateFromNetworkAccountId'));
    const given = '8901410321111851072';
    const error = await codeOf(ussd.open(given));
    expect(error.code).toBe('ERR_INVALID_ARGUMENT');
    expect(error.message).toContain(accountId);
    expect(error.message).not.toContain(given);
    expect((await codeOf(ussd.open(''))).code).toBe('ERR_INVALID_ARGUMENT');
  });

  it("a known account Windows refuses: the HRESULT's code with USSD advice", async () => {
    const { ussd } = scripted(() => failed(0x80070005, 'UssdSession.CreateFromNetworkAccountId'));
    const error = await codeOf(ussd.open(accountId));
    expect(error.code).toBe('ERR_NOT_AUTHORIZED');
    expect(error.hresult).toBe(0x80070005);
    expect(error.message).toMatch(/cellularDeviceControl/);
  });

  it('one send at a time: ERR_INVALID_STATE while one is pending', async () => {
    const { ussd, script } = scripted();
    const session = await ussd.open(accountId);
    const first = new Pending<NativeUssdReply>();
    script.replies.push(first);
    const pending = session.send('*101#');
    expect((await codeOf(session.send('1'))).code).toBe('ERR_INVALID_STATE');
    expect(script.ref.sent).toEqual(['*101#']);
    first.resolve({ resultCode: 1, message: 'menu' });
    expect(await pending).toEqual({ resultCode: 'actionRequired', message: 'menu' });
  });

  it('an AbortSignal cancels the operation; Windows confirming makes ERR_ABORTED', async () => {
    const { ussd, script } = scripted();
    const session = await ussd.open(accountId);
    const operation = new Pending<NativeUssdReply>();
    script.replies.push(operation);
    const controller = new AbortController();
    const pending = session.send('*100#', { signal: controller.signal });
    controller.abort();
    expect(operation.cancels).toBe(1);
    operation.reject(
      Object.assign(new Error('cancelled'), {
        hresult: 0x800704c7,
        call: 'UssdSession.SendMessageAndGetReplyAsync',
        canceled: true,
      }),
    );
    expect((await codeOf(pending)).code).toBe('ERR_ABORTED');
    expect((await codeOf(session.send('*100#', { signal: AbortSignal.abort() }))).code).toBe(
      'ERR_ABORTED',
    );
  });

  it('close() with a send pending: ERR_CLOSED at once, the operation abandoned, twice harmless', async () => {
    const { ussd, script } = scripted();
    const session = await ussd.open(accountId);
    const operation = new Pending<NativeUssdReply>();
    script.replies.push(operation);
    const pending = session.send('*100#');
    const closing = session.close();
    expect(session.close()).toBe(closing);
    await closing;
    expect((await codeOf(pending)).code).toBe('ERR_CLOSED');
    expect(operation.abandons).toBe(1);
    expect(script.ref.closes).toBe(1);
    expect((await codeOf(session.send('*100#'))).code).toBe('ERR_CLOSED');
  });

  it("the backend's close closes open sessions and refuses new ones", async () => {
    const { ussd, script } = scripted();
    await ussd.open(accountId);
    await ussd.open(accountId);
    await ussd.close();
    expect(script.ref.closes).toBe(2);
    expect((await codeOf(ussd.open(accountId))).code).toBe('ERR_CLOSED');
  });

  it("Windows' failures of a send are typed by their HRESULT", async () => {
    const { ussd, script } = scripted();
    const session = await ussd.open(accountId);
    script.replies.push(failed(0x800706ba, 'UssdSession.SendMessageAndGetReplyAsync'));
    const error = await codeOf(session.send('*100#'));
    expect(error.code).toBe('ERR_SERVICE_UNAVAILABLE');
    expect(error.message).not.toContain('*100#');
  });
});
