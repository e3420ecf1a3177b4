/**
 * One conformance suite for `mbb.provisioning.apply()`, for every backend: the fake here, the
 * native backend under Wine later. Written with node:assert against a driver, so it runs
 * outside vitest too.
 */

import assert from 'node:assert/strict';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import { parseProvisioning } from '../../lib/provisioning/parse-provisioning.js';
import type { ProvisioningScenarioDriver } from './provisioning-driver.js';
import type { TestApi } from './test-api.js';

const password = 'Pa55-w0rd-s3cret';

/** A document with a profile (with a password) and a plan. */
export const conformanceDocument = `<?xml version="1.0"?>
<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global>
    <CarrierId>{2c85b76b-f859-47c4-8122-721fe8b6c25f}</CarrierId>
    <SubscriberId>012345678901234</SubscriberId>
  </Global>
  <MBNProfiles>
    <DefaultProfile xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1">
      <Name>Contoso</Name>
      <AssociatedPlan>Contoso Data</AssociatedPlan>
      <Context>
        <AccessString>internet.contoso.com</AccessString>
        <UserLogonCred>
          <UserName>user</UserName>
          <Password>${password}</Password>
        </UserLogonCred>
      </Context>
    </DefaultProfile>
  </MBNProfiles>
  <Plans>
    <Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1" Name="Contoso Data">
      <Description PlanType="Fixed">
        <DataLimitInMegabytes>5120</DataLimitInMegabytes>
      </Description>
    </Plan>
  </Plans>
</CarrierProvisioning>
`;

function isCode(code: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    assert.ok(!error.message.includes(password), 'no password in the message');
    return true;
  };
}

export function defineProvisioningConformance(
  api: TestApi,
  driver: ProvisioningScenarioDriver,
): void {
  const { describe, it, afterEach } = api;
  let mbb: MobileBroadband | undefined;

  async function open(): Promise<MobileBroadband> {
    mbb = await connect({ backend: await driver.createBackend() });
    return mbb;
  }

  describe(`provisioning conformance: ${driver.name}`, () => {
    afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
    });

    it('applies a document: every element provisioned, each with its result', async () => {
      const m = await open();
      const outcome = await m.provisioning.apply(conformanceDocument);
      assert.equal(outcome.allElementsProvisioned, true);
      assert.ok(outcome.results.length > 0);
      assert.ok(outcome.results.every((r) => r.success));
      const profile = outcome.results.find((r) => r.element === 'DefaultProfile');
      assert.equal(profile?.name, 'Contoso');
      assert.equal(profile?.path, 'MBNProfiles/DefaultProfile');
      assert.ok(!JSON.stringify(outcome).includes(password), 'no password in the results');
      assert.deepEqual(await driver.applied(), [conformanceDocument], 'given as written');
    });

    it('a parsed document is applied too (written back with its password)', async () => {
      const m = await open();
      const outcome = await m.provisioning.apply(parseProvisioning(conformanceDocument), {
        networkAccountId: driver.networkAccountId,
      });
      assert.equal(outcome.allElementsProvisioned, true);
      const [given] = await driver.applied();
      assert.ok(given?.includes(password), 'Windows gets the real password');
    });

    it('failed elements: allElementsProvisioned false, and which failed and why', async () => {
      const m = await open();
      await driver.failElements([
        { element: 'DefaultProfile', name: 'Contoso', hresult: 0x80070057 },
        { element: 'Plan', hresult: 0x80070032 },
      ]);
      const outcome = await m.provisioning.apply(conformanceDocument);
      assert.equal(outcome.allElementsProvisioned, false);
      const failed = outcome.results.filter((r) => !r.success);
      assert.deepEqual(
        failed.map((r) => [r.element, r.name, r.errorCode]),
        [
          ['DefaultProfile', 'Contoso', '0x80070057'],
          ['Plan', 'Contoso Data', '0x80070032'],
        ],
      );
      assert.match(failed[0]!.error ?? '', /E_INVALIDARG/);
      assert.match(failed[1]!.error ?? '', /ERROR_NOT_SUPPORTED/);
      // The next call succeeds again.
      assert.equal((await m.provisioning.apply(conformanceDocument)).allElementsProvisioned, true);
    });

    it("E_ACCESSDENIED is ERR_NOT_AUTHORIZED saying it is another operator's", async () => {
      const m = await open();
      await driver.denyNext();
      await assert.rejects(m.provisioning.apply(conformanceDocument), (error: unknown) => {
        isCode('ERR_NOT_AUTHORIZED')(error);
        assert.ok(error instanceof MobileBroadbandError);
        assert.equal(error.hresult, 0x80070005);
        assert.match(error.message, /another mobile operator/);
        return true;
      });
    });

    it('an invalid document never reaches Windows', async () => {
      const m = await open();
      const broken = conformanceDocument.replace('</MBNProfiles>', '');
      await assert.rejects(m.provisioning.apply(broken), isCode('ERR_PROVISIONING_XML'));
      await assert.rejects(
        m.provisioning.apply(42 as unknown as string),
        isCode('ERR_INVALID_ARGUMENT'),
      );
      assert.deepEqual(await driver.applied(), []);
    });

    it('an unknown account is ERR_INVALID_ARGUMENT; a cancelled call ERR_ABORTED', async () => {
      const m = await open();
      await assert.rejects(
        m.provisioning.apply(conformanceDocument, {
          networkAccountId: '{00000000-0000-0000-0000-000000000000}',
        }),
        isCode('ERR_INVALID_ARGUMENT'),
      );
      await assert.rejects(
        m.provisioning.apply(conformanceDocument, { signal: AbortSignal.abort() }),
        isCode('ERR_ABORTED'),
      );
    });
  });
}
