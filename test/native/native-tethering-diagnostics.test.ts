/**
 * readTetheringDiagnostics against a scripted addon: the addon's numbers become
 * TetheringDiagnostics' names, and a failed Windows call a typed error. (The reading itself is
 * tested under Wine: test/windows/tethering-diagnostics-native.test.ts.)
 */

import { describe, expect, it } from 'vitest';
import { MobileBroadbandError } from '../../lib/errors.js';
import type {
  NativeAddon,
  NativeOperation,
  NativeTetheringDiagnostics,
} from '../../lib/native/addon-types.js';
import { readTetheringDiagnostics } from '../../lib/native/native-tethering-diagnostics.js';

function addonAnswering(answer: Promise<NativeTetheringDiagnostics>): NativeAddon {
  const operation: NativeOperation<NativeTetheringDiagnostics> = {
    promise: answer,
    cancel: () => {},
    abandon: () => {},
  };
  return { tetheringDiagnostics: { read: () => operation } } as unknown as NativeAddon;
}

const healthy: NativeTetheringDiagnostics = {
  mobileHotspotService: 0,
  wlanService: 0,
  wifiRadio: 1,
  wifiRadioError: 0,
  internetProfile: true,
  blockingPolicies: [],
};

describe('readTetheringDiagnostics', () => {
  it('names every service state in ServiceState order', async () => {
    const names = [];
    for (let value = 0; value <= 8; value++) {
      const facts = await readTetheringDiagnostics(
        addonAnswering(
          Promise.resolve({ ...healthy, mobileHotspotService: value, wlanService: value }),
        ),
      );
      expect(facts.wlanService).toBe(facts.mobileHotspotService);
      names.push(facts.mobileHotspotService);
    }
    expect(names).toEqual([
      'running',
      'stopped',
      'startPending',
      'stopPending',
      'paused',
      'disabled',
      'notFound',
      'unknown',
      'unknown',
    ]);
  });

  it('names the radio: RadioState values, -1 absent', async () => {
    const radio = async (wifiRadio: number) =>
      (await readTetheringDiagnostics(addonAnswering(Promise.resolve({ ...healthy, wifiRadio }))))
        .wifiRadio;
    expect([
      await radio(0),
      await radio(1),
      await radio(2),
      await radio(3),
      await radio(-1),
    ]).toEqual(['unknown', 'on', 'off', 'disabled', 'absent']);
    expect(await radio(7)).toBe('unknown');
  });

  it('passes the internet profile and the policies through', async () => {
    const facts = await readTetheringDiagnostics(
      addonAnswering(
        Promise.resolve({
          ...healthy,
          internetProfile: false,
          blockingPolicies: ['NC_ShowSharedAccessUI', 'Wifi/AllowInternetSharing'],
        }),
      ),
    );
    expect(facts).toEqual({
      mobileHotspotService: 'running',
      wlanService: 'running',
      wifiRadio: 'on',
      internetProfile: false,
      blockingPolicies: ['NC_ShowSharedAccessUI', 'Wifi/AllowInternetSharing'],
    });
  });

  it('a failed Windows call is a MobileBroadbandError naming the call', async () => {
    const failure = Object.assign(new Error('Class not registered'), {
      hresult: 0x80040154,
      call: 'RoGetActivationFactory(NetworkInformation)',
    });
    const error = await readTetheringDiagnostics(addonAnswering(Promise.reject(failure))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MobileBroadbandError);
    expect((error as MobileBroadbandError).message).toMatch(/mobile hotspot depends on/);
    expect((error as MobileBroadbandError).details).toMatchObject({
      call: 'RoGetActivationFactory(NetworkInformation)',
    });
  });
});
