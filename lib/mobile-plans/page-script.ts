/**
 * The script a browser harness adds to every frame: the objects the Mobile Plans app defines
 * for a portal (`MobilePlans`, `MobilePlansInlineOperations` also named
 * `MobilePlansInlineProfileDownload`, and the enumerations), each call forwarded to a host in
 * Node through one binding.
 *
 * @module
 */

import {
  MobilePlansActivationError,
  MobilePlansLineType,
  MobilePlansMoDirectStatus,
  MobilePlansNetworkRegistrationState,
  MobilePlansPurchaseInstrument,
  MobilePlansUserAccount,
} from './mobile-plans-enums.js';

/** The name of the binding the page script calls. */
export const mobilePlansBindingName = '__wmbbMobilePlans';

/**
 * The page script, as text. Calls return at once (an operation context where the documents
 * give one); the page's objects are plain and frozen enumerations, so a portal cannot break
 * the forwarding by assigning to them.
 */
export function mobilePlansPageScript(bindingName: string = mobilePlansBindingName): string {
  const enums = {
    MobilePlansUserAccount,
    MobilePlansPurchaseInstrument,
    MobilePlansLineType,
    MobilePlansMoDirectStatus,
    MobilePlansNetworkRegistrationState,
    MobilePlansActivationError,
  };
  return `(() => {
  'use strict';
  const binding = ${JSON.stringify(bindingName)};
  const enums = ${JSON.stringify(enums)};
  for (const [name, values] of Object.entries(enums)) {
    Object.defineProperty(window, name, { value: Object.freeze(values), configurable: false });
  }
  let counter = 0;
  // Plain data only: what cannot be copied is sent as null and the host answers invalidJson.
  const copy = (value) => {
    try { return value === undefined ? null : JSON.parse(JSON.stringify(value)); } catch { return null; }
  };
  const send = (target, method, args, operationId) => {
    const call = {
      method,
      args: args.map(copy),
      operationId,
      registrationChangedScript: typeof target.registrationChangedScript === 'string' ? target.registrationChangedScript : null,
      profileActivationCompleteScript: typeof target.profileActivationCompleteScript === 'string' ? target.profileActivationCompleteScript : null,
    };
    try {
      const pending = window[binding](call);
      if (pending && typeof pending.catch === 'function') pending.catch(() => {});
    } catch {}
  };
  const withContext = (target, method, args) => {
    const operationId = 'op-' + Date.now().toString(36) + '-' + (++counter);
    send(target, method, args, operationId);
    return { operationId };
  };
  const inline = {
    registrationChangedScript: '',
    profileActivationCompleteScript: '',
    notifyProfileDownload(metadata, activationCode, downloadDelay) {
      const args = downloadDelay === undefined ? [metadata, activationCode] : [metadata, activationCode, downloadDelay];
      return withContext(inline, 'notifyProfileDownload', args);
    },
    notifyOperationCancel(context) { send(inline, 'notifyOperationCancel', [context]); },
    // The documents' balance samples call it here, their reference on MobilePlans: both work.
    notifyBalanceAddition(metadata, iccid) {
      send(inline, 'notifyBalanceAddition', iccid === undefined ? [metadata] : [metadata, iccid]);
    },
  };
  const plans = {
    registrationChangedScript: '',
    profileActivationCompleteScript: '',
    createPurchaseMetaData() { return {}; },
    notifyPurchaseWithProfileDownload(metadata, activationCode, networkRegistrationInterval) {
      return withContext(plans, 'notifyPurchaseWithProfileDownload', [metadata, activationCode, networkRegistrationInterval]);
    },
    notifyBalanceAddition(metadata, iccid) {
      send(plans, 'notifyBalanceAddition', iccid === undefined ? [metadata] : [metadata, iccid]);
    },
    notifyCancelledPurchase(metadata) { send(plans, 'notifyCancelledPurchase', [metadata]); },
  };
  for (const [name, value] of [['MobilePlans', plans], ['MobilePlansInlineOperations', inline], ['MobilePlansInlineProfileDownload', inline]]) {
    Object.defineProperty(window, name, { value, configurable: false });
  }
})();`;
}
