/**
 * The enum tables of lib/native/winrt-enums.ts (value → camelCase name, what the addon's numbers
 * become) against the enums native/abi declares, which abi.test.ts checks against the official
 * metadata: a status off by one would report a different failure than Windows did.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  esimAuthenticationPreferences,
  esimOperationStatuses,
  esimProfileClasses,
  esimProfileMetadataStates,
  esimProfileStates,
  esimStates,
} from '../../lib/native/winrt-enums.js';
import { parseIdl } from './idl-model.js';

const idl = readFileSync(
  path.join(__dirname, '..', '..', 'native', 'abi', 'windows.networking.networkoperators.idl'),
  'utf8',
);

const tables: Record<string, readonly string[]> = {
  ESimState: esimStates,
  ESimProfileClass: esimProfileClasses,
  ESimProfileState: esimProfileStates,
  ESimAuthenticationPreference: esimAuthenticationPreferences,
  ESimOperationStatus: esimOperationStatuses,
  ESimProfileMetadataState: esimProfileMetadataStates,
};

describe('lib/native/winrt-enums.ts against native/abi', () => {
  const enums = parseIdl(idl).enums;
  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: every value has its member's camelCase name`, () => {
      const members = enums.get(name);
      expect(members, `${name} is declared in the IDL`).toBeDefined();
      const expected: string[] = [];
      for (const [member, value] of members!) {
        expected[value] = member.charAt(0).toLowerCase() + member.slice(1);
      }
      expect([...table]).toEqual(expected);
    });
  }
});
