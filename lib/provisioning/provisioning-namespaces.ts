/**
 * The XML namespaces of a `CarrierProvisioning` document.
 *
 * @module
 */

/** `CarrierProvisioning`, `Global`, `MBNProfiles`, `Plans` and the other top-level elements. */
export const carrierControlNamespace = 'http://www.microsoft.com/networking/CarrierControl/v1';
/** `DefaultProfile`, `Messages` and everything inside them. */
export const wwanNamespace = 'http://www.microsoft.com/networking/CarrierControl/WWAN/v1';
/** `Plan` and everything inside it. */
export const plansNamespace = 'http://www.microsoft.com/networking/CarrierControl/Plans/v1';

/** Short names for messages. */
export function namespaceLabel(namespace: string): string {
  if (namespace === carrierControlNamespace) return 'CarrierControl v1';
  if (namespace === wwanNamespace) return 'WWAN v1';
  if (namespace === plansNamespace) return 'Plans v1';
  return namespace === '' ? 'no namespace' : namespace;
}
