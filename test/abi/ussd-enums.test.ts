/**
 * lib/ussd/ussd-result-codes.ts (value → camelCase name, what the native backend's numbers
 * become) against the UssdResultCode native/abi declares, which abi.test.ts checks against the
 * official metadata.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ussdResultCodes } from '../../lib/ussd/ussd-result-codes.js';
import { parseIdl } from './idl-model.js';

describe('lib/ussd/ussd-result-codes.ts against native/abi', () => {
  it('UssdResultCode: every value has its member camelCase name', () => {
    const idl = readFileSync(
      path.join(__dirname, '..', '..', 'native', 'abi', 'windows.networking.networkoperators.idl'),
      'utf8',
    );
    const members = parseIdl(idl).enums.get('UssdResultCode');
    expect(members, 'UssdResultCode is declared in the IDL').toBeDefined();
    const expected: string[] = [];
    for (const [member, value] of members!) {
      expected[value] = member.charAt(0).toLowerCase() + member.slice(1);
    }
    expect([...ussdResultCodes]).toEqual(expected);
  });
});
