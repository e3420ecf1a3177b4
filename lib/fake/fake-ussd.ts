/**
 * USSD on the fake: a network that answers balance requests, with every reply scriptable.
 *
 * Without a script: `*100#` answers the balance (`noActionRequired`); `*101#` opens a menu
 * (`actionRequired`) whose `1` answers the balance, `2` the data left, `0` ends it
 * (`terminated`), and anything else asks again; any other code is `operationNotSupported`.
 * {@link FakeUssd.scriptReply} queues replies that come first, whatever is sent: any
 * `UssdResultCode`, `networkTimeout` included.
 *
 * @module
 */

import type {
  OperationOptions,
  UssdBackend,
  UssdReply,
  UssdResultCode,
  UssdSessionBackend,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { unknownAccountError } from '../modems/unknown-account.js';

/** A reply {@link FakeUssd.scriptReply} queues. */
export interface FakeUssdReply {
  resultCode: UssdResultCode;
  /** The network's text; none when absent. */
  message?: string;
}

/** The balance the fake network reports. */
export const fakeUssdBalance = 'Your balance is 12.50 EUR, valid until 31/01/2026.';
const menu = 'Contoso self-care\n1. Balance\n2. Data left\n0. Exit';

/**
 * The fake's USSD part (`fake.ussd`): sessions on the simulated network, with replies you can
 * script and the strings sent recorded.
 */
export class FakeUssd implements UssdBackend {
  readonly #accountId: () => string;
  readonly #script: FakeUssdReply[] = [];
  readonly #sessions = new Set<FakeUssdSession>();
  readonly #sent: string[] = [];

  /** @internal Made by the fake backend. */
  constructor(accountId: () => string) {
    this.#accountId = accountId;
  }

  /**
   * Queues replies the network gives next, in order, whatever is sent (then the built-in
   * dialogue again). An `actionRequired` reply keeps the session waiting, as on Windows.
   */
  scriptReply(...replies: FakeUssdReply[]): void {
    for (const reply of replies) this.#script.push({ ...reply });
  }

  /** The strings sessions sent, in order (the latest 1 000). */
  sent(): string[] {
    return [...this.#sent];
  }

  /** How many sessions are open. */
  get openSessions(): number {
    return this.#sessions.size;
  }

  open(networkAccountId: string): Promise<UssdSessionBackend> {
    const known = this.#accountId();
    if (networkAccountId !== known)
      return Promise.reject(unknownAccountError(networkAccountId, [known]));
    const session = new FakeUssdSession(
      (text, menuOpen) => this.#answer(text, menuOpen),
      (s) => this.#sessions.delete(s),
    );
    this.#sessions.add(session);
    return Promise.resolve(session);
  }

  /** Closes every session (the fake's close). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.#sessions].map((s) => s.close()));
  }

  #answer(text: string, menuOpen: boolean): FakeUssdReply {
    this.#sent.push(text);
    if (this.#sent.length > 1000) this.#sent.shift();
    const scripted = this.#script.shift();
    if (scripted !== undefined) return scripted;
    if (menuOpen) {
      if (text === '1') return { resultCode: 'noActionRequired', message: fakeUssdBalance };
      if (text === '2')
        return { resultCode: 'noActionRequired', message: 'Data left: 1.2 GB until 31/01/2026.' };
      if (text === '0') return { resultCode: 'terminated', message: 'Goodbye.' };
      return { resultCode: 'actionRequired', message: `Invalid choice.\n${menu}` };
    }
    if (text === '*100#') return { resultCode: 'noActionRequired', message: fakeUssdBalance };
    if (text === '*101#') return { resultCode: 'actionRequired', message: menu };
    return { resultCode: 'operationNotSupported', message: undefined };
  }
}

class FakeUssdSession implements UssdSessionBackend {
  readonly #answer: (text: string, menuOpen: boolean) => FakeUssdReply;
  readonly #forget: (session: FakeUssdSession) => void;
  #menuOpen = false;
  #closed = false;

  constructor(
    answer: (text: string, menuOpen: boolean) => FakeUssdReply,
    forget: (session: FakeUssdSession) => void,
  ) {
    this.#answer = answer;
    this.#forget = forget;
  }

  send(text: string, options: OperationOptions = {}): Promise<UssdReply> {
    if (this.#closed)
      return Promise.reject(
        new MobileBroadbandError('ERR_CLOSED', 'UssdSession.send(): the session is closed'),
      );
    if (options.signal?.aborted === true)
      return Promise.reject(
        new MobileBroadbandError(
          'ERR_ABORTED',
          'UssdSession.send() was cancelled before it started',
        ),
      );
    const reply = this.#answer(text, this.#menuOpen);
    this.#menuOpen = reply.resultCode === 'actionRequired';
    return Promise.resolve({ resultCode: reply.resultCode, message: reply.message });
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#menuOpen = false;
    this.#forget(this);
    return Promise.resolve();
  }
}
