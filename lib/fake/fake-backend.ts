/**
 * The fake backend: an in-memory Windows for tests and demos on any OS. Instance-based: every
 * `createFakeBackend()` is an independent machine.
 *
 * @module
 */

import type {
  Backend,
  DataPlanStatus,
  DeviceInfo,
  ModemBackend,
  NetworkRegistrationState,
  RawNotification,
} from '../backend.js';
import { systemClock, type Clock } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { checkOptionsObject } from '../check-arguments.js';
import { describeValue } from '../events/describe-value.js';
import { parseProvisioning } from '../provisioning/parse-provisioning.js';
import { compileMessageRules } from '../provisioning/message-rule-set.js';
import type { ProvisioningDocument } from '../provisioning/provisioning-document.js';
import { advanceSettling } from './advance-settling.js';
import { checkRecordLimit } from './bounded-log.js';
import { toByteCount } from './byte-count.js';
import { FakeBillingCycle, type BillingCycle } from './fake-billing-cycle.js';
import {
  defaultFakeAccount,
  FakeContext,
  type FakeAccount,
  type FakeOutcome,
  type FakeRecord,
} from './fake-context.js';
import { FakeDataPlan, type FakeUsage } from './fake-data-plan.js';
import { defaultFakeDevice } from './fake-device.js';
import { FakeModems } from './fake-modems.js';
import { FakeDerivedObserver } from './fake-derived-observer.js';
import { FakeLinks } from './fake-links.js';
import { DerivedNotificationSource } from '../derived/derived-notification-source.js';
import { FakeNetwork } from './fake-network.js';
import {
  FakeNotificationSource,
  type RecordedEntitlementAnswer,
} from './fake-notification-source.js';
import {
  FakeOperatorMessages,
  type IncomingSms,
  type OperatorMessageOutcome,
} from './fake-operator-messages.js';
import { FakeProvisioning, planOf, type ProvisionOutcome } from './fake-provisioning.js';
import {
  FakeTethering,
  type TetheringPolicy,
  type TetheringRequestOutcome,
} from './fake-tethering.js';
import { playScenario, type PlayOptions, type ScenarioReport } from './scenario/play-scenario.js';
import type { Scenario } from './scenario/scenario-types.js';
import { FakeEsim } from './fake-esim.js';
import { FakeUssd } from './fake-ussd.js';
import { VirtualClock } from './virtual-clock.js';

/** Options of {@link createFakeBackend}. */
export interface FakeBackendOptions {
  /**
   * The Windows build the fake plays for the eSIM doors (`mbb.esim.openActivation()`,
   * `requestDeviceIdentifiers()`): 26100 (Windows 11 24H2, which has both) unless set; an older
   * one makes them ERR_NOT_SUPPORTED.
   */
  windowsBuild?: number;
  /** The simulated account and modem (ids, operator name). */
  account?: Partial<FakeAccount>;
  /** The simulated modem and SIM as `mbb.modems` reports them (any field; identifiers included). */
  device?: Partial<DeviceInfo>;
  /**
   * `'virtual'` (default): time moves only with `fake.clock.advance(ms)`. `'system'`: real time
   * and `globalThis` timers (which a test framework's fake timers can control).
   */
  clock?: 'virtual' | 'system';
  /**
   * `true` (default): the fake plays the operator's packaged app, which Windows gives every
   * MobileOperatorNotification. `false`: any other process (`node.exe`, Electron, the CLI, a
   * service): notifications come only as the derived source makes them (`origin: 'derived'`;
   * operator messages and entitlement checks never reach it), and eSIM calls are
   * `ERR_NOT_AUTHORIZED`. The controls stay the same.
   */
  packaged?: boolean;
  /** Where virtual time starts (default 2026-01-05T08:00:00Z). */
  startTime?: Date | number;
  /**
   * How many of the latest records `recorded()` keeps, and apart how many answers
   * `entitlementAnswers()` keeps (default 10 000): a long simulation holds bounded history.
   * `Infinity` keeps everything; `0` keeps nothing.
   */
  recordLimit?: number;
}

/** The fake's clock: a {@link Clock} you can move. */
export interface FakeClock extends Clock {
  /** Moves virtual time forward by `ms`, firing due timers in order. */
  advance(ms: number): void;
}

/** A simulated Windows machine; see {@link createFakeBackend}. */
export class FakeBackend implements Backend {
  readonly name = 'fake';
  readonly clock: FakeClock;
  readonly notifications: FakeNotificationSource;
  readonly esim: FakeEsim;
  /** What a process would have opened (the eSIM doors' links), recorded. */
  readonly links: FakeLinks;
  readonly tethering: FakeTethering;
  readonly modems: ModemBackend;
  /** USSD sessions on a simulated network; script replies with `fake.ussd.scriptReply()`. */
  readonly ussd: FakeUssd;
  /** `ProvisionFromXmlDocumentAsync`; script failures with `fake.provisioning.scriptNext()`. */
  readonly provisioning: FakeProvisioning;
  readonly #context: FakeContext;
  readonly #network: FakeNetwork;
  readonly #dataPlan: FakeDataPlan;
  readonly #billingCycle: FakeBillingCycle;
  readonly #messages: FakeOperatorMessages;
  readonly #virtualClock: VirtualClock | undefined;
  #closed = false;

  /** @internal Use {@link createFakeBackend}. */
  constructor(options: FakeBackendOptions = {}) {
    checkOptionsObject(options, 'createFakeBackend()');
    const kind = options.clock ?? 'virtual';
    if (kind !== 'virtual' && kind !== 'system') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `createFakeBackend({ clock }) must be 'virtual' or 'system', got ${JSON.stringify(kind)}`,
      );
    }
    const start =
      options.startTime instanceof Date ? options.startTime.getTime() : options.startTime;
    this.#virtualClock = kind === 'virtual' ? new VirtualClock(start) : undefined;
    this.clock = this.#virtualClock ?? realClock();
    const packaged = options.packaged ?? true;
    if (typeof packaged !== 'boolean') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `createFakeBackend({ packaged }) must be a boolean, got ${describeValue(packaged)}`,
      );
    }
    const account = { ...defaultFakeAccount, ...options.account };
    const observer = packaged
      ? undefined
      : new FakeDerivedObserver(() => ({
          networkAccountId: account.networkAccountId,
          registration: this.#network.registration,
          connected: this.#network.connected,
          dataPlan: this.#dataPlanStatus(),
        }));
    this.notifications = new FakeNotificationSource(
      () => this.clock.now(),
      checkRecordLimit(options.recordLimit),
      observer === undefined
        ? undefined
        : new DerivedNotificationSource({
            clock: this.clock,
            observer,
            modems: { dataPlanStatus: (id) => this.modems.dataPlanStatus(id) },
            tethering: { status: (target) => this.tethering.status(target) },
          }),
    );
    this.esim = new FakeEsim(this.clock);
    this.links = new FakeLinks(options.windowsBuild === undefined ? 26100 : options.windowsBuild);
    // Managing eSIMs needs a capability only a packaged app can declare.
    if (!packaged) this.esim.setAccess('notAuthorized');
    this.#context = new FakeContext(this.clock, this.#virtualClock, account, this.notifications);
    this.#context.observer = observer;
    this.#network = new FakeNetwork(this.#context);
    this.#dataPlan = new FakeDataPlan(() => this.clock.now());
    this.#billingCycle = new FakeBillingCycle(this.#context, () => void this.resetBillingCycle());
    this.#messages = new FakeOperatorMessages(this.#context, this.#dataPlan);
    this.tethering = new FakeTethering(
      this.#context,
      this.notifications,
      options.windowsBuild === undefined ? 26100 : options.windowsBuild,
    );
    this.modems = new FakeModems({
      account,
      device: { ...defaultFakeDevice, ...options.device },
      network: this.#network,
      dataPlan: () => this.#dataPlanStatus(),
    });
    this.provisioning = new FakeProvisioning(
      (doc) => this.#applyProvisioning(doc),
      () => this.#context.account.networkAccountId,
    );
    this.ussd = new FakeUssd(() => this.#context.account.networkAccountId);
  }

  /** The simulated account and modem. */
  get account(): Readonly<FakeAccount> {
    return this.#context.account;
  }

  /** Whether the fake plays the operator's packaged app (see {@link FakeBackendOptions.packaged}). */
  get packaged(): boolean {
    return this.#context.packaged;
  }

  /**
   * Injects a raw MobileOperatorNotification record, as if Windows had raised it. Resolves once
   * the app's listeners have received it. The record goes through the same typed pipeline as
   * the native backend's; malformed records arrive as `unknown` notifications.
   */
  notify(record: RawNotification): Promise<void> {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `notify(record): record must be an object, got ${record === null ? 'null' : typeof record}`,
      );
    }
    let copy: RawNotification;
    try {
      copy = { ...record }; // a snapshot: later changes by the caller do not reach the app
    } catch (error) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `notify(record): the record cannot be read: ${describeValue(error)}`,
        {
          cause: error,
        },
      );
    }
    return this.notifications.emit(copy);
  }

  // --- Provisioning -----------------------------------------------------------------------

  /**
   * Applies a `CarrierProvisioning` document (XML text or the result of `parseProvisioning`):
   * its plan (limit, DataUsageInMobileOperatorNotificationEnabled, billing cycle), its message
   * rules, and its default profile (which also brings back a profile deleted by plan expiry).
   * An invalid document is rejected with the same `ERR_PROVISIONING_XML` as `parseProvisioning`.
   */
  async provision(document: string | ProvisioningDocument): Promise<ProvisionOutcome> {
    const doc = typeof document === 'string' ? parseProvisioning(document) : document;
    return Promise.resolve(this.#applyProvisioning(doc));
  }

  // --- Network ----------------------------------------------------------------------------

  /**
   * Registers on a network (NetworkRegistrationState name). Every registration on home raises
   * registeredHome and on roaming/partner registeredRoaming, every time, as on Windows.
   */
  async register(state: NetworkRegistrationState): Promise<FakeOutcome> {
    return await this.#network.register(state);
  }

  /** The current registration. */
  get registration(): NetworkRegistrationState {
    return this.#network.registration;
  }

  /** Whether the data connection is up. */
  get connected(): boolean {
    return this.#network.connected;
  }

  /** The machine sleeps; controls other than `resume()` fail until it resumes. */
  async sleep(): Promise<FakeOutcome> {
    return Promise.resolve(this.#network.sleep());
  }

  /** The machine resumes: the registration and the connection are announced again. */
  async resume(): Promise<FakeOutcome> {
    return await this.#network.resume();
  }

  /** The data connection comes up (profileConnected). Needs a registration and a profile. */
  async connect(): Promise<FakeOutcome> {
    return await this.#network.connect();
  }

  /** The data connection goes down (profileDisconnected). */
  async disconnect(): Promise<FakeOutcome> {
    return await this.#network.disconnect();
  }

  // --- Data plan --------------------------------------------------------------------------

  /**
   * Sends and receives `bytes` over the connection (a count, or a size such as `"150MB"`).
   * Raises dataPlanThresholdReached when the plan's rule says so (at most one per call).
   */
  async transfer(bytes: number | string): Promise<FakeOutcome> {
    const count = toByteCount(bytes, 'transfer(bytes)');
    this.#network.checkAwake('transfer()');
    if (!this.#network.connected) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        'transfer(): no data connection; connect() first',
      );
    }
    const due = this.#dataPlan.transfer(count, this.#network.roaming);
    if (!this.#context.packaged) {
      return {
        emitted: [],
        note: 'an unpackaged process sees usage when it reads the data plan: at the next data-plan poll or network change',
      };
    }
    if (!due) {
      return {
        emitted: [],
        note: this.#dataPlan.notificationsEnabled
          ? 'below the next threshold step'
          : 'data-usage notifications are off (the plan does not enable DataUsageInMobileOperatorNotificationEnabled)',
      };
    }
    return { emitted: await this.#context.emit({ messageType: 3 }) };
  }

  /** Local usage and the plan's limit, in bytes. */
  usage(): FakeUsage {
    return this.#dataPlan.usage();
  }

  /** The billing cycle ends: usage back to zero, and dataPlanReset. */
  async resetBillingCycle(): Promise<FakeOutcome> {
    this.#dataPlan.reset();
    const emitted = await this.#context.emit({ messageType: 4 });
    if (!this.#context.packaged)
      return {
        emitted,
        note: 'an unpackaged process sees the reset when it reads the data plan: at the next data-plan poll or network change',
      };
    return { emitted };
  }

  /**
   * Sets a billing cycle on the fake's clock (or removes it with `undefined`); each cycle end
   * resets usage and raises dataPlanReset. A provisioned plan's BillingCycle does the same.
   */
  setBillingCycle(cycle: BillingCycle | undefined): void {
    this.#billingCycle.set(cycle);
  }

  /**
   * A prepaid plan expires: dataPlanDeleted; Windows deletes the plan's connection profile, so
   * an active connection drops (profileDisconnected) and `connect()` fails until the account is
   * provisioned again.
   */
  async expirePlan(): Promise<FakeOutcome> {
    const records: FakeRecord[] = [{ messageType: 5 }, ...this.#network.deleteProfile()];
    this.#billingCycle.clear();
    return { emitted: await this.#context.emit(...records) };
  }

  // --- Operator messages ------------------------------------------------------------------

  /**
   * A GSM SMS arrives. Only a message a provisioning rule takes reaches the app (gsmSms with
   * the rule id, silent flag, parsed fields, encoding and size); the result says what happened
   * and why.
   */
  async receiveSms(sms: IncomingSms): Promise<OperatorMessageOutcome> {
    this.#network.checkAwake('receiveSms()');
    return await this.#messages.receiveSms(sms);
  }

  /** A CDMA SMS arrives (cdmaSms when a rule takes it). */
  async receiveCdmaSms(sms: { from: string; text: string }): Promise<OperatorMessageOutcome> {
    this.#network.checkAwake('receiveCdmaSms()');
    return await this.#messages.receiveCdmaSms(sms);
  }

  /** A network-initiated USSD message arrives (ussd when a USSD rule takes it). */
  async receiveUssd(text: string): Promise<OperatorMessageOutcome> {
    this.#network.checkAwake('receiveUssd()');
    return await this.#messages.receiveUssd(text);
  }

  // --- Tethering --------------------------------------------------------------------------

  /** The operator's AllowTethering policy (default `'always'`). */
  setTetheringPolicy(policy: TetheringPolicy): void {
    this.tethering.setPolicy(policy);
  }

  /**
   * The user turns the hotspot on. With `'entitlementCheckRequired'` a tetheringEntitlementCheck
   * goes to the app and the outcome is its answer (or its default on timeout).
   */
  async requestTethering(): Promise<TetheringRequestOutcome> {
    this.#network.checkAwake('requestTethering()');
    return await this.tethering.request();
  }

  // --- Observation and time ---------------------------------------------------------------

  /**
   * The records the fake has emitted, in order (whether or not anyone listened): the latest
   * `recordLimit` of them (default 10 000; see {@link FakeBackendOptions.recordLimit}).
   */
  recorded(): RawNotification[] {
    return [...this.notifications.recorded];
  }

  /** Records emitted but no longer kept by {@link FakeBackend.recorded}. */
  get recordsDropped(): number {
    return this.notifications.recordsDropped;
  }

  /** The entitlement answers the fake received, in order: the latest `recordLimit` of them. */
  entitlementAnswers(): RecordedEntitlementAnswer[] {
    return [...this.notifications.answers];
  }

  /**
   * Resolves once every emitted record has been delivered and the app's handlers have run
   * their immediate continuations.
   */
  async settled(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      await this.notifications.settled();
      // Let promise chains started by listeners (async handlers) run a few turns.
      for (let i = 0; i < 10; i++) await Promise.resolve();
      if (this.notifications.idle) return;
    }
  }

  /**
   * Moves virtual time forward by `ms`, letting deliveries and the app's reactions run between
   * timers: what `fake.clock.advance()` does, plus settling. Needs the virtual clock.
   */
  async advance(ms: number): Promise<void> {
    const clock = this.#virtualClock;
    if (clock === undefined) this.clock.advance(ms);
    else await advanceSettling(clock, ms, () => this.settled());
  }

  /**
   * Plays a scenario (see `schema/scenario.schema.json`) on the virtual clock; resolves with
   * what each step did. Invalid scenarios are rejected before any step runs, with an
   * `ERR_INVALID_SCENARIO` naming the step.
   */
  play(scenario: Scenario, options: PlayOptions = {}): Promise<ScenarioReport> {
    return playScenario(this, scenario, options);
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#billingCycle.clear();
      this.notifications.close();
      await Promise.all([this.esim.close(), this.ussd.closeAll()]);
    }
  }

  /** The plan as `GetDataPlanStatus()` reads it; none once the plan's profile is gone. */
  #dataPlanStatus(): DataPlanStatus | undefined {
    if (!this.#network.profilePresent) return undefined;
    const usage = this.#dataPlan.usage();
    return {
      ...usage,
      lastSyncTime: this.#dataPlan.lastSyncTime,
      nextBillingCycle: this.#billingCycle.nextEnd,
    };
  }

  #applyProvisioning(doc: ProvisioningDocument): ProvisionOutcome {
    const rules = compileMessageRules(doc);
    const plan = planOf(doc);
    this.#messages.setRules(rules);
    if (plan !== undefined) {
      this.#dataPlan.apply(plan.plan);
      this.#billingCycle.set(plan.billingCycle);
    }
    if (doc.profiles.length > 0 && !this.#network.profilePresent) {
      this.#network.restoreProfile();
      // A new connection profile is a NetworkStatusChanged for the watchers.
      this.#context.observer?.networkStatusChanged();
    }
    return {
      plan: plan?.plan.name,
      messageRules: rules.rules.length,
      profiles: doc.profiles.map((p) => p.name),
      warnings: doc.warnings.map((w) => `line ${w.line}, column ${w.column}: ${w.message}`),
    };
  }
}

function realClock(): FakeClock {
  return {
    ...systemClock,
    advance() {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        "This fake uses the system clock ({ clock: 'system' }); move time with your test framework's fake timers instead",
      );
    },
  };
}

/**
 * Creates an independent simulated Windows machine.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * import { createFakeBackend } from 'windows-mobile-broadband/fake';
 *
 * const fake = createFakeBackend();
 * const mbb = await connect({ backend: fake });
 * const seen: string[] = [];
 * mbb.notifications.on('notification', (n) => seen.push(n.type));
 * await fake.notify({ messageType: 9, networkAccountId: 'acct', origin: 'system' });
 * console.log(seen); // ['registeredHome']
 * ```
 */
export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  return new FakeBackend(options);
}
