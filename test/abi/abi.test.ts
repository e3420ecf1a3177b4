/**
 * The ABI check (any OS, any checkout): every interface and delegate native/abi/*.idl declares
 * for the mingw build has the official IID and vtable slot order, and every parameterized
 * instantiation the official IID. The reference is test/abi/reference/windows-abi.json, kept
 * in the repository (made from the project's shared reference by generate-reference.ts), so
 * this never skips.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAbi, type AbiReference } from './compare-abi.js';
import { parseIdl } from './idl-model.js';

const abiFolder = path.join(__dirname, '..', '..', 'native', 'abi');
const networkOperators = 'windows.networking.networkoperators.idl';
const connectivity = 'windows.networking.connectivity.idl';

const readReference = (file: string): AbiReference =>
  JSON.parse(readFileSync(path.join(__dirname, 'reference', file), 'utf8')) as AbiReference;
/** The generated reference, and Windows.Devices.Radios beside it (radios-abi.json, by hand). */
const reference = mergeReferences(
  readReference('windows-abi.json'),
  readReference('radios-abi.json'),
);

function mergeReferences(...parts: AbiReference[]): AbiReference {
  const merged = (key: keyof AbiReference) =>
    Object.assign({}, ...parts.map((part) => part[key])) as never;
  return {
    interfaces: merged('interfaces'),
    delegates: merged('delegates'),
    classes: merged('classes'),
    enums: merged('enums'),
    structs: merged('structs'),
    generics: merged('generics'),
  };
}

/** Every IDL file of native/abi by name, each possibly edited by `change`. */
function sources(change: Record<string, (text: string) => string> = {}): string[] {
  const files = readdirSync(abiFolder).filter((file) => file.endsWith('.idl'));
  return files.sort().map((file) => {
    const text = readFileSync(path.join(abiFolder, file), 'utf8');
    const changed = change[file]?.(text) ?? text;
    if (change[file] !== undefined) expect(changed, `the edit of ${file} applied`).not.toBe(text);
    return changed;
  });
}

describe('native/abi against the official metadata', () => {
  it('matches the reference', () => {
    const model = parseIdl(...sources());
    expect(compareAbi(model, reference)).toEqual([]);
    // Everything the addon calls is declared (a parse that found nothing would pass above).
    expect(model.interfaces.size).toBeGreaterThanOrEqual(58);
    expect(model.instantiations.length).toBeGreaterThanOrEqual(45);
    for (const name of [
      'IESimManagerStatics',
      'IESimWatcher',
      'IESim3',
      'IMobileBroadbandAccountStatics',
      'IMobileBroadbandAccountWatcher',
      'IMobileBroadbandModem',
      'INetworkOperatorNotificationEventDetails',
      'ITetheringEntitlementCheckTriggerDetails',
      'INetworkOperatorTetheringManager',
      'IUssdSession',
      'IProvisioningAgent',
      'INetworkInformationStatics',
      'IConnectionProfile2',
      'IWwanConnectionProfileDetails',
      'IDataPlanStatus',
      'IConnectionCost',
      'IBackgroundTask',
      'IBackgroundTaskInstance',
      'IBackgroundTaskDeferral',
      'IBackgroundTaskBuilder',
      'IBackgroundTaskRegistration2',
      'IBackgroundTaskRegistrationStatics',
      'INetworkOperatorNotificationTriggerFactory',
      'IBackgroundExecutionManagerStatics',
    ]) {
      expect(model.interfaces.has(name), name).toBe(true);
    }
    expect([...model.delegates.keys()].sort()).toEqual([
      'BackgroundTaskCanceledEventHandler',
      'NetworkStatusChangedEventHandler',
    ]);
  });

  it('reports two swapped methods (IESimWatcher Start/Stop)', () => {
    const swapped = sources({
      [networkOperators]: (idl) =>
        idl.replace(
          /HRESULT Start\(\);\s*HRESULT Stop\(\);/,
          'HRESULT Stop();\n        HRESULT Start();',
        ),
    });
    expect(compareAbi(parseIdl(...swapped), reference)).toEqual([
      'IESimWatcher: slot 7 is Stop here, Start officially',
      'IESimWatcher: slot 8 is Start here, Stop officially',
    ]);
  });

  it('reports two swapped methods in a new interface (MobileBroadbandAccountWatcher Start/Stop)', () => {
    const swapped = sources({
      [networkOperators]: (idl) =>
        idl.replace(
          /(Windows\.Networking\.NetworkOperators\.MobileBroadbandAccountWatcherStatus \*result\);\s*)HRESULT Start\(\);\s*HRESULT Stop\(\);/,
          '$1HRESULT Stop();\n        HRESULT Start();',
        ),
    });
    expect(compareAbi(parseIdl(...swapped), reference)).toEqual([
      'IMobileBroadbandAccountWatcher: slot 17 is Stop here, Start officially',
      'IMobileBroadbandAccountWatcher: slot 18 is Start here, Stop officially',
    ]);
  });

  it('reports a method left out of a new interface (IConnectionProfile2)', () => {
    const shortened = sources({
      [connectivity]: (idl) =>
        idl.replace(/\s*\[propget\] HRESULT IsWlanConnectionProfile\([^;]*;/, ''),
    });
    const problems = compareAbi(parseIdl(...shortened), reference);
    expect(problems).toContain(
      'IConnectionProfile2: slot 7 is get_WwanConnectionProfileDetails here, get_IsWlanConnectionProfile officially',
    );
  });

  it('reports a wrong IID, enum value and generic PIID', () => {
    const broken = sources({
      [networkOperators]: (idl) =>
        idl
          .replace(
            'uuid(c1f84ceb-a28d-4fbf-9771-6e31b81ccf22)',
            'uuid(c1f84ceb-a28d-4fbf-9771-6e31b81ccf23)',
          )
          .replace('Busy    = 3,', 'Busy    = 4,')
          .replace(
            'uuid(b5d036d7-e297-498f-ba60-0289e76e23dd)',
            'uuid(b5d036d7-e297-498f-ba60-0289e76e23de)',
          ),
    });
    const problems = compareAbi(parseIdl(...broken), reference);
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

  it('reports a wrong IID in the new namespaces: interface, delegate, and the generics it is part of', () => {
    const broken = sources({
      [connectivity]: (idl) =>
        idl
          .replace(
            'uuid(71ba143c-598e-49d0-84eb-8febaedcc195)',
            'uuid(71ba143c-598e-49d0-84eb-8febaedcc196)',
          )
          .replace(
            'uuid(71ba143f-598e-49d0-84eb-8febaedcc195)',
            'uuid(71ba143f-598e-49d0-84eb-8febaedcc196)',
          ),
    });
    const problems = compareAbi(parseIdl(...broken), reference);
    expect(problems).toContain(
      'IConnectionProfile: IID 71ba143c-598e-49d0-84eb-8febaedcc196, official 71ba143c-598e-49d0-84eb-8febaedcc195',
    );
    expect(problems).toContain(
      'delegate NetworkStatusChangedEventHandler: IID 71ba143f-598e-49d0-84eb-8febaedcc196, official 71ba143f-598e-49d0-84eb-8febaedcc195',
    );
    // ConnectionProfile's default interface is part of IVectorView<ConnectionProfile>'s signature.
    expect(problems.some((p) => p.startsWith('IVectorView<ConnectionProfile>: IID'))).toBe(true);
  });

  it('reports a [flags] enum declared as a plain one (WwanDataClass is UInt32)', () => {
    const broken = sources({
      [connectivity]: (idl) => idl.replace(/\[flags\]\s*enum WwanDataClass/, 'enum WwanDataClass'),
    });
    expect(compareAbi(parseIdl(...broken), reference)).toEqual([
      'enum WwanDataClass: not [flags] here, UInt32 officially',
    ]);
  });
});
