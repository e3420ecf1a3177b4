/**
 * The native backend's provisioning part over a scripted stand-in for the addon (the real addon
 * and the test component's ProvisioningAgent run in the Wine lane): what reaches the addon,
 * how its failures become typed errors, an unknown account, cancellation, close() and the
 * warning for an agent without an owner window.
 */

import { describe, expect, it } from 'vitest';
import type { NativeAddon, NativeProvisioningResult } from '../../lib/native/addon-types.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import {
  NativeProvisioning,
  ownerWindowWarningCode,
} from '../../lib/native/native-provisioning.js';
import { ManualNativeOperation, nativeError } from './manual-operation.js';

const accountId = '{7C3B9E21-5A4D-4E8F-B1C2-3D4E5F607182}';
const secret = 'Pa55-w0rd-s3cret';
const document = `<CarrierProvisioning><Password>${secret}</Password></CarrierProvisioning>`;
const resultsXml = '<CarrierProvisioningResult errorCode="S_OK"/>';

/** An operation the test settles by hand. */
class ManualOperation<T> extends ManualNativeOperation<T> {
  constructor() {
    super(applyCall);
  }
}

const applyCall = 'ProvisioningAgent.ProvisionFromXmlDocumentAsync';

interface Call {
  document: string;
  networkAccountId: string | null;
  ownerWindow: bigint | null;
}

function scripted(answer: (call: Call) => ManualOperation<NativeProvisioningResult>) {
  const calls: Call[] = [];
  const warnings: [string, string][] = [];
  const addon = {
    provisioning: {
      apply(document: string, networkAccountId: string | null, ownerWindow: bigint | null) {
        const call = { document, networkAccountId, ownerWindow };
        calls.push(call);
        return answer(call);
      },
    },
  } as unknown as NativeAddon;
  const provisioning = new NativeProvisioning(addon, () => Promise.resolve([accountId]), {
    stopTimeoutMs: 50,
    warn: (message, code) => warnings.push([message, code]),
  });
  return { provisioning, calls, warnings };
}

function completed(ownerWindow = 0): ManualOperation<NativeProvisioningResult> {
  const operation = new ManualOperation<NativeProvisioningResult>();
  operation.resolve({ allElementsProvisioned: true, resultsXml, ownerWindow });
  return operation;
}

function failing(hresult: number, call = applyCall): ManualOperation<NativeProvisioningResult> {
  const operation = new ManualOperation<NativeProvisioningResult>();
  operation.reject(nativeError(hresult, call));
  return operation;
}

async function caught(promise: Promise<unknown>): Promise<MobileBroadbandError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MobileBroadbandError);
  const typed = error as MobileBroadbandError;
  expect(JSON.stringify(typed)).not.toContain(secret);
  expect(typed.message).not.toContain(secret);
  return typed;
}

describe('NativeProvisioning', () => {
  it('hands the document, the account and the owner window (as a bigint) to the addon', async () => {
    const { provisioning, calls } = scripted(() => completed(1));
    const handle = Buffer.alloc(8);
    handle.writeBigUInt64LE(0x2_0042n);
    expect(
      await provisioning.apply(document, { networkAccountId: accountId, ownerWindow: handle }),
    ).toEqual({
      allElementsProvisioned: true,
      resultsXml,
    });
    await provisioning.apply(document);
    expect(calls).toEqual([
      { document, networkAccountId: accountId, ownerWindow: 0x2_0042n },
      { document, networkAccountId: null, ownerWindow: null },
    ]);
  });

  it('bad arguments never reach the addon', async () => {
    const { provisioning, calls } = scripted(() => completed());
    expect((await caught(provisioning.apply(42 as unknown as string))).code).toBe(
      'ERR_INVALID_ARGUMENT',
    );
    expect(
      (await caught(provisioning.apply(document, { networkAccountId: 7 as unknown as string })))
        .code,
    ).toBe('ERR_INVALID_ARGUMENT');
    const empty = await caught(provisioning.apply(document, { networkAccountId: '' }));
    expect(empty.code).toBe('ERR_INVALID_ARGUMENT');
    expect(empty.message).toContain(accountId);
    expect((await caught(provisioning.apply(document, { ownerWindow: 0n }))).code).toBe(
      'ERR_INVALID_ARGUMENT',
    );
    expect(calls).toEqual([]);
  });

  it("E_ACCESSDENIED is ERR_NOT_AUTHORIZED saying it is another operator's, with the HRESULT", async () => {
    const { provisioning } = scripted(() => failing(0x80070005));
    const error = await caught(provisioning.apply(document));
    expect(error.code).toBe('ERR_NOT_AUTHORIZED');
    expect(error.hresult).toBe(0x80070005);
    expect(error.message).toMatch(/another mobile operator/);
    expect(error.details).toMatchObject({ hresult: '0x80070005', call: applyCall });
  });

  it('other HRESULTs are typed by hresult.ts', async () => {
    const { provisioning } = scripted(() => failing(0x800706ba));
    const error = await caught(provisioning.apply(document));
    expect(error.code).toBe('ERR_SERVICE_UNAVAILABLE');
    expect(error.message).toContain(applyCall);
  });

  it('an account Windows does not know is ERR_INVALID_ARGUMENT, masked, naming those present', async () => {
    const unknown = '{00000000-0000-0000-0000-000000000000}';
    const { provisioning } = scripted(() =>
      failing(0x80070490, 'ProvisioningAgent.CreateFromNetworkAccountId'),
    );
    const error = await caught(provisioning.apply(document, { networkAccountId: unknown }));
    expect(error.code).toBe('ERR_INVALID_ARGUMENT');
    expect(error.message).not.toContain(unknown);
    expect(error.message).toContain(accountId);
    // A known account whose agent cannot be made is Windows' failure, typed by its HRESULT.
    const known = await caught(provisioning.apply(document, { networkAccountId: accountId }));
    expect(known.code).toBe('ERR_WINDOWS');
  });

  it('an abort cancels the operation; ERR_ABORTED once Windows confirms', async () => {
    const operation = new ManualOperation<NativeProvisioningResult>();
    const { provisioning } = scripted(() => operation);
    const controller = new AbortController();
    const applying = caught(provisioning.apply(document, { signal: controller.signal }));
    controller.abort();
    expect((await applying).code).toBe('ERR_ABORTED');
    expect(operation.cancels).toBe(1);
    expect((await caught(provisioning.apply(document, { signal: controller.signal }))).code).toBe(
      'ERR_ABORTED',
    );
  });

  it('Windows cancelling on its own is ERR_ABORTED saying so', async () => {
    const { provisioning } = scripted(() => {
      const operation = new ManualOperation<NativeProvisioningResult>();
      operation.reject(nativeError(0x800704c7, applyCall, true));
      return operation;
    });
    const error = await caught(provisioning.apply(document));
    expect(error.code).toBe('ERR_ABORTED');
    expect(error.message).toMatch(/Windows cancelled/);
  });

  it('close() cancels what is pending (ERR_CLOSED) and abandons what Windows does not end', async () => {
    const confirmed = new ManualOperation<NativeProvisioningResult>();
    const silent = new ManualOperation<NativeProvisioningResult>();
    silent.onCancel = () => undefined;
    const operations = [confirmed, silent];
    const { provisioning } = scripted(() => operations.shift()!);
    const first = caught(provisioning.apply(document));
    const second = caught(provisioning.apply(document));
    await provisioning.close();
    expect((await first).code).toBe('ERR_CLOSED');
    expect((await second).code).toBe('ERR_CLOSED');
    expect(confirmed.cancels).toBe(1);
    expect(silent.abandoned).toBe(true);
    expect((await caught(provisioning.apply(document))).code).toBe('ERR_CLOSED');
  });

  it('an agent without an owner window applies the document and warns once', async () => {
    const { provisioning, warnings } = scripted(() => completed(2));
    await provisioning.apply(document, { ownerWindow: 0x42n });
    await provisioning.apply(document, { ownerWindow: 0x42n });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![1]).toBe(ownerWindowWarningCode);
    expect(warnings[0]![0]).toMatch(/IInitializeWithWindow/);
  });
});
