/**
 * One conformance suite for `mbb.provisioning.apply()`, for every backend: the fake in vitest,
 * the native addon in Windows' node.exe under Wine (`node --test`, test/windows). Written with
 * node:assert against a driver. The Windows lane names each test below as a check of its
 * summary, so keep the names stable.
 */

import assert from 'node:assert/strict';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import { parseProvisioning } from '../../lib/provisioning/parse-provisioning.js';
import type { ProvisioningScenarioDriver } from './provisioning-driver.js';
import type { TestApi } from './test-api.js';

const password = 'Pa55-w0rd-s3cret';

/** The names of the provisioning tests, as the Windows lane's summary lists them. */
export const provisioningCheckNames = [
  'applies a document: every element provisioned, each with its result',
  'a parsed document is applied too (written back with its password)',
  'failed elements: allElementsProvisioned false, and which failed and why',
  "E_ACCESSDENIED is ERR_NOT_AUTHORIZED saying it is another operator's",
  'an invalid document never reaches Windows',
  'an unknown account is ERR_INVALID_ARGUMENT, masked; a cancelled call ERR_ABORTED',
  "an owner window reaches Windows (a bigint or Electron's Buffer); a bad one never does",
] as const;

const [applies, parsed, failedElements, accessDenied, invalid, unknownAccount, ownerWindow] =
  provisioningCheckNames;

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

    it(applies, async () => {
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

    it(parsed, async () => {
      const m = await open();
      const outcome = await m.provisioning.apply(parseProvisioning(conformanceDocument), {
        networkAccountId: driver.networkAccountId,
      });
      assert.equal(outcome.allElementsProvisioned, true);
      const [given] = await driver.applied();
      assert.ok(given?.includes(password), 'Windows gets the real password');
    });

    it(failedElements, async () => {
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

    it(accessDenied, async () => {
      const m = await open();
      await driver.denyNext();
      await assert.rejects(m.provisioning.apply(conformanceDocument), (error: unknown) => {
        isCode('ERR_NOT_AUTHORIZED')(error);
        assert.ok(error instanceof MobileBroadbandError);
        assert.equal(error.hresult, 0x80070005);
        assert.equal(error.details?.hresult, '0x80070005');
        assert.match(error.message, /another mobile operator/);
        return true;
      });
    });

    it(invalid, async () => {
      const m = await open();
      const broken = conformanceDocument.replace('</MBNProfiles>', '');
      await assert.rejects(m.provisioning.apply(broken), isCode('ERR_PROVISIONING_XML'));
      await assert.rejects(
        m.provisioning.apply(42 as unknown as string),
        isCode('ERR_INVALID_ARGUMENT'),
      );
      assert.deepEqual(await driver.applied(), []);
    });

    it(unknownAccount, async () => {
      const m = await open();
      const unknownId = '{00000000-0000-0000-0000-000000000000}';
      await assert.rejects(
        m.provisioning.apply(conformanceDocument, { networkAccountId: unknownId }),
        (error: unknown) => {
          isCode('ERR_INVALID_ARGUMENT')(error);
          assert.ok(error instanceof MobileBroadbandError);
          assert.ok(!error.message.includes(unknownId), 'the id is masked');
          assert.ok(error.message.includes(driver.networkAccountId), 'the known account named');
          return true;
        },
      );
      await assert.rejects(
        m.provisioning.apply(conformanceDocument, { signal: AbortSignal.abort() }),
        isCode('ERR_ABORTED'),
      );
    });

    it(ownerWindow, async () => {
      const m = await open();
      // Electron's BrowserWindow.getNativeWindowHandle(): the HWND's bytes, little-endian.
      const electronHandle = Buffer.alloc(8);
      electronHandle.writeBigUInt64LE(0x2_0042n);
      const thirtyTwoBit = Buffer.alloc(4);
      thirtyTwoBit.writeUInt32LE(0x5_0a0c);
      await m.provisioning.apply(conformanceDocument, { ownerWindow: 0x1_0234n });
      await m.provisioning.apply(conformanceDocument, { ownerWindow: electronHandle });
      await m.provisioning.apply(conformanceDocument, {
        ownerWindow: thirtyTwoBit,
        networkAccountId: driver.networkAccountId,
      });
      await m.provisioning.apply(conformanceDocument);
      for (const bad of [0n, -1n, 1n << 64n, Buffer.alloc(8), Buffer.alloc(3), 42, 'hwnd', null])
        await assert.rejects(
          m.provisioning.apply(conformanceDocument, { ownerWindow: bad as bigint }),
          isCode('ERR_INVALID_ARGUMENT'),
        );
      assert.deepEqual(await driver.ownerWindows(), [0x1_0234n, 0x2_0042n, 0x5_0a0cn, undefined]);
    });
  });
}
