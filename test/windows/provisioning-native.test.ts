/**
 * Applying provisioning documents on the native addon (issue 14 items 4 and 5), run by
 * `node --test` in Windows' node.exe under Wine (test/windows/run.sh bundles this file with
 * esbuild): the conformance suite the fake also runs, then what only the native side has — the
 * owner window reaching IInitializeWithWindow, an agent without it, failing HRESULTs, a
 * cancellation Windows confirms, both completion threads, close() with a call pending, the
 * agent kept on one thread and nothing left alive, `wmbb provision apply --json`, and last
 * (it stays so) the JS thread made an STA, as Electron's main process is.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Backend } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { ownerWindowWarningCode } from '../../lib/native/native-provisioning.js';
import {
  conformanceDocument,
  defineProvisioningConformance,
} from '../conformance/provisioning-conformance.js';
import {
  provisioningAccountId,
  provisioningControl,
  resetProvisioning,
} from './provisioning-control.js';
import { provisioningNativeDriver } from './provisioning-native-driver.js';
import { nodeTestApi } from './node-test-api.js';

const control = provisioningControl();
const password = 'Pa55-w0rd-s3cret';

const api = nodeTestApi(60_000);

defineProvisioningConformance(api, provisioningNativeDriver());

/** Asserts a typed error with `code` whose text never holds the document's password. */
function rejectsWith(code: string, check?: (error: MobileBroadbandError) => void) {
  return (error: unknown): boolean => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    assert.ok(!JSON.stringify(error).includes(password), 'no password in the error');
    assert.ok(!error.message.includes(password), 'no password in the message');
    check?.(error);
    return true;
  };
}

/** The warnings the process emits while `body` runs, by code. */
async function warningsDuring(code: string, body: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (warning: Error & { code?: string }): void => {
    if (warning.code === code) seen.push(warning.message);
  };
  process.on('warning', listener);
  try {
    await body();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return seen;
}

void describe('native provisioning: what only Windows does', () => {
  let backend: Backend;
  let mbb: MobileBroadband;
  beforeEach(async () => {
    resetProvisioning(control);
    backend = await createNativeBackend();
    mbb = await connect({ backend });
  });
  afterEach(async () => {
    await mbb.close();
    control.waitIdle(5000);
    assert.equal(control.liveObjects(), 0, 'component objects alive after close()');
  });

  void it('the owner window reaches IInitializeWithWindow.Initialize of the agent that applies', async () => {
    const handle = Buffer.alloc(8);
    handle.writeBigUInt64LE(0x3_01f4n);
    await mbb.provisioning.apply(conformanceDocument, {
      ownerWindow: handle,
      networkAccountId: provisioningAccountId,
    });
    await mbb.provisioning.apply(conformanceDocument);
    assert.deepEqual(
      control.provisioningApplied().map((a) => [a.networkAccountId, a.ownerWindow]),
      [
        [provisioningAccountId, 0x3_01f4n],
        ['', 0n],
      ],
    );
    assert.equal(control.provisioningCounts().initializeCalls, 1, 'only when a window is given');
  });

  void it('an agent without IInitializeWithWindow applies the document, with one warning', async () => {
    control.provisioningSetWindowInterface(false);
    const warnings = await warningsDuring(ownerWindowWarningCode, async () => {
      for (let i = 0; i < 2; i++) {
        const outcome = await mbb.provisioning.apply(conformanceDocument, { ownerWindow: 0x42n });
        assert.equal(outcome.allElementsProvisioned, true);
      }
    });
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, /IInitializeWithWindow/);
    assert.deepEqual(
      control.provisioningApplied().map((a) => a.ownerWindow),
      [0n, 0n],
    );
    assert.equal(control.provisioningCounts().initializeCalls, 0);
  });

  void it('failing HRESULTs are typed errors naming the call and the HRESULT, never the document', async () => {
    control.setFailure('ProvisioningAgent.ProvisionFromXmlDocumentAsync', 0x800706ba);
    await assert.rejects(
      mbb.provisioning.apply(conformanceDocument),
      rejectsWith('ERR_SERVICE_UNAVAILABLE', (error) => {
        assert.match(error.message, /ProvisioningAgent\.ProvisionFromXmlDocumentAsync/);
        assert.match(error.message, /WwanSvc/);
        assert.equal(error.details?.hresult, '0x800706ba');
      }),
    );
    control.setFailure('ProvisioningAgent.ProvisionFromXmlDocumentAsync', 0);
    control.provisioningScriptNext({ operationError: 0x80004005 });
    await assert.rejects(
      mbb.provisioning.apply(conformanceDocument),
      rejectsWith('ERR_WINDOWS', (error) => assert.equal(error.hresult, 0x80004005)),
    );
    control.setFailure('IInitializeWithWindow.Initialize', 0x80070057);
    await assert.rejects(
      mbb.provisioning.apply(conformanceDocument, { ownerWindow: 0x10n }),
      rejectsWith('ERR_INVALID_ARGUMENT', (error) =>
        assert.match(error.message, /IInitializeWithWindow\.Initialize/),
      ),
    );
    control.setFailure('ProvisioningAgent()', 0x80040154);
    await assert.rejects(
      mbb.provisioning.apply(conformanceDocument),
      rejectsWith('ERR_CLASS_NOT_REGISTERED'),
    );
    // Only the scripted failure reached Windows' operation; the others stopped before it.
    assert.equal(control.provisioningApplied().length, 1);
  });

  void it('an abort mid-way cancels through IAsyncInfo.Cancel; Windows confirms; ERR_ABORTED', async () => {
    control.provisioningScriptNext({ durationMs: 30_000 });
    const controller = new AbortController();
    const applying = mbb.provisioning.apply(conformanceDocument, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(applying, rejectsWith('ERR_ABORTED'));
    assert.ok(Date.now() - started < 10_000, 'Windows ended it when cancelled');
    assert.equal(control.operationCounts().cancelCalls, 1);
  });

  void it('a completion inside put_Completed and one on another thread both settle', async () => {
    control.setCompletion(1);
    assert.equal((await mbb.provisioning.apply(conformanceDocument)).allElementsProvisioned, true);
    control.setCompletion(0);
    assert.equal((await mbb.provisioning.apply(conformanceDocument)).allElementsProvisioned, true);
    const counts = control.operationCounts();
    assert.equal(counts.synchronous, 1);
    assert.equal(counts.otherThread, 1);
  });

  void it('close() while Windows applies a document: ERR_CLOSED, and Windows cancels it', async () => {
    control.provisioningScriptNext({ durationMs: 30_000 });
    const applying = assert.rejects(
      mbb.provisioning.apply(conformanceDocument),
      rejectsWith('ERR_CLOSED'),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await backend.close();
    await applying;
    assert.equal(control.operationCounts().cancelCalls, 1);
  });

  void it("every agent is made, used and released on one thread (the addon's MTA thread)", async () => {
    await mbb.provisioning.apply(conformanceDocument, { ownerWindow: 0x77n });
    await mbb.provisioning.apply(conformanceDocument, { networkAccountId: provisioningAccountId });
    control.provisioningScriptNext({ operationError: 0x80070005 });
    await assert.rejects(mbb.provisioning.apply(conformanceDocument));
    await mbb.close();
    control.waitIdle(5000);
    const counts = control.provisioningCounts();
    assert.equal(counts.agents, 3);
    assert.equal(counts.foreignThreadCalls, 0);
  });

  void it('wmbb provision apply <file> --json on the native backend', () => {
    const root = process.env.WMBB_PACKAGE_ROOT!;
    const cli = `${root}\\dist\\cli\\main.js`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wmbb-provision-')), 'carrier.xml');
    writeFileSync(file, conformanceDocument);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, 'provision', 'apply', file, '--json', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const applied = run([]);
    assert.equal(applied.status, 0, applied.stderr);
    const json = JSON.parse(applied.stdout) as {
      file: string;
      allElementsProvisioned: boolean;
      results: { path: string; name?: string; success: boolean }[];
    };
    assert.equal(json.file, file);
    assert.equal(json.allElementsProvisioned, true);
    assert.deepEqual(
      json.results.map((r) => [r.path, r.name, r.success]),
      [
        ['Issuer', undefined, true],
        ['Subscriber', undefined, true],
        ['MBNProfiles', undefined, true],
        ['MBNProfiles/DefaultProfile', 'Contoso', true],
        ['Plans', undefined, true],
        ['Plans/Plan', 'Contoso Data', true],
      ],
    );
    // That process's Windows has no account: the id is masked, and the exit code says so.
    const unknown = run(['--account', '{11111111-2222-3333-4444-555555555555}']);
    assert.equal(unknown.status, 1, unknown.stderr);
    assert.match(unknown.stderr, /ERR_INVALID_ARGUMENT/);
    assert.ok(!unknown.stderr.includes('{11111111-2222-3333-4444-555555555555}'), unknown.stderr);
    for (const text of [applied.stdout, applied.stderr, unknown.stdout, unknown.stderr])
      assert.ok(!text.includes(password), 'no password printed');
  });
  // Last: the JS thread stays an STA for the rest of the process.
  void it("from a JS thread that is an STA (Electron's main process), every call completes", async () => {
    assert.equal(control.makeSta(), 'sta');
    const outcome = await mbb.provisioning.apply(conformanceDocument, {
      ownerWindow: 0x99n,
      networkAccountId: provisioningAccountId,
    });
    assert.equal(outcome.allElementsProvisioned, true);
    control.provisioningScriptNext({ durationMs: 30_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(
      mbb.provisioning.apply(conformanceDocument, { signal: controller.signal }),
      rejectsWith('ERR_ABORTED'),
    );
    await mbb.close();
    control.waitIdle(5000);
    assert.equal(control.provisioningCounts().foreignThreadCalls, 0);
    assert.deepEqual(
      control.provisioningApplied().map((a) => a.ownerWindow),
      [0x99n, 0n],
    );
  });
});
