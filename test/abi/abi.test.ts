/**
 * The ABI check (any OS): every interface native/abi declares for the mingw build has the
 * official IID and vtable slot order, and every parameterized instantiation the official IID.
 * The reference is ../shared/reference/networkoperators-abi.json (or $WMBB_ABI_REFERENCE).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAbi, type AbiReference } from './compare-abi.js';
import { parseIdl } from './idl-model.js';

const root = path.join(__dirname, '..', '..');
const idlPath = path.join(root, 'native', 'abi', 'windows.networking.networkoperators.idl');
const referencePath =
  process.env.WMBB_ABI_REFERENCE ??
  path.join(root, '..', 'shared', 'reference', 'networkoperators-abi.json');
const haveReference = existsSync(referencePath);

function load(): { idl: string; reference: AbiReference } {
  return {
    idl: readFileSync(idlPath, 'utf8'),
    reference: JSON.parse(readFileSync(referencePath, 'utf8')) as AbiReference,
  };
}

describe('native/abi against the official metadata', () => {
  it.skipIf(!haveReference)(
    `matches ${haveReference ? 'the reference' : `the reference — skipped: ${referencePath} not found (set WMBB_ABI_REFERENCE)`}`,
    () => {
      const { idl, reference } = load();
      const model = parseIdl(idl);
      expect(compareAbi(model, reference)).toEqual([]);
      // Everything the addon calls is declared (a parse that found nothing would pass above).
      expect(model.interfaces.size).toBeGreaterThanOrEqual(17);
      expect(model.instantiations.length).toBeGreaterThanOrEqual(20);
      for (const name of [
        'IESimManagerStatics',
        'IESimWatcher',
        'IESim',
        'IESim3',
        'IESimProfile',
      ]) {
        expect(model.interfaces.has(name), name).toBe(true);
      }
    },
  );

  it.skipIf(!haveReference)('reports two swapped methods (IESimWatcher Start/Stop)', () => {
    const { idl, reference } = load();
    const swapped = idl.replace(
      /HRESULT Start\(\);\s*HRESULT Stop\(\);/,
      'HRESULT Stop();\n        HRESULT Start();',
    );
    expect(swapped).not.toBe(idl);
    expect(compareAbi(parseIdl(swapped), reference)).toEqual([
      'IESimWatcher: slot 7 is Stop here, Start officially',
      'IESimWatcher: slot 8 is Start here, Stop officially',
    ]);
  });

  it.skipIf(!haveReference)('reports a wrong IID, enum value and generic PIID', () => {
    const { idl, reference } = load();
    const broken = idl
      .replace(
        'uuid(c1f84ceb-a28d-4fbf-9771-6e31b81ccf22)',
        'uuid(c1f84ceb-a28d-4fbf-9771-6e31b81ccf23)',
      )
      .replace('Busy    = 3,', 'Busy    = 4,')
      .replace(
        'uuid(b5d036d7-e297-498f-ba60-0289e76e23dd)',
        'uuid(b5d036d7-e297-498f-ba60-0289e76e23de)',
      );
    const problems = compareAbi(parseIdl(broken), reference);
    expect(problems).toContain(
      'IESimWatcher: IID c1f84ceb-a28d-4fbf-9771-6e31b81ccf23, official c1f84ceb-a28d-4fbf-9771-6e31b81ccf22',
    );
    expect(problems).toContain('enum ESimState.Busy = 4, officially 3');
    expect(
      problems.some((p) =>
        p.startsWith(
          'IAsyncOperationWithProgress<ESimOperationResult, ESimProfileInstallProgress>: IID',
        ),
      ),
    ).toBe(true);
    // The watcher's IID is part of the TypedEventHandler<ESimWatcher, …> signatures too.
    expect(
      problems.some((p) => p.startsWith('TypedEventHandler<ESimWatcher, ESimAddedEventArgs>: IID')),
    ).toBe(true);
  });
});
