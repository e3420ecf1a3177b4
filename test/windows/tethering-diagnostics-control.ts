/**
 * Sets up, in the Wine prefix, what the hotspot diagnosis reads (lib/native/native-tethering-
 * diagnostics.ts), for the native tests and the tethering helper's conformance driver. Run by
 * Windows' node.exe under Wine:
 *
 * - services: real ones in Wine's Service Control Manager, made with Wine's sc.exe under the
 *   names icssvc and WlanSvc from the lane's own wmbb-test-service.exe (running, startPending),
 *   left stopped, created `start= disabled`, or deleted (notFound);
 * - policies: real registry values (reg.exe add/delete) where Windows keeps them;
 * - the Wi-Fi radio and the internet profile: the test component's imitated Radio statics and
 *   NetworkInformation, through the control addon (WindowsMobileBroadband.Testing.DiagnosticsControl).
 *
 * Needs WMBB_TEST_CONTROL_ADDON (the control addon; test/windows/run.sh sets it) and the
 * service exe, WMBB_TEST_SERVICE or else wmbb-test-service.exe beside the control addon. Each
 * service is made from nothing, so a call takes a second or two (sc.exe processes under Wine).
 */

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ServiceState, TetheringDiagnostics } from '../../lib/backend.js';

const run = promisify(execFile);

/** The control addon's diagnostics calls (control-addon/diagnostics-control-exports.h). */
export interface DiagnosticsControl {
  reset(): void;
  liveObjects(): number;
  setCompletion(mode: 0 | 1 | 2): void;
  diagnosticsReset(): void;
  diagnosticsSetRadios(radios: { kind: number; state: number }[]): void;
  diagnosticsSetRadiosError(hresult: number): void;
  diagnosticsSetInternetProfile(present: boolean): void;
  diagnosticsCounts(): { radioCalls: number; profileCalls: number };
}

/** The control addon the lane built (WMBB_TEST_CONTROL_ADDON). */
export function diagnosticsControl(): DiagnosticsControl {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  return require(process.env.WMBB_TEST_CONTROL_ADDON!) as DiagnosticsControl;
}

/** The known blocking policies (native/winrt/tethering-diagnostics/blocking-policies.h). */
export const policyValues: Readonly<Record<string, { key: string; value: string }>> = {
  NC_ShowSharedAccessUI: {
    key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Network Connections',
    value: 'NC_ShowSharedAccessUI',
  },
  'Wifi/AllowInternetSharing': {
    key: 'HKLM\\SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Wifi',
    value: 'AllowInternetSharing',
  },
};

/** The states the lane can give a real service. */
export const producibleServiceStates: readonly ServiceState[] = [
  'running',
  'startPending',
  'stopped',
  'disabled',
  'notFound',
];

/** RadioKind.WiFi, RadioKind.Bluetooth; RadioState by name. */
const wifiKind = 1;
const bluetoothKind = 3;
const radioStates = { unknown: 0, on: 1, off: 2, disabled: 3 } as const;

const system32 = 'C:\\windows\\system32';

async function sc(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run(`${system32}\\sc.exe`, args, { windowsHide: true });
    return stdout;
  } catch (error) {
    // sc.exe exits non-zero for "not running", "does not exist"…: the caller decides.
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

async function reg(...args: string[]): Promise<void> {
  await run(`${system32}\\reg.exe`, args, { windowsHide: true });
}

/** SERVICE_STATUS.dwCurrentState from `sc query`, or null when the service does not exist. */
async function currentState(name: string): Promise<number | null> {
  const out = await sc('query', name);
  const state = /STATE\s*:\s*(\d+)/.exec(out);
  return state ? Number(state[1]) : null;
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`tethering diagnostics control: ${what} did not happen within 10 s`);
}

const SERVICE_STOPPED = 1;
const SERVICE_START_PENDING = 2;
const SERVICE_RUNNING = 4;

/** WMBB_TEST_SERVICE, else wmbb-test-service.exe beside the control addon (both are built into
 *  build/mingw/native/test-component). */
function testServiceExe(): string {
  const exe = process.env.WMBB_TEST_SERVICE;
  if (exe) return exe;
  const addon = process.env.WMBB_TEST_CONTROL_ADDON;
  if (!addon) {
    throw new Error(
      'tethering diagnostics control: neither WMBB_TEST_SERVICE nor WMBB_TEST_CONTROL_ADDON is set',
    );
  }
  return path.win32.join(path.win32.dirname(addon), 'wmbb-test-service.exe');
}

/** Makes `name` a real service in `state` (see producibleServiceStates). */
export async function setServiceState(name: string, state: ServiceState): Promise<void> {
  if (!producibleServiceStates.includes(state)) {
    throw new Error(`tethering diagnostics control: the lane cannot make a service ${state}`);
  }
  // From nothing each time: stopped, then deleted.
  if ((await currentState(name)) !== null) {
    await sc('stop', name);
    await waitFor(`${name} stopping`, async () => (await currentState(name)) === SERVICE_STOPPED);
    await sc('delete', name);
    await waitFor(`${name} deleted`, async () => (await currentState(name)) === null);
  }
  if (state === 'notFound') return;
  const exe = testServiceExe();
  // Wine's sc.exe has no `config`: a disabled service is created so (CreateService's start type).
  const start = state === 'disabled' ? 'disabled' : 'demand';
  await sc('create', name, 'binPath=', exe, 'type=', 'own', 'start=', start);
  await waitFor(`${name} created`, async () => (await currentState(name)) === SERVICE_STOPPED);
  if (state === 'running') {
    await sc('start', name);
    await waitFor(`${name} running`, async () => (await currentState(name)) === SERVICE_RUNNING);
  } else if (state === 'startPending') {
    await sc('start', name, 'start-pending');
    await waitFor(
      `${name} start pending`,
      async () => (await currentState(name)) === SERVICE_START_PENDING,
    );
  }
}

/** Sets the known policies to block (0) or removes them. */
async function setPolicies(blocking: readonly string[]): Promise<void> {
  for (const [name, { key, value }] of Object.entries(policyValues)) {
    if (blocking.includes(name)) {
      await reg('add', key, '/v', value, '/t', 'REG_DWORD', '/d', '0', '/f');
    } else {
      await reg('delete', key, '/v', value, '/f').catch(() => undefined);
    }
  }
  const unknown = blocking.filter((name) => policyValues[name] === undefined);
  if (unknown.length > 0) {
    throw new Error(`tethering diagnostics control: no such policy: ${unknown.join(', ')}`);
  }
}

function setRadio(control: DiagnosticsControl, radio: TetheringDiagnostics['wifiRadio']): void {
  // 'absent': a Bluetooth radio only, so that the Kind is what decides.
  control.diagnosticsSetRadios(
    radio === 'absent'
      ? [{ kind: bluetoothKind, state: radioStates.on }]
      : [
          { kind: bluetoothKind, state: radioStates.off },
          { kind: wifiKind, state: radioStates[radio] },
        ],
  );
}

/** Makes the Wine prefix and the test component answer `patch` (the rest as it is). */
export async function setNativeDiagnostics(patch: Partial<TetheringDiagnostics>): Promise<void> {
  const control = diagnosticsControl();
  if (patch.mobileHotspotService !== undefined) {
    await setServiceState('icssvc', patch.mobileHotspotService);
  }
  if (patch.wlanService !== undefined) await setServiceState('WlanSvc', patch.wlanService);
  if (patch.wifiRadio !== undefined) setRadio(control, patch.wifiRadio);
  if (patch.internetProfile !== undefined) {
    control.diagnosticsSetInternetProfile(patch.internetProfile);
  }
  if (patch.blockingPolicies !== undefined) await setPolicies(patch.blockingPolicies);
}

/** Healthy: both services running, the Wi-Fi radio on, an internet profile, no policies. */
export async function resetNativeDiagnostics(): Promise<void> {
  diagnosticsControl().diagnosticsReset();
  await setNativeDiagnostics({
    mobileHotspotService: 'running',
    wlanService: 'running',
    wifiRadio: 'on',
    internetProfile: true,
    blockingPolicies: [],
  });
}
