/**
 * The fake's modems-and-accounts part: one account, whose network, connection and data plan
 * are the simulated network's, read as Windows would report them.
 *
 * @module
 */

import type {
  AccountInfo,
  DataClass,
  DataPlanStatus,
  DeviceInfo,
  ModemBackend,
  NetworkInfo,
} from '../backend.js';
import { unknownAccountError } from '../modems/unknown-account.js';
import type { FakeAccount } from './fake-context.js';
import type { FakeNetwork } from './fake-network.js';

/** What the fake's account reads from the rest of the simulated machine. */
export interface FakeModemState {
  readonly account: FakeAccount;
  readonly device: DeviceInfo;
  readonly network: FakeNetwork;
  /** The plan's status, or `undefined` when the plan's profile is gone. */
  dataPlan(): DataPlanStatus | undefined;
}

/** MCC/MNC of the fake's home network (the 001-01 test network). */
const homeProviderId = '00101';
/** What the fake registers on when roaming. */
const roamingProvider = { id: '00102', name: 'Fabrikam' };
const lteDataClass: DataClass[] = ['lteAdvanced'];

/** @internal */
export class FakeModems implements ModemBackend {
  readonly #state: FakeModemState;

  constructor(state: FakeModemState) {
    this.#state = state;
  }

  accounts(): Promise<AccountInfo[]> {
    return Promise.resolve([this.#read()]);
  }

  account(networkAccountId: string): Promise<AccountInfo> {
    if (networkAccountId !== this.#state.account.networkAccountId)
      return Promise.reject(unknownAccountError(networkAccountId, [this.#known()]));
    return Promise.resolve(this.#read());
  }

  dataPlanStatus(networkAccountId: string): Promise<DataPlanStatus | undefined> {
    if (networkAccountId !== this.#state.account.networkAccountId)
      return Promise.reject(unknownAccountError(networkAccountId, [this.#known()]));
    return Promise.resolve(this.#state.dataPlan());
  }

  #known(): string {
    return this.#state.account.networkAccountId;
  }

  #read(): AccountInfo {
    const { account, device, network } = this.#state;
    const profile = network.profilePresent;
    return {
      networkAccountId: account.networkAccountId,
      serviceProviderGuid: account.serviceProviderGuid,
      serviceProviderName: account.providerName,
      interfaceId: account.interfaceId,
      device: structuredClone(device),
      network: this.#network(),
      connection: {
        connected: network.connected,
        profileName: profile ? account.providerName : undefined,
        signalBars: profile && network.registered ? 4 : profile ? 0 : undefined,
        connectivityLevel: network.connected ? 'internetAccess' : 'none',
      },
      dataPlan: this.#state.dataPlan(),
    };
  }

  #network(): NetworkInfo {
    const { account, network } = this.#state;
    const roaming = network.roaming;
    const registered = network.registered;
    return {
      registrationState: network.registration,
      registeredProviderId: !registered ? '' : roaming ? roamingProvider.id : homeProviderId,
      registeredProviderName: !registered
        ? ''
        : roaming
          ? roamingProvider.name
          : account.providerName,
      // 3GPP TS 24.008 reject cause 3, "Illegal MS", for a denied registration.
      registrationNetworkError: network.registration === 'denied' ? 3 : 0,
      packetAttachNetworkError: 0,
      activationNetworkError: 0,
      accessPointName: network.connected ? account.accessPointName : '',
      registeredDataClass: registered ? [...lteDataClass] : [],
    };
  }
}
