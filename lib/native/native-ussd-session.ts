/**
 * One native USSD session: the contract's {@link UssdSessionBackend} over an addon
 * `UssdSession` ref (native/addon/ussd). One send at a time: a second `send()` while one is
 * pending is `ERR_INVALID_STATE` (Windows is never given two). An AbortSignal cancels through
 * `IAsyncInfo.Cancel` and the send rejects with `ERR_ABORTED` once Windows confirms (or
 * settles with what Windows finished with first). `close()` abandons a pending send, which
 * rejects with `ERR_CLOSED` at once (Windows cancels it; the addon closes and releases it when
 * it ends, on its MTA thread), then has the MTA thread call `UssdSession.Close` and release
 * the session.
 *
 * @module
 * @internal
 */

import type { OperationOptions, UssdReply, UssdSessionBackend } from '../backend.js';
import type { ErrorCode } from '../errors.js';
import { MobileBroadbandError } from '../errors.js';
import { ussdResultCodes } from '../ussd/ussd-result-codes.js';
import type { NativeUssdReply, NativeUssdSessionRef } from './addon-types.js';
import { fromNativeError, isNativeCallError } from './hresult.js';

const where = 'UssdSession.send()';
const sendCall = 'UssdSession.SendMessageAndGetReplyAsync';

/** What a user of USSD is told per code, beyond the HRESULT. */
export const ussdAdvice: Partial<Record<ErrorCode, string>> = {
  ERR_NOT_AUTHORIZED:
    'Windows refused USSD to this process: UssdSession needs the restricted capability ' +
    'cellularDeviceControl (Microsoft also lists cellularDeviceIdentity) in the package ' +
    'manifest of a packaged app; whether an unpackaged process may use it is not documented',
  ERR_CLASS_NOT_REGISTERED:
    'Windows.Networking.NetworkOperators.UssdSession is not registered on this machine: this ' +
    'Windows has no mobile broadband support',
};

function closedError(): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${where}: the session was closed while the string was being sent; open a new one`,
  );
}

/** The contract's reply; a result code newer than this package is a typed error. */
function toReply(reply: NativeUssdReply): UssdReply {
  const resultCode = ussdResultCodes[reply.resultCode];
  if (resultCode === undefined) {
    // The network's text is withheld too: the reply cannot be read as this version knows it.
    throw new MobileBroadbandError(
      'ERR_WINDOWS',
      `${where}: Windows answered with UssdResultCode ${reply.resultCode}, which this version of windows-mobile-broadband does not know; update the package`,
      { details: { call: 'UssdReply.ResultCode', resultCode: reply.resultCode } },
    );
  }
  return { resultCode, message: reply.message ?? undefined };
}

export class NativeUssdSession implements UssdSessionBackend {
  readonly #ref: NativeUssdSessionRef;
  readonly #forget: (session: NativeUssdSession) => void;
  /** Stops waiting for the pending send (close()). */
  #abandonPending: (() => void) | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(ref: NativeUssdSessionRef, forget: (session: NativeUssdSession) => void) {
    this.#ref = ref;
    this.#forget = forget;
  }

  async send(text: string, options: OperationOptions = {}): Promise<UssdReply> {
    if (this.#closed)
      throw new MobileBroadbandError('ERR_CLOSED', `${where}: the session is closed`);
    if (this.#abandonPending !== undefined) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `${where}: a string is already being sent on this session; wait for its reply (one send at a time)`,
      );
    }
    const signal = options.signal;
    if (signal?.aborted === true)
      throw new MobileBroadbandError('ERR_ABORTED', `${where} was aborted`, {
        cause: signal.reason,
      });
    let operation: ReturnType<NativeUssdSessionRef['send']>;
    try {
      operation = this.#ref.send(text);
    } catch (error) {
      throw fromNativeError(error, { operation: 'Sending a USSD string', advice: ussdAdvice });
    }
    const abandoned = new Promise<never>((_, reject) => {
      this.#abandonPending = () => {
        operation.abandon();
        reject(closedError());
      };
    });
    const onAbort = (): void => operation.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return toReply(await Promise.race([operation.promise, abandoned]));
    } catch (error) {
      if (error instanceof MobileBroadbandError) throw error;
      if (isNativeCallError(error) && error.canceled === true) {
        if (this.#closed) throw closedError();
        if (signal?.aborted)
          throw new MobileBroadbandError('ERR_ABORTED', `${where} was aborted`, {
            cause: signal.reason,
          });
        throw new MobileBroadbandError(
          'ERR_ABORTED',
          `${where}: Windows cancelled ${sendCall} before the network answered; send again`,
          { details: { call: sendCall } },
        );
      }
      throw fromNativeError(error, { operation: 'Sending a USSD string', advice: ussdAdvice });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#abandonPending = undefined;
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed = true;
      this.#forget(this);
      this.#abandonPending?.();
      try {
        await this.#ref.close().promise;
      } catch (error) {
        // The session is released all the same; the caller hears that Close failed.
        throw fromNativeError(error, { operation: 'Closing a USSD session', advice: ussdAdvice });
      }
    })();
    return this.#closing;
  }
}
