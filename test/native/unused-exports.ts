/**
 * Export tables a scripted stand-in for the addon does not exercise: calling one is a test bug,
 * so it throws.
 */

import type {
  NativeModemsExports,
  NativeOperation,
  NativeOperatorTasksExports,
  NativeOperatorExports,
  NativeUssdExports,
  NativeProvisioningExports,
  NativeTetheringDiagnosticsExports,
  NativeTetheringExports,
} from '../../lib/native/addon-types.js';

function unused(name: string): never {
  throw new Error(`the scripted addon does not implement ${name}`);
}

export const unusedModems: NativeModemsExports = {
  accounts: () => unused('modems.accounts()'),
  account: () => unused('modems.account()'),
  createWatcher: () => unused('modems.createWatcher()'),
};

export const unusedOperatorTasks: NativeOperatorTasksExports = {
  requestAccess: () => unused('operatorTasks.requestAccess()'),
  list: () => unused('operatorTasks.list()'),
  unregister: () => unused('operatorTasks.unregister()'),
  register: () => unused('operatorTasks.register()'),
};

/** openUri of the core table, for a scripted addon whose test does not open links. */
export const unusedOpenUri = (): NativeOperation<void> => unused('core.openUri()');

/** The operator table of an unpackaged process that never serves: `operatorEvents: 'auto'`
 *  picks the derived source. */
export const unpackagedOperator: NativeOperatorExports = {
  hasPackageIdentity: () => false,
  serve: () => unused('operator.serve()'),
};

export const unusedUssd: NativeUssdExports = {
  open: () => unused('ussd.open()'),
};

export const unusedProvisioning: NativeProvisioningExports = {
  apply: () => unused('provisioning.apply()'),
};

export const unusedTetheringDiagnostics: NativeTetheringDiagnosticsExports = {
  read: () => unused('tetheringDiagnostics.read()'),
};

export const unusedTethering: NativeTetheringExports = {
  status: () => unused('tethering.status()'),
  accessPoint: () => unused('tethering.accessPoint()'),
  clients: () => unused('tethering.clients()'),
  profileNames: () => unused('tethering.profileNames()'),
  isNoConnectionsTimeoutEnabled: () => unused('tethering.isNoConnectionsTimeoutEnabled()'),
  start: () => unused('tethering.start()'),
  stop: () => unused('tethering.stop()'),
  configureAccessPoint: () => unused('tethering.configureAccessPoint()'),
  isBandSupported: () => unused('tethering.isBandSupported()'),
  isAuthenticationKindSupported: () => unused('tethering.isAuthenticationKindSupported()'),
  setNoConnectionsTimeout: () => unused('tethering.setNoConnectionsTimeout()'),
};
