import { describe, expect, it } from 'vitest';
import { isMobileBroadbandError } from '../../lib/errors.js';
import { checkApplicationId, packageFamilyName, publisherId } from '../../lib/packaging/index.js';

describe('publisherId and packageFamilyName', () => {
  it("give the publisher ids Windows gives Microsoft's own packages", () => {
    expect(
      publisherId(
        'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
      ),
    ).toBe('8wekyb3d8bbwe');
    expect(
      publisherId('CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US'),
    ).toBe('cw5n1h2txyewy');
  });

  it('the family name is <name>_<publisher id>; the id is 13 base32 characters', () => {
    const family = packageFamilyName('Contoso.OperatorApp', 'CN=Contoso Ltd, O=Contoso Ltd, C=GB');
    expect(family).toMatch(/^Contoso\.OperatorApp_[0-9a-hjkmnp-tv-z]{13}$/);
    // Publisher strings differ by a space: different ids (Windows compares them exactly).
    expect(publisherId('CN=Contoso')).not.toBe(publisherId('CN=Contoso '));
  });

  it.each([[''], ['Contoso'], ['CN=a\nO=b'], ['x'.repeat(8193)], [42]])(
    'refuses %j as a publisher',
    (publisher) => {
      try {
        publisherId(publisher as string, '--publisher');
        throw new Error('accepted');
      } catch (error) {
        expect(isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
        expect((error as Error).message).toMatch(/^--publisher must be/);
        expect((error as Error).message.length).toBeLessThan(400);
      }
    },
  );

  it('checkApplicationId: the manifest rule', () => {
    for (const id of ['App', 'ContosoOperator', 'Contoso.Operator2'])
      expect(checkApplicationId(id)).toBe(id);
    for (const id of ['', '1App', 'App-1', 'App.', '.App', 'a'.repeat(65), 'NUL', 'App One'])
      expect(() => checkApplicationId(id)).toThrow(
        /applicationId must be the manifest's Application Id/,
      );
  });
});
