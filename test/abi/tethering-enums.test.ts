/**
 * lib/native/tethering-enums.ts (value → name, what the addon's numbers become) against the
 * hotspot enums native/abi declares, which abi.test.ts checks against the official metadata: a
 * status off by one would report a different failure than Windows did.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authenticationKindName,
  bandName,
  capabilityName,
  operationalStateName,
  operationStatusName,
  tetheringCapabilities,
  tetheringOperationalStates,
  tetheringOperationStatuses,
  tetheringWiFiAuthenticationKinds,
  tetheringWiFiBands,
} from '../../lib/native/tethering-enums.js';
import { parseIdl } from './idl-model.js';

const enums = parseIdl(
  readFileSync(
    path.join(__dirname, '..', '..', 'native', 'abi', 'windows.networking.networkoperators.idl'),
    'utf8',
  ),
).enums;

/** The member names by value, camelCased (`WiFiDeviceOff` → `wiFiDeviceOff`). */
function camelCased(name: string): string[] {
  const members = enums.get(name);
  expect(members, `${name} is declared in the IDL`).toBeDefined();
  const names: string[] = [];
  for (const [member, value] of members!) names[value] = member[0]!.toLowerCase() + member.slice(1);
  return names;
}

describe('lib/native/tethering-enums.ts against native/abi', () => {
  const tables: Record<string, readonly string[]> = {
    TetheringCapability: tetheringCapabilities,
    TetheringOperationalState: tetheringOperationalStates,
    TetheringOperationStatus: tetheringOperationStatuses,
    TetheringWiFiAuthenticationKind: tetheringWiFiAuthenticationKinds,
  };
  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: every value has its member's camelCase name`, () => {
      expect([...table]).toEqual(camelCased(name));
    });
  }

  it('TetheringWiFiBand: every value, spelled as people say it', () => {
    const spelled: Record<string, string> = {
      auto: 'auto',
      twoPointFourGigahertz: '2.4GHz',
      fiveGigahertz: '5GHz',
      sixGigahertz: '6GHz',
    };
    expect([...tetheringWiFiBands]).toEqual(camelCased('TetheringWiFiBand').map((m) => spelled[m]));
  });

  it('a value newer than the package never crashes', () => {
    expect(capabilityName(8)).toBe('disabledDueToUnknownCause');
    expect(operationalStateName(4)).toBe('unknown');
    expect(operationStatusName(12)).toBe('unknown');
    expect(() => bandName(4)).toThrow(
      expect.objectContaining({
        code: 'ERR_NOT_SUPPORTED',
        message: expect.stringMatching(/TetheringWiFiBand 4/),
      }),
    );
    expect(() => authenticationKindName(3)).toThrow(
      expect.objectContaining({ code: 'ERR_NOT_SUPPORTED' }),
    );
  });
});
