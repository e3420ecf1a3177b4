/**
 * Windows.Networking.IHostName is declared by hand in C++ (native/winrt/tethering/
 * host-name-abi.h): native/abi does not declare the Windows.Networking namespace. Its IID is
 * checked through the official IID of IVectorView<HostName>, computed from it with the WinRT
 * pinterface algorithm, and its slot order against the official order (slot 7 get_RawName in the
 * reference, the rest from Windows.Networking's metadata).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbiReference } from './compare-abi.js';
import { foundationPiids, uuidV5 } from './winrt-signature.js';

const header = readFileSync(
  path.join(__dirname, '..', '..', 'native', 'winrt', 'tethering', 'host-name-abi.h'),
  'utf8',
);
const reference = JSON.parse(
  readFileSync(path.join(__dirname, 'reference', 'windows-abi.json'), 'utf8'),
) as AbiReference;

const winrtNamespace = '11f47ad5-7b73-42c0-abae-878b1e16adee';

function declaredIid(text: string): string | undefined {
  return /MIDL_INTERFACE\("([0-9a-f-]+)"\)\s*IHostName/.exec(text)?.[1];
}

/** IVectorView<HostName>'s IID if IHostName had `iid`. */
function vectorIid(iid: string): string {
  return uuidV5(
    winrtNamespace,
    `pinterface({${foundationPiids.IVectorView}};rc(Windows.Networking.HostName;{${iid}}))`,
  );
}

describe('IHostName declared by hand (host-name-abi.h)', () => {
  it('has the official IID and slot order', () => {
    const iid = declaredIid(header);
    expect(iid).toBeDefined();
    expect(vectorIid(iid!)).toBe(reference.generics['IVectorView<HostName>']?.iid.toLowerCase());
    const decl = /__CRT_UUID_DECL\(wmbb::host_name::IHostName,([^)]*)\)/.exec(header)?.[1];
    const parts = decl!.split(',').map((part) => BigInt(part.trim()));
    const hex = (value: bigint, width: number): string => value.toString(16).padStart(width, '0');
    const bytes = parts.slice(3).map((b) => hex(b, 2));
    expect(
      `${hex(parts[0]!, 8)}-${hex(parts[1]!, 4)}-${hex(parts[2]!, 4)}-${bytes.slice(0, 2).join('')}-${bytes.slice(2).join('')}`,
    ).toBe(iid);
    const methods = [
      ...header.matchAll(/\/\* slot (\d+) \*\/ virtual HRESULT STDMETHODCALLTYPE (\w+)\(/g),
    ];
    expect(methods.map((m) => [Number(m[1]), m[2]])).toEqual([
      [6, 'get_IPInformation'],
      [7, 'get_RawName'],
      [8, 'get_DisplayName'],
      [9, 'get_CanonicalName'],
      [10, 'get_Type'],
      [11, 'IsEqual'],
    ]);
  });

  it('would notice a wrong IID', () => {
    expect(vectorIid('bf8ecaad-ed96-49a7-9084-d416cae88dcc')).not.toBe(
      reference.generics['IVectorView<HostName>']?.iid.toLowerCase(),
    );
  });
});
