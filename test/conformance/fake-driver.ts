/** The conformance suite's driver for the fake backend: its own controls. */

import { createFakeBackend, type FakeBackend } from '../../lib/fake/index.js';
import type { EsimScenarioDriver } from './scenario-driver.js';

/** A control call as the driver's promise-returning method. */
function settled<A extends unknown[]>(
  control: (...args: A) => unknown,
): (...args: A) => Promise<void> {
  return (...args) => {
    control(...args);
    return Promise.resolve();
  };
}

export function fakeDriver(): EsimScenarioDriver {
  let fake: FakeBackend = createFakeBackend();
  return {
    name: 'fake',
    createBackend: (options = {}) => {
      fake = createFakeBackend();
      if (options.eventQueueLimit !== undefined)
        fake.esim.setEventQueueLimit(options.eventQueueLimit);
      return Promise.resolve(fake);
    },
    insert: settled((esim) => fake.esim.insert(esim)),
    addProfile: settled((eid, profile) => fake.esim.addProfile(eid, profile)),
    update: settled((eid, patch) => fake.esim.update(eid, patch)),
    eject: settled((eid) => fake.esim.eject(eid)),
    burst: settled((eid, count) => fake.esim.burst(eid, count)),
    setAccess: settled((access) => fake.esim.setAccess(access)),
    setServiceInfo: settled((info) => fake.esim.setServiceInfo(info)),
    setFailure: settled((member, hresult) => fake.esim.setFailure(member, hresult)),
    scriptCode: settled((code, script) => fake.esim.script(code, script)),
    scriptProfile: settled((iccid, script) => fake.esim.scriptProfile(iccid, script)),
    scriptEsim: settled((eid, script) => fake.esim.scriptEsim(eid, script)),
    scriptDiscover: settled((script, server) =>
      fake.esim.scriptDiscover(script, server === undefined ? {} : { server }),
    ),
    completions: () => Promise.resolve(undefined),
    cancelCalls: () => Promise.resolve(undefined),
    runningWatchers: () => Promise.resolve(fake.esim.runningWatchers),
    // What the fake keeps for Windows objects: downloaded offers and pending operations.
    liveObjects: () => Promise.resolve(fake.esim.pendingOffers + fake.esim.pendingOperations),
    noWorkersReason: 'the fake backend has no native code to load in a worker thread',
  };
}
