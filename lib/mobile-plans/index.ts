/**
 * `windows-mobile-broadband/mobile-plans`: the Mobile Plans app's side of an operator portal's
 * callbacks (purchase, eSIM profile download, registration, activation), over any backend.
 *
 * @module
 */

export * from './mobile-plans-enums.js';
export { activationResultOf, activationResultOfError } from './activation-result.js';
export {
  readPurchaseMetadata,
  planNameViolations,
  maxMetadataFieldLength,
  maxMetadataJsonLength,
  type PurchaseMetadata,
  type PurchaseMetadataResult,
} from './purchase-metadata.js';
export { roundRegistrationInterval, registrationStepMinutes } from './registration-interval.js';
export { checkAllowedOrigins, originOf } from './allowed-origins.js';
export * from './mobile-plans-host.js';
export { mobilePlansPageScript, mobilePlansBindingName } from './page-script.js';
export {
  attachMobilePlans,
  type MobilePlansPage,
  type MobilePlansFrame,
} from './attach-mobile-plans.js';
