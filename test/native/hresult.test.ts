import { describe, expect, it } from 'vitest';
import { MobileBroadbandError } from '../../lib/errors.js';
import { esimAdvice } from '../../lib/esim/esim-errors.js';
import { errorCodeOf, errorFromHresult, fromNativeError } from '../../lib/native/hresult.js';

describe('HRESULT mapping', () => {
  it.each([
    [0x80040154, 'ERR_CLASS_NOT_REGISTERED'],
    [0x80070005, 'ERR_NOT_AUTHORIZED'],
    [0x80073d54, 'ERR_PACKAGE_IDENTITY_REQUIRED'],
    [0x80004001, 'ERR_NOT_SUPPORTED'],
    [0x800704c7, 'ERR_ABORTED'],
    [0x80000013, 'ERR_CLOSED'],
    [0x8000000e, 'ERR_INVALID_STATE'],
    [0x80070037, 'ERR_NO_MODEM'],
    [0x80004005, 'ERR_WINDOWS'],
    [0x8badf00d, 'ERR_WINDOWS'],
    [0x800706ba, 'ERR_SERVICE_UNAVAILABLE'],
    [0x80070422, 'ERR_SERVICE_UNAVAILABLE'],
    [0x80070426, 'ERR_SERVICE_UNAVAILABLE'],
  ])('%s → %s', (hresult, code) => {
    expect(errorCodeOf(hresult)).toBe(code);
    // Signed and unsigned spellings of an HRESULT are the same value.
    expect(errorCodeOf(hresult | 0)).toBe(code);
  });

  it.each([
    [0x800706ba, 'RPC_S_SERVER_UNAVAILABLE'],
    [0x80070422, 'ERROR_SERVICE_DISABLED'],
    [0x80070426, 'ERROR_SERVICE_NOT_ACTIVE'],
  ])('%s: a service that is not there is named, with how to start it', (hresult, name) => {
    const error = errorFromHresult(hresult, 'ESimManager.ServiceInfo', {
      operation: 'Reading the eSIM service info',
    });
    expect(error.code).toBe('ERR_SERVICE_UNAVAILABLE');
    expect(error.message).toContain(name);
    expect(error.message).toContain('"WWAN AutoConfig" (WwanSvc)');
    expect(error.message).toContain('sc start WwanSvc');
    const hotspot = errorFromHresult(
      hresult,
      'NetworkOperatorTetheringManager.StartTetheringAsync',
      {
        service: { name: 'icssvc', displayName: 'Windows Mobile Hotspot Service' },
      },
    );
    expect(hotspot.message).toContain('(icssvc)');
  });

  it('names the call, the HRESULT and what to do', () => {
    const error = errorFromHresult(0x80040154, 'RoGetActivationFactory(ESimManager)', {
      operation: 'Listing eSIMs',
      advice: esimAdvice,
    });
    expect(error).toBeInstanceOf(MobileBroadbandError);
    expect(error.code).toBe('ERR_CLASS_NOT_REGISTERED');
    expect(error.hresult).toBe(0x80040154);
    expect(error.details).toEqual({ call: 'RoGetActivationFactory(ESimManager)' });
    expect(error.message).toBe(
      `Listing eSIMs: RoGetActivationFactory(ESimManager) failed with HRESULT 0x80040154 (REGDB_E_CLASSNOTREG): ${esimAdvice.ERR_CLASS_NOT_REGISTERED}`,
    );
    expect(errorFromHresult(0x8badf00d, 'X.Y').message).toBe('X.Y failed with HRESULT 0x8badf00d');
  });

  it('turns what the addon throws into typed errors', () => {
    const windowsFailure = Object.assign(
      new Error('ESimWatcher.Start failed with HRESULT 0x80070005'),
      {
        hresult: 0x80070005,
        call: 'ESimWatcher.Start',
      },
    );
    const mapped = fromNativeError(windowsFailure, { operation: 'Starting an eSIM watcher' });
    expect(mapped.code).toBe('ERR_NOT_AUTHORIZED');
    expect(mapped.cause).toBe(windowsFailure);
    expect(fromNativeError(new TypeError('createEsimWatcher: expected a function')).code).toBe(
      'ERR_INVALID_ARGUMENT',
    );
    expect(fromNativeError(new Error('boom')).code).toBe('ERR_WINDOWS');
    const already = new MobileBroadbandError('ERR_CLOSED', 'closed');
    expect(fromNativeError(already)).toBe(already);
  });
});
