/**
 * The modems conformance driver for the native backend under Wine: "Windows" is the test
 * component's MobileBroadbandAccount, its watcher and NetworkInformation (native/test-component
 * accounts.cpp, account-watcher.cpp, connection-profiles.cpp), set through the control addon.
 * The backend runs on a virtual clock, so the data-plan poll plays in milliseconds.
 */

import type { NetworkRegistrationState } from '../../lib/backend.js';
import { VirtualClock } from '../../lib/fake/virtual-clock.js';
import { advanceSettling } from '../../lib/fake/advance-settling.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { networkRegistrationStates } from '../../lib/modems/modem-enums.js';
import type { ModemsScenarioDriver } from '../conformance/modems-driver.js';

interface AccountControl {
  reset(): void;
  putAccount(id: string, fields: Record<string, string | number>): void;
  removeAccount(id: string): void;
  raiseNetworkStatusChanged(): void;
}

const MB = 2 ** 20;

/** A control step as the driver's promise-returning method (the control calls are synchronous). */
function done(step: () => void): Promise<void> {
  step();
  return Promise.resolve();
}
const dayMs = 86_400_000;
const accountId = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';

export function modemsNativeDriver(): ModemsScenarioDriver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as AccountControl;
  const addon = loadAddon<NativeAddon>();
  let clock = new VirtualClock();
  /** The account as the component has it: what each step changes. */
  let fields: Record<string, string | number> = {};
  let usedBytes = 0;
  let registrations = 0;

  const put = (change: Record<string, string | number>): void => {
    fields = { ...fields, ...change };
    control.putAccount(accountId, fields);
  };
  /** Windows counts whole megabytes (DataPlanUsage.MegabytesUsed). */
  const putUsage = (): void =>
    put({ megabytesUsed: Math.floor(usedBytes / MB), lastSyncTime: clock.now() });
  const settle = async (): Promise<void> => {
    // Events were raised (and queued by the addon) before the control call returned; their
    // delivery and the readings they cause are MTA round trips: let several pass.
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await addon.core.flush().promise;
    }
  };

  return {
    name: 'native (Windows node.exe under Wine, test component)',
    networkAccountId: accountId,
    async createBackend(setup = {}) {
      control.reset();
      clock = new VirtualClock();
      usedBytes = 0;
      fields = {
        serviceProviderName: 'Contoso',
        manufacturer: 'Quectel',
        model: 'EM120R-GL',
        deviceType: 1,
        cellularClass: 1,
        dataClasses: 0x20,
        networkDeviceStatus: 1,
        currentRadioState: 1,
        networkRegistrationState: 0,
        networkAdapterId: '{6B1D5A2E-0F3C-4A9B-8E7D-2C1B0A9F8E7D}',
        profileName: 'Contoso',
        connectivityLevel: 0,
        signalBars: 3,
        dataPlan: 1,
        megabytesUsed: 0,
        lastSyncTime: clock.now(),
        limitMegabytes: 5120,
      };
      if (setup.billingCycle !== false) fields.nextBillingCycle = clock.now() + 30 * dayMs;
      control.putAccount(accountId, fields);
      return createNativeBackend({ clock });
    },
    register: (state: NetworkRegistrationState) =>
      // Each registration is announced, the same state again too (registrationSerial).
      done(() =>
        put({
          networkRegistrationState: networkRegistrationStates.indexOf(state),
          registrationSerial: ++registrations,
        }),
      ),
    connect: () =>
      done(() => {
        put({ connectivityLevel: 3 });
        control.raiseNetworkStatusChanged();
      }),
    disconnect: () =>
      done(() => {
        put({ connectivityLevel: 0 });
        control.raiseNetworkStatusChanged();
      }),
    use: (bytes: number) =>
      done(() => {
        usedBytes += bytes;
        putUsage();
      }),
    passBillingCycle: () =>
      done(() => {
        usedBytes = 0;
        putUsage();
        put({ nextBillingCycle: Number(fields.nextBillingCycle ?? clock.now()) + 30 * dayMs });
      }),
    deletePlan: () =>
      done(() => {
        // The plan expired: Windows deletes the connection profile that carried it.
        fields = { ...fields };
        delete fields.profileName;
        delete fields.dataPlan;
        control.putAccount(accountId, fields);
        control.raiseNetworkStatusChanged();
      }),
    advance: (ms: number) => advanceSettling(clock, ms, settle),
    pendingTimers: () => clock.pendingTimers,
    settle,
  };
}
