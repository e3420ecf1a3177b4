/**
 * The fixed names of the operator chain (issue 13's brief) that an app's manifest must repeat:
 * the forwarding component Windows runs in backgroundtaskhost.exe, and the COM class of the
 * Node process it forwards to. Every app declares the same values; only where the files are
 * and which executable serves differ.
 *
 * @module
 */

/**
 * The WinRT runtime class of the forwarding component: the `ActivatableClassId` of its
 * `windows.activatableClass.inProcessServer` extension and the `EntryPoint` of the
 * application's `windows.backgroundTasks` extension (a task's entry point is a runtime class
 * name, never a CLSID).
 */
export const operatorTaskEntryPoint = 'WindowsMobileBroadband.OperatorTask';

/** The component's DLL, shipped per architecture in `prebuilds/win32-<arch>/`. */
export const operatorTaskDllName = 'wmbb-operator-task.dll';

/** The component's settings, read from beside the DLL (GetModuleFileNameW of the DLL itself). */
export const operatorTaskIniName = 'wmbb-operator-task.ini';

/** CLSID of the COM class the Node process serves, `CLSID_OperatorEvents`, without braces. */
export const operatorEventsClsid = '45AEED8D-934E-4C22-8336-3DDB3EB844B2';

/** The display name of that class in the manifest (`com:Class DisplayName`). */
export const operatorEventsDisplayName = 'WindowsMobileBroadband.OperatorEvents';

/**
 * The `LaunchAndActivationPermission` of the `com:ExeServer`: owner and group as usual
 * (`O:PS G:BU`), launch and activate (`11` = COM_RIGHTS_EXECUTE | EXECUTE_LOCAL |
 * ACTIVATE_LOCAL) for interactive users (`IU`) and for ALL APPLICATION PACKAGES
 * (`S-1-15-2-1`), and a low mandatory label (`ML;;NX;;;LW`), so the low-integrity, AppContainer
 * backgroundtaskhost.exe may start the server. This is the value the Windows App SDK's
 * background-task guidance uses for its own forwarding task.
 */
export const operatorServerLaunchPermission =
  'O:PSG:BUD:(A;;11;;;IU)(A;;11;;;S-1-15-2-1)S:(ML;;NX;;;LW)';

/**
 * The arguments COM starts the server with (COM appends `-Embedding`, as for any
 * LocalServer32): an Electron app sees `--wmbb-serve` among its switches; a Node single
 * executable runs its `serve` command (`wmbb serve` accepts and ignores `-Embedding`).
 */
export const operatorServerArguments = { electron: '--wmbb-serve', node: 'serve' } as const;

/**
 * The restricted capabilities an operator app declares: `runFullTrust` (a desktop app, and the
 * out-of-process COM server), `networkConnectionManagerProvisioning` (the capability
 * TetheringEntitlementCheckTrigger and the operator notification trigger need),
 * `cellularDeviceControl` and `cellularDeviceIdentity` (the Windows.Networking.NetworkOperators
 * classes the app reads: "-capabilities cellularDeviceIdentity, cellularDeviceControl" on their
 * winrt-api pages).
 */
export const operatorRestrictedCapabilities = [
  'runFullTrust',
  'networkConnectionManagerProvisioning',
  'cellularDeviceControl',
  'cellularDeviceIdentity',
] as const;

/** The custom capability of eSIM management (`--esim`): granted by Microsoft to operators. */
export const esimCustomCapability = 'Microsoft.eSIMManagement_8wekyb3d8bbwe';

/**
 * The task types the background-task extension declares: `systemEvent` for the operator
 * triggers (BackgroundTaskBuilder refuses a trigger whose type the manifest does not declare)
 * and `general`. Both are values of foundation `Task Type` ("element-task").
 */
export const operatorTaskTypes = ['systemEvent', 'general'] as const;

/** The architectures the component ships for. */
export const operatorTaskArchitectures = ['x64', 'arm64'] as const;

/** An architecture the component ships for. */
export type OperatorTaskArchitecture = (typeof operatorTaskArchitectures)[number];
