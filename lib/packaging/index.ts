/**
 * `windows-mobile-broadband/packaging`: what an operator app's MSIX manifest must declare for
 * Windows to run its background task, as pure functions for build scripts (the same output as
 * `wmbb package manifest`).
 *
 * - {@link operatorManifestFragments}: the namespaces, the component's package extension, the
 *   application's background-task and COM-server extensions, the capabilities, and
 *   `wmbb-operator-task.ini`.
 * - {@link operatorTaskConfigBytes}: that INI as the UTF-16LE file Windows reads every
 *   character of.
 * - {@link packageFamilyName}: the package family name for a name and publisher, the first
 *   half of the COSA `AppID` (`<package family name>!<Application Id>`).
 *
 * A subpath of its own because it is build-time tooling: an app's runtime never needs it, and
 * it runs anywhere (no addon, no Windows). Walkthrough: docs/packaging.md.
 *
 * @module
 */

export {
  operatorManifestFragments,
  usedPrefixes,
  type OperatorManifestFragments,
} from './operator-manifest.js';
export {
  checkOperatorManifestOptions,
  defaultComponentPath,
  defaultEntitlementDeadlineMs,
  defaultEntitlementReason,
  entitlementDeadlineRange,
  maxEntitlementReasonChars,
  maxPackagePathChars,
  type CheckedOperatorManifestOptions,
  type OperatorManifestOptionLabels,
  type OperatorManifestOptions,
} from './operator-manifest-options.js';
export { operatorTaskConfigBytes, operatorTaskConfigText } from './operator-task-config.js';
export { checkApplicationId, packageFamilyName, publisherId } from './package-family-name.js';
export {
  esimCustomCapability,
  operatorEventsClsid,
  operatorEventsDisplayName,
  operatorRestrictedCapabilities,
  operatorServerArguments,
  operatorServerLaunchPermission,
  operatorTaskArchitectures,
  operatorTaskDllName,
  operatorTaskEntryPoint,
  operatorTaskIniName,
  operatorTaskTypes,
  type OperatorTaskArchitecture,
} from './operator-component.js';
export {
  foundationNamespace,
  manifestNamespaces,
  type ManifestPrefix,
} from './manifest-namespaces.js';
