/**
 * The fake's mobile hotspot, with the operator's AllowTethering policy of the service metadata
 * (`Always`, `Never`, `EntitlementCheckRequired`).
 *
 * With `entitlementCheckRequired`, every attempt to turn the hotspot on raises a
 * TetheringEntitlementCheck (10) and waits for the operator app's answer; without one in
 * `entitlementTimeoutMs` the attempt fails with `entitlementCheckTimeout`. State changes raise
 * TetheringOperationalStateChanged (11) and client changes TetheringNumberOfClientsChanged (12),
 * as newer Windows does.
 *
 * @module
 */

import type {
  AccessPointConfiguration,
  EntitlementAnswer,
  TetheringBackend,
  TetheringCapability,
  TetheringClient,
  TetheringOperationalState,
  TetheringOperationResult,
  TetheringStatus,
} from '../backend.js';
import type { TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import type { FakeContext, FakeRecord } from './fake-context.js';
import type { FakeNotificationSource } from './fake-notification-source.js';

/** The service metadata's AllowTethering. */
export type TetheringPolicy = 'always' | 'never' | 'entitlementCheckRequired';

const policies: readonly TetheringPolicy[] = ['always', 'never', 'entitlementCheckRequired'];

/** What a tethering request did; see {@link FakeTethering.request}. */
export interface TetheringRequestOutcome extends TetheringOperationResult {
  /** The operator app's answer to the entitlement check, when one was asked for. */
  entitlement?: EntitlementAnswer & { entitlementCheckId: string };
  /** What the app did not see, in words (an unpackaged process gets no entitlement check). */
  note?: string;
}

const macPattern = /^[0-9A-F]{2}(?::[0-9A-F]{2}){5}$/i;

/**
 * The fake's hotspot (`fake.tethering`): the TetheringBackend part, plus controls for tests
 * (`clientJoined`, `clientLeft`, `entitlementTimeoutMs`).
 */
export class FakeTethering implements TetheringBackend {
  readonly #context: FakeContext;
  readonly #source: FakeNotificationSource;
  #policy: TetheringPolicy = 'always';
  #state: TetheringOperationalState = 'off';
  #clients: TetheringClient[] = [];
  #accessPoint: AccessPointConfiguration = {
    ssid: 'FAKE-HOTSPOT',
    passphrase: 'fake-passphrase',
    band: 'auto',
  };
  readonly maxClientCount = 10;
  entitlementTimeoutMs = 30_000;

  /** @internal */
  constructor(context: FakeContext, source: FakeNotificationSource) {
    this.#context = context;
    this.#source = source;
  }

  get policy(): TetheringPolicy {
    return this.#policy;
  }

  setPolicy(policy: TetheringPolicy): void {
    if (!policies.includes(policy)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `Unknown tethering policy ${JSON.stringify(policy)}; expected one of ${policies.join(', ')}`,
      );
    }
    this.#policy = policy;
  }

  status(): Promise<TetheringStatus> {
    return Promise.resolve({
      capability: this.#capability(),
      operationalState: this.#state,
      clientCount: this.#clients.length,
      maxClientCount: this.maxClientCount,
    });
  }

  start(): Promise<TetheringOperationResult> {
    return this.request().then(({ status, additionalErrorMessage }) => ({
      status,
      additionalErrorMessage,
    }));
  }

  /** The user turns the hotspot on; resolves with what Windows answered. */
  async request(): Promise<TetheringRequestOutcome> {
    if (this.#state === 'on') return { status: 'alreadyOn', additionalErrorMessage: '' };
    if (this.#policy === 'never') {
      return {
        status: 'entitlementCheckFailure',
        additionalErrorMessage: 'The operator does not allow tethering (AllowTethering is Never)',
      };
    }
    if (this.#policy === 'entitlementCheckRequired' && !this.#context.packaged) {
      // The check goes to the operator's packaged app, elsewhere on the machine; it allows here.
      await this.#setState('on');
      return {
        status: 'success',
        additionalErrorMessage: '',
        note: "the entitlement check went to the operator's packaged app: this process is unpackaged and does not see it",
      };
    }
    if (this.#policy === 'entitlementCheckRequired') {
      const check = await this.#askApp();
      if (check === undefined) {
        return {
          status: 'entitlementCheckTimeout',
          additionalErrorMessage: `The operator app did not answer the entitlement check within ${this.entitlementTimeoutMs} ms`,
        };
      }
      if (!check.allow) {
        return {
          status: 'entitlementCheckFailure',
          additionalErrorMessage: check.reason,
          entitlement: check,
        };
      }
      await this.#setState('on');
      return { status: 'success', additionalErrorMessage: '', entitlement: check };
    }
    await this.#setState('on');
    return { status: 'success', additionalErrorMessage: '' };
  }

  async stop(): Promise<TetheringOperationResult> {
    if (this.#state === 'off') return { status: 'success', additionalErrorMessage: '' };
    const records: FakeRecord[] = [{ messageType: 11, tetheringState: 'off' }];
    this.#state = 'off';
    if (this.#clients.length > 0) {
      this.#clients = [];
      records.push({ messageType: 12, clientCount: 0 });
    }
    await this.#context.emit(...records);
    return { status: 'success', additionalErrorMessage: '' };
  }

  accessPoint(): Promise<AccessPointConfiguration> {
    return Promise.resolve({ ...this.#accessPoint });
  }

  configureAccessPoint(configuration: AccessPointConfiguration): Promise<void> {
    const { ssid, passphrase } = configuration ?? {};
    if (typeof ssid !== 'string' || Buffer.byteLength(ssid) < 1 || Buffer.byteLength(ssid) > 32) {
      return Promise.reject(
        new MobileBroadbandError('ERR_INVALID_ARGUMENT', 'The SSID must be 1 to 32 bytes of UTF-8'),
      );
    }
    if (typeof passphrase !== 'string' || passphrase.length < 8 || passphrase.length > 63) {
      // The passphrase is a secret: its length is all the message says.
      return Promise.reject(
        new MobileBroadbandError(
          'ERR_INVALID_ARGUMENT',
          'The passphrase must be 8 to 63 characters (WPA2)',
        ),
      );
    }
    this.#accessPoint = { ssid, passphrase, band: configuration.band ?? 'auto' };
    return Promise.resolve();
  }

  clients(): Promise<TetheringClient[]> {
    return Promise.resolve(
      this.#clients.map((c) => ({ macAddress: c.macAddress, hostNames: [...c.hostNames] })),
    );
  }

  /** A device joins the hotspot. */
  async clientJoined(macAddress: string, hostNames: string[] = []): Promise<number> {
    if (typeof macAddress !== 'string' || !macPattern.test(macAddress)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `A client needs a MAC address such as 02:00:00:00:00:01, got ${JSON.stringify(macAddress)}`,
      );
    }
    if (this.#state !== 'on')
      throw new MobileBroadbandError('ERR_INVALID_STATE', 'No client can join: the hotspot is off');
    const mac = macAddress.toUpperCase();
    if (this.#clients.some((c) => c.macAddress === mac)) {
      throw new MobileBroadbandError('ERR_INVALID_STATE', `Client ${mac} is already connected`);
    }
    if (this.#clients.length >= this.maxClientCount) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `The hotspot is full (${this.maxClientCount} clients)`,
      );
    }
    this.#clients.push({ macAddress: mac, hostNames: [...hostNames] });
    await this.#context.emit({ messageType: 12, clientCount: this.#clients.length });
    return this.#clients.length;
  }

  /** A device leaves the hotspot. */
  async clientLeft(macAddress: string): Promise<number> {
    const mac = typeof macAddress === 'string' ? macAddress.toUpperCase() : '';
    const index = this.#clients.findIndex((c) => c.macAddress === mac);
    if (index < 0)
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `No client ${JSON.stringify(macAddress)} is connected`,
      );
    this.#clients.splice(index, 1);
    await this.#context.emit({ messageType: 12, clientCount: this.#clients.length });
    return this.#clients.length;
  }

  #capability(): TetheringCapability {
    return this.#policy === 'never' ? 'disabledByOperator' : 'enabled';
  }

  async #setState(state: TetheringOperationalState): Promise<void> {
    this.#state = state;
    await this.#context.emit({ messageType: 11, tetheringState: state });
  }

  /** Raises the check and waits for the app's answer, or `undefined` after the timeout. */
  async #askApp(): Promise<(EntitlementAnswer & { entitlementCheckId: string }) | undefined> {
    const [record] = await this.#context.emit({ messageType: 10 });
    const id = record!.entitlementCheckId!;
    let timer: TimerHandle | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = this.#context.clock.setTimeout(() => resolve(undefined), this.entitlementTimeoutMs);
    });
    const answer = await Promise.race([this.#source.answerOf(id), timeout]);
    if (timer !== undefined) this.#context.clock.clearTimeout(timer);
    if (answer === undefined) {
      this.#source.expire(id);
      return undefined;
    }
    return { ...answer, entitlementCheckId: id };
  }
}
