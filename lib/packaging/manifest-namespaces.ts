/**
 * The AppxManifest namespaces the operator fragments use, by the prefix Microsoft's schema
 * pages write them with. Checked against learn.microsoft.com (uwp/schemas/appxpackage/
 * uapmanifestschema): each element page names its namespace under "Requirements".
 *
 * @module
 */

/**
 * The default namespace of `<Package>` (foundation/windows10): `Extension`, `InProcessServer`,
 * `ActivatableClass`, `BackgroundTasks` and `Task` live here ("element-inprocessserver",
 * "element-activatableclass", "element-task": Namespace
 * http://schemas.microsoft.com/appx/manifest/foundation/windows10).
 */
export const foundationNamespace =
  'http://schemas.microsoft.com/appx/manifest/foundation/windows10';

/**
 * The prefixes the fragments use and their namespaces, in the order they are printed.
 * - `com`: `com:Extension`, `com:ComServer`, `com:ExeServer`, `com:Class` ("element-com-extension",
 *   "element-com-exeserver", "element-com-exeserver-class"; Microsoft's own manifests declare
 *   `xmlns:com="http://schemas.microsoft.com/appx/manifest/com/windows10"`).
 * - `rescap`: restricted capabilities (`runFullTrust`, `networkConnectionManagerProvisioning`,
 *   `cellularDeviceControl`, `cellularDeviceIdentity` are all listed as restricted in "App
 *   capability declarations").
 * - `uap4`: `uap4:CustomCapability` ("element-uap4-customcapability": Namespace
 *   http://schemas.microsoft.com/appx/manifest/uap/windows10/4, Windows 10 1703).
 */
export const manifestNamespaces = {
  com: 'http://schemas.microsoft.com/appx/manifest/com/windows10',
  rescap: 'http://schemas.microsoft.com/appx/manifest/foundation/windows10/restrictedcapabilities',
  uap4: 'http://schemas.microsoft.com/appx/manifest/uap/windows10/4',
} as const;

/** A prefix the fragments may use. */
export type ManifestPrefix = keyof typeof manifestNamespaces;
