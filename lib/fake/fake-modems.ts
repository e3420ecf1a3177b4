/**
 * The fake's modems-and-accounts part: one account, with the registration, connection and data
 * counter of the simulated network.
 *
 * @module
 */

import type { AccountInfo, DataPlanStatus, ModemBackend } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import type { FakeAccount } from './fake-context.js';
import type { FakeDataPlan } from './fake-data-plan.js';
import type { FakeNetwork } from './fake-network.js';

/** @internal */
export class FakeModems implements ModemBackend {
  readonly #account: FakeAccount;
  readonly #network: FakeNetwork;
  readonly #dataPlan: FakeDataPlan;

  constructor(account: FakeAccount, network: FakeNetwork, dataPlan: FakeDataPlan) {
    this.#account = account;
    this.#network = network;
    this.#dataPlan = dataPlan;
  }

  accounts(): Promise<AccountInfo[]> {
    const registered = this.#network.registered;
    return Promise.resolve([
      {
        networkAccountId: this.#account.networkAccountId,
        interfaceId: this.#account.interfaceId,
        serviceProviderGuid: undefined,
        serviceProviderName: this.#account.providerName,
        modemDeviceId: this.#account.modemDeviceId,
        registrationState: this.#network.registration,
        registeredProviderName: registered ? this.#account.providerName : '',
        connected: this.#network.connected,
      },
    ]);
  }

  dataPlanStatus(networkAccountId: string): Promise<DataPlanStatus> {
    if (networkAccountId !== this.#account.networkAccountId) {
      return Promise.reject(
        new MobileBroadbandError(
          'ERR_INVALID_ARGUMENT',
          `No network account ${JSON.stringify(networkAccountId)} on this machine`,
        ),
      );
    }
    return Promise.resolve(this.#dataPlan.usage());
  }
}
