/**
 * The Mobile Plans app's side of the portal callbacks, over any connection: the portal's calls
 * come in through {@link MobilePlansHost.handle}; the eSIM work runs on `mbb.esim`, the
 * registrations come from `mbb.notifications`, and time runs on the connection's clock.
 *
 * @module
 */

import { EventEmitter } from 'node:events';
import type { NetworkRegistrationState } from '../backend.js';
import type { TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { parseActivationCode, type ActivationCode } from '../esim/activation-code.js';
import type { MobileBroadband } from '../mobile-broadband.js';
import { maskIdentifier } from '../text/mask-identifier.js';
import { activationResultOfError } from './activation-result.js';
import { checkAllowedOrigins, originOf } from './allowed-origins.js';
import type { MobilePlansActivationError } from './mobile-plans-enums.js';
import { readPurchaseMetadata, type PurchaseMetadata } from './purchase-metadata.js';
import { roundRegistrationInterval } from './registration-interval.js';

/** The calls a portal can make. */
export type MobilePlansMethod =
  | 'notifyProfileDownload'
  | 'notifyOperationCancel'
  | 'notifyPurchaseWithProfileDownload'
  | 'notifyBalanceAddition'
  | 'notifyCancelledPurchase';

const methods: readonly string[] = [
  'notifyProfileDownload',
  'notifyOperationCancel',
  'notifyPurchaseWithProfileDownload',
  'notifyBalanceAddition',
  'notifyCancelledPurchase',
];

/** One call from a page, as the harness forwards it. Every field is untrusted. */
export interface MobilePlansCall {
  /** The origin of the frame that made the call. */
  origin: unknown;
  method: unknown;
  args: unknown;
  /** `registrationChangedScript` as the page set it when calling. */
  registrationChangedScript?: unknown;
  /** `profileActivationCompleteScript` as the page set it when calling. */
  profileActivationCompleteScript?: unknown;
  /**
   * The id of the operation context the page already returned (a page script returns it at
   * once); the host makes one when it is missing, malformed or in use.
   */
  operationId?: unknown;
}

/** Calls the page's function named `script` with one JSON string. */
export type MobilePlansDeliver = (script: string, argsJson: string) => void | Promise<void>;

/** `MobilePlansOperationContext`: names one download for `notifyOperationCancel`. */
export interface MobilePlansOperationContext {
  operationId: string;
}

/** What {@link MobilePlansHost.handle} answers the page. */
export interface MobilePlansCallResult {
  /** The call was refused (an origin not allowed, an unknown method); nothing was done. */
  refused: boolean;
  /** The operation context of a download, for the page to keep (or throw away). */
  operationContext: MobilePlansOperationContext | undefined;
}

/** The prompt of a delayed download: the user accepts or declines it. */
export interface DownloadReadyPrompt {
  operationId: string;
  /** The plan bought, for the prompt's text. */
  planName: string;
  accept(): void;
  decline(): void;
}

/** A record of what the host did, for the embedding code and `wmbb portal`. */
export type MobilePlansEvent =
  | { kind: 'call'; origin: string; method: MobilePlansMethod; operationId?: string }
  | { kind: 'refused'; origin: string; method: string; reason: string }
  | {
      kind: 'invalidInput';
      method: MobilePlansMethod;
      activationResult: MobilePlansActivationError;
      reason: string;
    }
  | { kind: 'violation'; method: MobilePlansMethod; message: string }
  | { kind: 'callback'; script: string; args: Record<string, string> }
  | { kind: 'callbackFailed'; script: string; reason: string }
  | {
      kind: 'flowEnded';
      method: MobilePlansMethod;
      operationId?: string;
      outcome: string;
      metadata?: PurchaseMetadata;
    };

/** Events of {@link MobilePlansHost}. */
export interface MobilePlansHostEvents {
  /** Every record, in order. Identifiers (ICCIDs, activation codes) are masked. */
  event: (event: MobilePlansEvent) => void;
  /** A delayed download is due; without a listener it is accepted. */
  downloadReady: (prompt: DownloadReadyPrompt) => void;
}

/** Options of {@link createMobilePlansHost}. */
export interface MobilePlansHostOptions {
  /** The connection whose eSIM and notifications the flows use. */
  mbb: MobileBroadband;
  /** Full origins of the operator's portal (`https://portal.contoso.example`). */
  allowedOrigins: readonly string[];
  /** The eSIM to install on; defaults to the first one `mbb.esim.list()` returns. */
  esimId?: string;
}

interface Scripts {
  registration: string | undefined;
  activation: string | undefined;
}

interface Operation {
  id: string;
  timer: TimerHandle | undefined;
  abort: AbortController;
  ended: boolean;
}

interface RegistrationWatch {
  iccid: string;
  script: string;
  deliver: MobilePlansDeliver;
}

const scriptName = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const maxScriptNameLength = 256;
const minuteMs = 60_000;

/**
 * The app's side of the Mobile Plans callbacks. Create one with {@link createMobilePlansHost};
 * {@link MobilePlansHost.close} it before closing the connection.
 */
export class MobilePlansHost {
  readonly #mbb: MobileBroadband;
  readonly #origins: ReadonlySet<string>;
  readonly #esimId: string | undefined;
  readonly #emitter = new EventEmitter();
  readonly #operations = new Map<string, Operation>();
  readonly #watches: RegistrationWatch[] = [];
  #nextId = 1;
  #listening = false;
  #closed = false;

  /** @internal Use {@link createMobilePlansHost}. */
  constructor(options: MobilePlansHostOptions) {
    const where = 'createMobilePlansHost()';
    if (typeof options !== 'object' || options === null) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: pass { mbb, allowedOrigins }`,
      );
    }
    this.#mbb = options.mbb;
    this.#origins = checkAllowedOrigins(options.allowedOrigins, where);
    if (options.esimId !== undefined && typeof options.esimId !== 'string') {
      throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${where}: esimId must be a string`);
    }
    this.#esimId = options.esimId;
  }

  /** The origins calls are honoured from. */
  get allowedOrigins(): readonly string[] {
    return [...this.#origins];
  }

  /** Adds a listener. */
  on<E extends keyof MobilePlansHostEvents>(event: E, listener: MobilePlansHostEvents[E]): this {
    this.#emitter.on(event, listener);
    return this;
  }

  /** Removes a listener. */
  off<E extends keyof MobilePlansHostEvents>(event: E, listener: MobilePlansHostEvents[E]): this {
    this.#emitter.off(event, listener);
    return this;
  }

  /**
   * Handles one call from a page. Never throws and never rejects: bad input is answered
   * through `profileActivationCompleteScript` (`invalidJson`, `invalidActivationCode`,
   * `invalidIccid`) and reported on `'event'`; a call from an origin not allowed is refused and
   * reported, never acted on.
   */
  handle(call: MobilePlansCall, deliver: MobilePlansDeliver): MobilePlansCallResult {
    const refused = { refused: true, operationContext: undefined };
    try {
      const c = (typeof call === 'object' && call !== null ? call : {}) as MobilePlansCall;
      const origin = typeof c.origin === 'string' ? (originOf(c.origin) ?? c.origin) : '(none)';
      const method = typeof c.method === 'string' ? c.method : '(none)';
      if (this.#closed) {
        this.#record({ kind: 'refused', origin, method, reason: 'the host is closed' });
        return refused;
      }
      if (!this.#origins.has(origin)) {
        this.#record({
          kind: 'refused',
          origin: short(origin),
          method: short(method),
          reason: 'the origin is not one of allowedOrigins',
        });
        return refused;
      }
      if (!methods.includes(method)) {
        this.#record({ kind: 'refused', origin, method: short(method), reason: 'no such method' });
        return refused;
      }
      const args = Array.isArray(c.args) ? (c.args as unknown[]) : [];
      const scripts: Scripts = {
        registration: checkScript(c.registrationChangedScript),
        activation: checkScript(c.profileActivationCompleteScript),
      };
      return this.#dispatch(
        origin,
        method as MobilePlansMethod,
        args,
        scripts,
        deliver,
        c.operationId,
      );
    } catch (error) {
      // A bug of the host must not reach the page either.
      this.#record({
        kind: 'refused',
        origin: '(unknown)',
        method: '(unknown)',
        reason: String(error),
      });
      return refused;
    }
  }

  /** Cancels every pending flow and stops forwarding registrations. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const op of this.#operations.values()) this.#cancel(op);
    this.#watches.length = 0;
    if (this.#listening) {
      this.#mbb.notifications.off('registeredHome', this.#onHome);
      this.#mbb.notifications.off('registeredRoaming', this.#onRoaming);
    }
    await Promise.resolve();
  }

  #dispatch(
    origin: string,
    method: MobilePlansMethod,
    args: unknown[],
    scripts: Scripts,
    deliver: MobilePlansDeliver,
    pageOperationId: unknown,
  ): MobilePlansCallResult {
    const done = (operationId?: string): MobilePlansCallResult => ({
      refused: false,
      operationContext: operationId === undefined ? undefined : { operationId },
    });
    if (method === 'notifyOperationCancel') {
      const ctx = args[0] as { operationId?: unknown } | undefined;
      const id = typeof ctx === 'object' && ctx !== null ? ctx.operationId : undefined;
      this.#record({ kind: 'call', origin, method });
      const op = typeof id === 'string' ? this.#operations.get(id) : undefined;
      if (op !== undefined && !op.ended) {
        this.#cancel(op);
        this.#record({ kind: 'flowEnded', method, operationId: op.id, outcome: 'cancelled' });
      } else {
        this.#record({
          kind: 'violation',
          method,
          message: 'no pending operation has this context',
        });
      }
      return done();
    }
    const metadata = readPurchaseMetadata(args[0]);
    const operationId = method.includes('Download')
      ? this.#operationIdFor(pageOperationId)
      : undefined;
    this.#record({ kind: 'call', origin, method, ...(operationId ? { operationId } : {}) });
    if (!metadata.ok) {
      this.#invalid(
        method,
        'invalidJson',
        `the purchase metadata: ${metadata.reason}`,
        scripts,
        deliver,
      );
      return done(operationId);
    }
    for (const message of metadata.violations) this.#record({ kind: 'violation', method, message });
    const meta = metadata.metadata;
    switch (method) {
      case 'notifyCancelledPurchase':
        this.#record({ kind: 'flowEnded', method, outcome: 'cancelledPurchase', metadata: meta });
        return done();
      case 'notifyBalanceAddition':
        void this.#balanceAddition(meta, args[1], scripts, deliver);
        return done();
      case 'notifyProfileDownload':
      case 'notifyPurchaseWithProfileDownload': {
        const code = readActivationCode(args[1]);
        if (code === undefined) {
          this.#invalid(
            method,
            'invalidActivationCode',
            'the activation code is not LPA:1$<SM-DP+>$<matching id>',
            scripts,
            deliver,
          );
          return done(operationId);
        }
        let delayMinutes = 0;
        let registrationMinutes: number | undefined;
        if (method === 'notifyProfileDownload') {
          delayMinutes = minutesOf(args[2]);
          if (args[2] !== undefined && delayMinutes === 0 && args[2] !== 0) {
            this.#record({
              kind: 'violation',
              method,
              message: 'downloadDelay is not a number of minutes from 0; downloading now',
            });
          }
        } else {
          try {
            registrationMinutes = roundRegistrationInterval(args[2] ?? 0);
          } catch (error) {
            registrationMinutes = 0;
            this.#record({
              kind: 'violation',
              method,
              message: `${(error as Error).message}; registering now`,
            });
          }
        }
        const op: Operation = {
          id: operationId!,
          timer: undefined,
          abort: new AbortController(),
          ended: false,
        };
        this.#operations.set(op.id, op);
        this.#scheduleDownload(
          method,
          op,
          meta,
          code,
          delayMinutes,
          registrationMinutes,
          scripts,
          deliver,
        );
        return done(op.id);
      }
    }
  }

  #scheduleDownload(
    method: MobilePlansMethod,
    op: Operation,
    metadata: PurchaseMetadata,
    code: ActivationCode,
    delayMinutes: number,
    registrationMinutes: number | undefined,
    scripts: Scripts,
    deliver: MobilePlansDeliver,
  ): void {
    const start = (): void =>
      void this.#download(method, op, metadata, code, registrationMinutes, scripts, deliver);
    if (delayMinutes === 0) {
      // Control returns to the page first, as in the app.
      op.timer = this.#mbb.clock.setTimeout(start, 0);
      return;
    }
    op.timer = this.#mbb.clock.setTimeout(() => {
      op.timer = undefined;
      if (op.ended) return;
      let answered = false;
      const prompt: DownloadReadyPrompt = {
        operationId: op.id,
        planName: metadata.planName,
        accept: () => {
          if (answered || op.ended) return;
          answered = true;
          start();
        },
        decline: () => {
          if (answered || op.ended) return;
          answered = true;
          op.ended = true;
          this.#operations.delete(op.id);
          this.#record({
            kind: 'flowEnded',
            method,
            operationId: op.id,
            outcome: 'declined',
            metadata,
          });
        },
      };
      if (this.#emitter.listenerCount('downloadReady') === 0) prompt.accept();
      else this.#emitter.emit('downloadReady', prompt);
    }, delayMinutes * minuteMs);
  }

  async #download(
    method: MobilePlansMethod,
    op: Operation,
    metadata: PurchaseMetadata,
    code: ActivationCode,
    registrationMinutes: number | undefined,
    scripts: Scripts,
    deliver: MobilePlansDeliver,
  ): Promise<void> {
    op.timer = undefined;
    if (op.ended) return;
    let result: MobilePlansActivationError = 'success';
    let iccid = '';
    const signal = op.abort.signal;
    try {
      const esimId = await this.#chooseEsim();
      if (esimId === undefined) {
        result = 'modemNotFound';
      } else {
        const offer = await this.#mbb.esim.downloadProfileMetadata(esimId, code, { signal });
        iccid = offer.id;
        await this.#mbb.esim.confirmInstall(offer, { signal });
        await this.#mbb.esim.enableProfile(esimId, offer.id, { signal });
      }
    } catch (error) {
      result = activationResultOfError(error);
    }
    if (op.ended) return; // cancelled meanwhile: the page hears nothing more of it
    op.ended = true;
    this.#operations.delete(op.id);
    this.#callback(scripts.activation, { activationResult: result, iccid }, deliver);
    this.#record({ kind: 'flowEnded', method, operationId: op.id, outcome: result, metadata });
    if (result !== 'success' || scripts.registration === undefined) return;
    const watch: RegistrationWatch = { iccid, script: scripts.registration, deliver };
    if (registrationMinutes === undefined) {
      this.#watch(watch);
      return;
    }
    this.#mbb.clock.setTimeout(
      () => void this.#registerAfterInterval(watch),
      registrationMinutes * minuteMs,
    );
  }

  /** The registration attempt of a purchase: the state now, then every later one. */
  async #registerAfterInterval(watch: RegistrationWatch): Promise<void> {
    if (this.#closed) return;
    let state: NetworkRegistrationState = 'none';
    try {
      const [account] = await this.#mbb.modems.accounts();
      state = account?.network?.registrationState ?? 'none';
    } catch {
      state = 'none';
    }
    if (this.#closed) return;
    this.#callback(
      watch.script,
      { networkRegistrationState: state, iccid: watch.iccid },
      watch.deliver,
    );
    this.#watch(watch);
  }

  async #balanceAddition(
    metadata: PurchaseMetadata,
    iccidArg: unknown,
    scripts: Scripts,
    deliver: MobilePlansDeliver,
  ): Promise<void> {
    const method = 'notifyBalanceAddition';
    if (iccidArg === undefined || iccidArg === null || iccidArg === '') {
      this.#record({ kind: 'flowEnded', method, outcome: 'balanceAdded', metadata });
      return;
    }
    if (typeof iccidArg !== 'string' || !/^\d{18,22}$/.test(iccidArg)) {
      this.#invalid(
        method,
        'invalidIccid',
        `the ICCID is not 18 to 22 digits: ${typeof iccidArg === 'string' ? maskIdentifier(iccidArg) : typeof iccidArg}`,
        scripts,
        deliver,
      );
      return;
    }
    let result: MobilePlansActivationError = 'success';
    try {
      const esims = await this.#mbb.esim.list();
      const esim = esims.find((e) => e.profiles.some((p) => p.id === iccidArg));
      if (esim === undefined) result = esims.length === 0 ? 'modemNotFound' : 'profileNotPresent';
      else await this.#mbb.esim.enableProfile(esim.id, iccidArg);
    } catch (error) {
      result = activationResultOfError(error);
    }
    if (this.#closed) return;
    this.#callback(scripts.activation, { activationResult: result, iccid: iccidArg }, deliver);
    this.#record({ kind: 'flowEnded', method, outcome: result, metadata });
  }

  #operationIdFor(fromPage: unknown): string {
    if (
      typeof fromPage === 'string' &&
      /^[\w-]{1,64}$/.test(fromPage) &&
      !this.#operations.has(fromPage)
    ) {
      return fromPage;
    }
    return `op-${this.#nextId++}`;
  }

  async #chooseEsim(): Promise<string | undefined> {
    if (this.#esimId !== undefined) return this.#esimId;
    const [first] = await this.#mbb.esim.list();
    return first?.id;
  }

  #watch(watch: RegistrationWatch): void {
    if (this.#closed) return;
    this.#watches.push(watch);
    if (this.#listening) return;
    this.#listening = true;
    this.#mbb.notifications.on('registeredHome', this.#onHome);
    this.#mbb.notifications.on('registeredRoaming', this.#onRoaming);
  }

  readonly #onHome = (): void => this.#registered('home');

  readonly #onRoaming = (n: { networkAccountId: string | undefined }): void => {
    // registeredRoaming covers roaming and partner networks: the account says which.
    const id = n.networkAccountId;
    if (id === undefined) return this.#registered('roaming');
    this.#mbb.modems.account(id).then(
      (account) =>
        this.#registered(account.network?.registrationState === 'partner' ? 'partner' : 'roaming'),
      () => this.#registered('roaming'),
    );
  };

  #registered(state: NetworkRegistrationState): void {
    if (this.#closed) return;
    for (const w of this.#watches) {
      this.#callback(w.script, { networkRegistrationState: state, iccid: w.iccid }, w.deliver);
    }
  }

  #invalid(
    method: MobilePlansMethod,
    result: MobilePlansActivationError,
    reason: string,
    scripts: Scripts,
    deliver: MobilePlansDeliver,
  ): void {
    this.#record({ kind: 'invalidInput', method, activationResult: result, reason });
    this.#callback(scripts.activation, { activationResult: result, iccid: '' }, deliver);
  }

  #callback(
    script: string | undefined,
    args: Record<string, string>,
    deliver: MobilePlansDeliver,
  ): void {
    if (script === undefined) return;
    const masked = { ...args, ...(args.iccid ? { iccid: maskIdentifier(args.iccid) } : {}) };
    this.#record({ kind: 'callback', script, args: masked });
    const failed = (error: unknown): void =>
      this.#record({
        kind: 'callbackFailed',
        script,
        reason: error instanceof Error ? error.message : String(error),
      });
    try {
      const sent = deliver(script, JSON.stringify(args));
      if (sent instanceof Promise) sent.catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  #cancel(op: Operation): void {
    op.ended = true;
    if (op.timer !== undefined) this.#mbb.clock.clearTimeout(op.timer);
    op.timer = undefined;
    op.abort.abort();
    this.#operations.delete(op.id);
  }

  #record(event: MobilePlansEvent): void {
    for (const listener of this.#emitter.listeners('event')) {
      try {
        (listener as (e: MobilePlansEvent) => void)(event);
      } catch {
        // A listener's failure is the embedding code's; it must not stop a flow.
      }
    }
  }
}

/**
 * Creates the app's side of the Mobile Plans callbacks over a connection.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * import { createMobilePlansHost } from 'windows-mobile-broadband/mobile-plans';
 * const mbb = await connect();
 * const host = createMobilePlansHost({ mbb, allowedOrigins: ['https://portal.contoso.example'] });
 * host.on('event', (e) => console.log(e.kind, e));
 * host.on('downloadReady', (prompt) => prompt.accept());
 * ```
 */
export function createMobilePlansHost(options: MobilePlansHostOptions): MobilePlansHost {
  return new MobilePlansHost(options);
}

function checkScript(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > maxScriptNameLength || !scriptName.test(value)) {
    return undefined;
  }
  return value;
}

function readActivationCode(value: unknown): ActivationCode | undefined {
  try {
    return parseActivationCode(value as string);
  } catch {
    return undefined;
  }
}

function minutesOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function short(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
}
