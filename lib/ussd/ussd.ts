/**
 * `mbb.ussd`: USSD dialogues with the network (`UssdSession`), one session per network
 * account. Every string is checked before any backend sees it (the GSM 7-bit alphabet,
 * 1–182 septets: {@link checkUssdText}).
 *
 * @module
 */

import type {
  ModemBackend,
  OperationOptions,
  UssdBackend,
  UssdReply,
  UssdSessionBackend,
} from '../backend.js';
import { checkOptionsObject, describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { checkUssdText } from './ussd-text.js';

/** Options of {@link Ussd.open}. */
export interface UssdOpenOptions {
  /** The account whose modem talks to the network; the first account when absent. */
  networkAccountId?: string;
}

/** Options of {@link Ussd.send}. */
export interface UssdSendOptions extends UssdOpenOptions, OperationOptions {}

/**
 * One USSD dialogue on one account. While the last reply was `actionRequired` the network
 * waits for the next {@link UssdSession.send} on the same session; close it when done.
 */
export class UssdSession {
  /** The account the session talks through. */
  readonly networkAccountId: string;
  readonly #backend: UssdSessionBackend;
  readonly #forget: (session: UssdSession) => void;
  #lastResult: UssdReply['resultCode'] | undefined;
  #sending = false;
  #closing: Promise<void> | undefined;

  /** @internal Use {@link Ussd.open}. */
  constructor(
    networkAccountId: string,
    backend: UssdSessionBackend,
    forget: (session: UssdSession) => void,
  ) {
    this.networkAccountId = networkAccountId;
    this.#backend = backend;
    this.#forget = forget;
  }

  /** Whether the network asked for a reply (the last result was `actionRequired`). */
  get replyExpected(): boolean {
    return this.#lastResult === 'actionRequired';
  }

  /** Whether {@link UssdSession.close} was called. */
  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /**
   * Sends a USSD string (a service code such as `*100#`, or the reply to a menu) and resolves
   * with the network's reply. A string outside the GSM 7-bit alphabet or longer than 182
   * septets is `ERR_INVALID_ARGUMENT` before Windows sees it; a closed session `ERR_CLOSED`.
   * One send at a time: calling it again before the reply is `ERR_INVALID_STATE` (a dialogue
   * is one string, then its reply).
   */
  async send(text: string, options: OperationOptions = {}): Promise<UssdReply> {
    checkUssdText(text, 'UssdSession.send(text)');
    checkOptionsObject(options, 'UssdSession.send()');
    if (this.closed)
      throw new MobileBroadbandError(
        'ERR_CLOSED',
        'UssdSession.send(): the session is closed; open a new one with mbb.ussd.open()',
      );
    if (this.#sending)
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        'UssdSession.send(): a string is already being sent on this session; await its reply before sending the next',
      );
    this.#sending = true;
    try {
      const reply = await this.#backend.send(text, options);
      this.#lastResult = reply.resultCode;
      return { resultCode: reply.resultCode, message: reply.message };
    } finally {
      this.#sending = false;
    }
  }

  /** Ends the dialogue (`UssdSession.Close`). Calling it again returns the same promise. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#forget(this);
      await this.#backend.close();
    })();
    return this.#closing;
  }
}

/**
 * USSD on one connection.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * const reply = await mbb.ussd.send('*100#');
 * console.log(reply.resultCode, reply.message);
 *
 * // A menu: the network asks for a reply (actionRequired) on the same session.
 * const session = await mbb.ussd.open();
 * try {
 *   let answer = await session.send('*101#');
 *   if (answer.resultCode === 'actionRequired') answer = await session.send('1');
 *   console.log(answer.message);
 * } finally {
 *   await session.close();
 * }
 * ```
 */
export class Ussd {
  readonly #backend: UssdBackend;
  readonly #modems: ModemBackend;
  readonly #open = new Set<UssdSession>();
  #closed = false;

  /** @internal Use {@link connect}. */
  constructor(backend: UssdBackend, modems: ModemBackend) {
    this.#backend = backend;
    this.#modems = modems;
  }

  /**
   * Opens a USSD session on an account (the first one unless `networkAccountId` names
   * another). No account at all is `ERR_NO_MODEM`; an id that names none `ERR_INVALID_ARGUMENT`.
   */
  async open(options: UssdOpenOptions = {}): Promise<UssdSession> {
    checkOptionsObject(options, 'ussd.open()');
    const id = await this.#accountOf(options.networkAccountId, 'ussd.open()');
    const backend = await this.#backend.open(id);
    if (this.#closed) {
      await backend.close();
      throw closedError('ussd.open()');
    }
    const session = new UssdSession(id, backend, (s) => this.#open.delete(s));
    this.#open.add(session);
    return session;
  }

  /**
   * One-shot: opens a session, sends `text`, closes the session, and resolves with the reply.
   * When the reply is `actionRequired` the menu is left unanswered (the session is closed);
   * use {@link Ussd.open} to answer it. The text is checked before a session is opened.
   */
  async send(text: string, options: UssdSendOptions = {}): Promise<UssdReply> {
    checkUssdText(text, 'ussd.send(text)');
    checkOptionsObject(options, 'ussd.send()');
    const session = await this.open(
      options.networkAccountId === undefined ? {} : { networkAccountId: options.networkAccountId },
    );
    try {
      return await session.send(
        text,
        options.signal === undefined ? {} : { signal: options.signal },
      );
    } finally {
      await session.close();
    }
  }

  /** @internal Closes every open session (`mbb.close()`). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#open].map((session) => session.close()));
  }

  async #accountOf(given: unknown, where: string): Promise<string> {
    if (this.#closed) throw closedError(where);
    if (given !== undefined) {
      if (typeof given !== 'string')
        throw new MobileBroadbandError(
          'ERR_INVALID_ARGUMENT',
          `${where}: networkAccountId must be a string, got ${describeKind(given)}`,
        );
      return given;
    }
    const first = (await this.#modems.accounts())[0];
    if (first === undefined)
      throw new MobileBroadbandError(
        'ERR_NO_MODEM',
        `${where}: there is no mobile broadband account on this machine to send USSD through`,
      );
    return first.networkAccountId;
  }
}

function closedError(where: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_CLOSED', `${where}: the connection is closed`);
}
