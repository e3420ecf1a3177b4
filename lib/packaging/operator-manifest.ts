/**
 * The AppxManifest fragments of an operator app, so nobody writes them by hand: the namespaces
 * to declare, the package-level extension naming the forwarding component, the application's
 * background-task and COM-server extensions, the capabilities, and the component's INI file.
 *
 * Every element and attribute was checked against Microsoft's manifest schema reference
 * (learn.microsoft.com/uwp/schemas/appxpackage/uapmanifestschema) and the Windows App SDK's
 * background-task pages, which declare the same shape for their own forwarding task
 * (hub/apps/windows-app-sdk/applifecycle/background-tasks.md): see the comments on each part.
 *
 * @module
 */

import { manifestNamespaces, type ManifestPrefix } from './manifest-namespaces.js';
import {
  checkOperatorManifestOptions,
  type CheckedOperatorManifestOptions,
  type OperatorManifestOptionLabels,
  type OperatorManifestOptions,
} from './operator-manifest-options.js';
import {
  esimCustomCapability,
  operatorEventsClsid,
  operatorEventsDisplayName,
  operatorRestrictedCapabilities,
  operatorServerArguments,
  operatorServerLaunchPermission,
  operatorTaskEntryPoint,
  operatorTaskTypes,
} from './operator-component.js';
import { operatorTaskConfigText } from './operator-task-config.js';
import { writeXmlFragment, xmlElement, xmlTextElement } from './xml-fragment.js';

/** The fragments, as text to paste; see each field for where it goes. */
export interface OperatorManifestFragments {
  /**
   * The namespace declarations the fragments' prefixes need, one `xmlns:prefix="uri"` per line:
   * attributes of the `<Package>` start tag (add those it lacks).
   */
  namespaces: string;
  /**
   * Children of `<Package><Extensions>` (the package-level extensions, after
   * `</Applications>`): the component's `windows.activatableClass.inProcessServer`.
   */
  packageExtensions: string;
  /**
   * Children of `<Application><Extensions>`: `windows.backgroundTasks` with the component as
   * entry point, and `windows.comServer` with the app's executable as the server of the class
   * the component calls.
   */
  applicationExtensions: string;
  /** Children of `<Capabilities>`. */
  capabilities: string;
  /**
   * `wmbb-operator-task.ini` (INI, not XML), to ship beside the component's DLL; write it
   * with {@link operatorTaskConfigBytes} (UTF-16LE) when the reason is not plain ASCII.
   */
  taskConfig: string;
}

/**
 * The fragments for `options` (checked first: `ERR_INVALID_ARGUMENT` naming the option for a
 * value that cannot go into a manifest). Pure: reads and writes nothing.
 *
 * @example
 * ```ts
 * import { operatorManifestFragments } from 'windows-mobile-broadband/packaging';
 * const fragments = operatorManifestFragments({
 *   name: 'Contoso.OperatorApp',
 *   exe: 'app\\ContosoOperator.exe',
 *   electron: true,
 * });
 * console.log(fragments.applicationExtensions);
 * ```
 */
export function operatorManifestFragments(
  options: OperatorManifestOptions,
  labels?: OperatorManifestOptionLabels,
): OperatorManifestFragments {
  const checked = checkOperatorManifestOptions(options, labels);
  return {
    namespaces: namespaceDeclarations(checked),
    packageExtensions: packageExtensions(checked),
    applicationExtensions: applicationExtensions(checked),
    capabilities: capabilities(checked),
    taskConfig: operatorTaskConfigText(checked),
  };
}

/** The prefixes the fragments use for these options. */
export function usedPrefixes(
  options: Pick<CheckedOperatorManifestOptions, 'esim'>,
): ManifestPrefix[] {
  return options.esim ? ['com', 'rescap', 'uap4'] : ['com', 'rescap'];
}

function namespaceDeclarations(options: CheckedOperatorManifestOptions): string {
  return usedPrefixes(options)
    .map((prefix) => `xmlns:${prefix}="${manifestNamespaces[prefix]}"`)
    .join('\n');
}

// Package > Extensions > Extension Category="windows.activatableClass.inProcessServer" >
// InProcessServer > Path, ActivatableClass ActivatableClassId ThreadingModel ("both" | "STA" |
// "MTA"): "element-inprocessserver", "element-activatableclass" (foundation namespace). The
// class id may not contain < > : & " / \ | ? * nor start or end with a period; ours does not.
function packageExtensions(options: CheckedOperatorManifestOptions): string {
  return writeXmlFragment([
    xmlElement(
      'Extension',
      { Category: 'windows.activatableClass.inProcessServer' },
      xmlElement(
        'InProcessServer',
        {},
        xmlTextElement('Path', options.componentPath),
        xmlElement('ActivatableClass', {
          ActivatableClassId: operatorTaskEntryPoint,
          ThreadingModel: 'both',
        }),
      ),
    ),
  ]);
}

// Application > Extensions:
// - Extension Category="windows.backgroundTasks" EntryPoint=<runtime class> > BackgroundTasks >
//   Task Type ("general", "systemEvent", …): "element-backgroundtasks", "element-task"; the
//   Windows App SDK declares its UniversalBGTask the same way.
// - com:Extension Category="windows.comServer" > com:ComServer > com:ExeServer Executable
//   (relative to the package root, ends in .exe), Arguments ("the arguments of the LocalServer32
//   key"), DisplayName (1 to 256), LaunchAndActivationPermission (SDDL) > com:Class Id (GUID
//   xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) DisplayName: "element-com-extension",
//   "element-com-comserver", "element-com-exeserver", "element-com-exeserver-class".
function applicationExtensions(options: CheckedOperatorManifestOptions): string {
  return writeXmlFragment([
    xmlElement(
      'Extension',
      { Category: 'windows.backgroundTasks', EntryPoint: operatorTaskEntryPoint },
      xmlElement(
        'BackgroundTasks',
        {},
        ...operatorTaskTypes.map((type) => xmlElement('Task', { Type: type })),
      ),
    ),
    xmlElement(
      'com:Extension',
      { Category: 'windows.comServer' },
      xmlElement(
        'com:ComServer',
        {},
        xmlElement(
          'com:ExeServer',
          {
            Executable: options.exe,
            Arguments: options.electron
              ? operatorServerArguments.electron
              : operatorServerArguments.node,
            DisplayName: operatorEventsDisplayName,
            LaunchAndActivationPermission: operatorServerLaunchPermission,
          },
          xmlElement('com:Class', {
            Id: operatorEventsClsid,
            DisplayName: operatorEventsDisplayName,
          }),
        ),
      ),
    ),
  ]);
}

// Capabilities > rescap:Capability Name (restricted capabilities, "App capability
// declarations") and uap4:CustomCapability Name ("element-uap4-customcapability"). Restricted
// and custom capabilities come before any DeviceCapability the app already has.
function capabilities(options: CheckedOperatorManifestOptions): string {
  return writeXmlFragment([
    ...operatorRestrictedCapabilities.map((name) =>
      xmlElement('rescap:Capability', { Name: name }),
    ),
    ...(options.esim ? [xmlElement('uap4:CustomCapability', { Name: esimCustomCapability })] : []),
  ]);
}
