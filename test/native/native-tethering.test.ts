/**
 * The native backend's hotspot over a scripted stand-in for the addon (the real addon and the
 * test component's NetworkOperatorTetheringManager run in the Wine lane): what reaches the addon,
 * how Windows' values are named, how its failures become typed errors (no internet profile, an
 * unknown profile, an API this Windows lacks), cancellation and close().
 */

import { describe, expect, it } from 'vitest';
import type {
  NativeAccessPoint,
  NativeAddon,
  NativeOperation,
  NativeTetheringExports,
} from '../../lib/native/addon-types.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import { NativeTethering } from '../../lib/native/native-tethering.js';
import { ManualNativeOperation, nativeError } from './manual-operation.js';

const passphrase = 'a-very-secret-pass';

/** An operation the test settles by hand (or at once). */
class ManualOperation<T> extends ManualNativeOperation<T> {
  constructor() {
    super('X.StartTetheringAsync');
  }
}

function settled<T>(value: T): NativeOperation<T> {
  const operation = new ManualOperation<T>();
  operation.resolve(value);
  return operation;
}

function failed<T>(hresult: number, call: string): NativeOperation<T> {
  const operation = new ManualOperation<T>();
  operation.reject(nativeError(hresult, call));
  return operation;
}

const stored: NativeAccessPoint = { ssid: 'Stored', passphrase, band: 2, authenticationKind: 1 };

/** An addon whose tethering table answers as `overrides` say, recording every call. */
function scripted(overrides: Partial<NativeTetheringExports> = {}) {
  const calls: unknown[][] = [];
  const record =
    <A extends unknown[], T>(name: string, answer: (...args: A) => NativeOperation<T>) =>
    (...args: A): NativeOperation<T> => {
      calls.push([name, ...args]);
      return answer(...args);
    };
  const table: NativeTetheringExports = {
    status: record('status', () =>
      settled({ capability: 0, state: 2, clientCount: 0, maxClientCount: 8 }),
    ),
    accessPoint: record('accessPoint', () => settled({ ...stored })),
    clients: record('clients', () =>
      settled([{ macAddress: '0a:1b:2c:3d:4e:5f', hostNames: ['phone'] }]),
    ),
    profileNames: record('profileNames', () => settled(['Contoso', 'Fabrikam'])),
    isNoConnectionsTimeoutEnabled: record('isNoConnectionsTimeoutEnabled', () => settled(true)),
    start: record('start', () => settled({ status: 0, additionalErrorMessage: '' })),
    stop: record('stop', () => settled({ status: 0, additionalErrorMessage: '' })),
    configureAccessPoint: record('configureAccessPoint', () => settled(undefined)),
    isBandSupported: record('isBandSupported', (_target, band: number) => settled(band !== 3)),
    isAuthenticationKindSupported: record(
      'isAuthenticationKindSupported',
      (_target, kind: number) => settled(kind !== 2),
    ),
    setNoConnectionsTimeout: record('setNoConnectionsTimeout', () => settled(undefined)),
    ...overrides,
  };
  const tethering = new NativeTethering({ tethering: table } as unknown as NativeAddon, {
    stopTimeoutMs: 50,
  });
  return { tethering, calls };
}

async function rejection(promise: Promise<unknown>): Promise<MobileBroadbandError> {
  const error = await promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MobileBroadbandError);
  const typed = error as MobileBroadbandError;
  expect(JSON.stringify(typed)).not.toContain(passphrase);
  expect(typed.message).not.toContain(passphrase);
  return typed;
}

describe('NativeTethering (scripted addon)', () => {
  it('names Windows values, upper-cases MAC addresses, passes the target', async () => {
    const { tethering, calls } = scripted();
    expect(await tethering.status({ profileName: 'Fabrikam' })).toEqual({
      capability: 'enabled',
      operationalState: 'off',
      clientCount: 0,
      maxClientCount: 8,
    });
    expect(await tethering.accessPoint()).toEqual({
      ssid: 'Stored',
      passphrase,
      band: '5GHz',
      authenticationKind: 'wpa3TransitionMode',
    });
    expect(await tethering.clients()).toEqual([
      { macAddress: '0A:1B:2C:3D:4E:5F', hostNames: ['phone'] },
    ]);
    expect(calls.slice(0, 3)).toEqual([
      ['status', 'Fabrikam'],
      ['accessPoint', null],
      ['clients', null],
    ]);
  });

  it('leaves out a band or kind this Windows lacks (null from the addon)', async () => {
    const { tethering } = scripted({
      accessPoint: () => settled({ ssid: 'Old', passphrase, band: null, authenticationKind: null }),
    });
    expect(await tethering.accessPoint()).toEqual({ ssid: 'Old', passphrase });
  });

  it('start({ session }) fills the session from the stored access point and checks it first', async () => {
    const { tethering, calls } = scripted();
    await tethering.start({ session: { ssid: 'Today' } });
    expect(calls.at(-1)).toEqual([
      'start',
      null,
      { ssid: 'Today', passphrase, band: 2, authenticationKind: 1 },
    ]);
    const refused = await rejection(tethering.start({ session: { band: '6GHz' } }));
    expect(refused.code).toBe('ERR_NOT_SUPPORTED');
    expect(calls.filter((c) => c[0] === 'start')).toHaveLength(1);
  });

  it('configureAccessPoint checks the band and kind with Windows before storing', async () => {
    const { tethering, calls } = scripted();
    await tethering.configureAccessPoint({ ssid: 'New', passphrase, band: '2.4GHz' });
    expect(calls.at(-1)).toEqual([
      'configureAccessPoint',
      null,
      { ssid: 'New', passphrase, band: 1, authenticationKind: null },
    ]);
    const refused = await rejection(
      tethering.configureAccessPoint({ ssid: 'New', passphrase, authenticationKind: 'wpa3' }),
    );
    expect(refused.message).toMatch(/wpa3/);
    expect(calls.filter((c) => c[0] === 'configureAccessPoint')).toHaveLength(1);
  });

  it('no internet connection profile: ERR_INVALID_STATE saying there is nothing to share', async () => {
    const { tethering } = scripted({
      status: () => failed(0x80070490, 'NetworkInformation.GetInternetConnectionProfile'),
    });
    const error = await rejection(tethering.status());
    expect(error.code).toBe('ERR_INVALID_STATE');
    expect(error.message).toMatch(/no internet connection to share/);
  });

  it('an unknown profile name: ERR_INVALID_ARGUMENT naming the profiles there', async () => {
    const { tethering } = scripted({
      status: () => failed(0x80070490, 'NetworkInformation.GetConnectionProfiles'),
    });
    const error = await rejection(tethering.status({ profileName: 'Nowhere' }));
    expect(error.code).toBe('ERR_INVALID_ARGUMENT');
    expect(error.message).toMatch(/"Contoso", "Fabrikam"/);
    await expect(tethering.status({ profileName: '' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });

  it('an API this Windows lacks: ERR_NOT_SUPPORTED naming it and the build that has it', async () => {
    const { tethering } = scripted({
      isAuthenticationKindSupported: () =>
        failed(
          0x80004002,
          'NetworkOperatorTetheringAccessPointConfiguration.IsAuthenticationKindSupportedAsync',
        ),
      setNoConnectionsTimeout: () =>
        failed(0x80004002, 'NetworkOperatorTetheringManager.DisableNoConnectionsTimeoutAsync'),
    });
    const auth = await rejection(tethering.isAuthenticationKindSupported('wpa3'));
    expect(auth).toMatchObject({ code: 'ERR_NOT_SUPPORTED', details: { requiredBuild: 26100 } });
    expect(auth.message).toMatch(/IsAuthenticationKindSupportedAsync.*26100.*24H2/);
    const timeout = await rejection(tethering.disableNoConnectionsTimeout());
    expect(timeout.message).toMatch(/DisableNoConnectionsTimeoutAsync needs Windows build 19041/);
    const older = scripted({
      start: () => failed(0x80040154, 'NetworkOperatorTetheringSessionAccessPointConfiguration()'),
    }).tethering;
    const session = await rejection(older.start({ session: { ssid: 'Today' } }));
    expect(session.message).toMatch(/StartTetheringAsync\(NetworkOperatorTetheringSession/);
  });

  it('a missing hotspot class is not a missing newer API; other failures are typed by HRESULT', async () => {
    const { tethering } = scripted({
      isNoConnectionsTimeoutEnabled: () =>
        failed(0x80040154, 'NetworkOperatorTetheringManager.IsNoConnectionsTimeoutEnabled'),
      stop: () => failed(0x800706ba, 'NetworkOperatorTetheringManager.StopTetheringAsync'),
    });
    expect((await rejection(tethering.isNoConnectionsTimeoutEnabled())).code).toBe(
      'ERR_CLASS_NOT_REGISTERED',
    );
    const stop = await rejection(tethering.stop());
    expect(stop.code).toBe('ERR_SERVICE_UNAVAILABLE');
    expect(stop.message).toMatch(/icssvc/);
  });

  it('an abort cancels through the operation; close() cancels what is pending', async () => {
    const pending: ManualOperation<{ status: number; additionalErrorMessage: string }>[] = [];
    const { tethering } = scripted({
      start: () => {
        const operation = new ManualOperation<{ status: number; additionalErrorMessage: string }>();
        pending.push(operation);
        return operation;
      },
    });
    const controller = new AbortController();
    const aborted = tethering.start({ signal: controller.signal });
    controller.abort();
    expect((await rejection(aborted)).code).toBe('ERR_ABORTED');
    expect(pending[0]!.cancels).toBe(1);
    const closing = tethering.start();
    // Windows never confirms this one: close() gives up after stopTimeoutMs and abandons it.
    pending[1]!.onCancel = () => undefined;
    await tethering.close();
    expect((await rejection(closing)).code).toBe('ERR_CLOSED');
    expect(pending[1]!.abandoned).toBe(true);
    expect((await rejection(tethering.status())).code).toBe('ERR_CLOSED');
  });
});
