/**
 * The tethering conformance driver on the fake: the operator's packaged app (events 11/12 are
 * Windows' own) or an unpackaged process like the CLI (events 11/12 derived by the hotspot
 * poll, so settling also lets one poll interval pass).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeBackend, type FakeBackend } from '../../lib/fake/fake-backend.js';
import { noConnectionsTimeoutMs } from '../../lib/fake/fake-tethering.js';
import { defaultHotspotPollMs } from '../../lib/derived/derived-options.js';
import type { TetheringScenarioDriver } from './tethering-driver.js';

const provisioning = readFileSync(
  path.join(__dirname, '..', '..', 'examples', 'contoso-provisioning.xml'),
  'utf8',
);

/** Runs a synchronous control as the driver's asynchronous step. */
const now = (control: () => void): Promise<void> => Promise.resolve().then(control);

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function tetheringFakeDriver(options: { packaged?: boolean } = {}): TetheringScenarioDriver {
  let fake: FakeBackend | undefined;
  const current = (): FakeBackend => {
    if (fake === undefined) throw new Error('createBackend() first');
    return fake;
  };
  return {
    name: `fake (${options.packaged === true ? 'packaged' : 'unpackaged'})`,
    noConnectionsTimeoutMs,
    get profileName() {
      return current().account.providerName;
    },
    async createBackend(setup = {}) {
      fake = createFakeBackend({
        packaged: options.packaged === true,
        ...(setup.windowsBuild === undefined ? {} : { windowsBuild: setup.windowsBuild }),
      });
      await fake.provision(provisioning);
      await fake.register('home');
      await fake.connect();
      return fake;
    },
    setCapability: (capability) => now(() => current().tethering.setCapability(capability)),
    setBandSupported: (band, supported) =>
      now(() => void current().tethering.supportedBands[supported ? 'add' : 'delete'](band)),
    setAuthenticationKindSupported: (kind, supported) =>
      now(
        () =>
          void current().tethering.supportedAuthenticationKinds[supported ? 'add' : 'delete'](kind),
      ),
    scriptNext: (operation, status, additionalErrorMessage) =>
      now(() => current().tethering.scriptNext(operation, { status, additionalErrorMessage })),
    setDiagnostics: (patch) => now(() => current().tethering.setDiagnostics(patch)),
    clientJoins: async (mac, hostNames) =>
      void (await current().tethering.clientJoined(mac, hostNames)),
    clientLeaves: async (mac) => void (await current().tethering.clientLeft(mac)),
    advance: (ms) => current().advance(ms),
    settle: async () => {
      await turn();
      await current().settled();
      if (options.packaged !== true) await current().advance(defaultHotspotPollMs);
    },
  };
}
