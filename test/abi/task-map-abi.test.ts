/**
 * The AllTasks map's four interfaces are declared by hand in C++
 * (native/winrt/operator-tasks/task-map-abi.h), because Wine 8's widl cannot compute the IID of
 * an instantiation with a Guid argument: this checks their IIDs (both spellings in the header)
 * against the reference metadata and their methods against the official slot order of the
 * generic interfaces (IKeyValuePair, IIterator, IIterable, IMapView).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbiReference } from './compare-abi.js';

const header = readFileSync(
  path.join(__dirname, '..', '..', 'native', 'winrt', 'operator-tasks', 'task-map-abi.h'),
  'utf8',
);
const reference = JSON.parse(
  readFileSync(path.join(__dirname, 'reference', 'windows-abi.json'), 'utf8'),
) as AbiReference;

/** Each hand-declared interface: its instantiation in the reference, and the generic's slots. */
const expected = {
  ITaskRegistrationPair: {
    generic: 'IKeyValuePair<GUID, IBackgroundTaskRegistration>',
    methods: ['get_Key', 'get_Value'],
  },
  ITaskRegistrationIterator: {
    generic: 'IIterator<IKeyValuePair<GUID, IBackgroundTaskRegistration>>',
    methods: ['get_Current', 'get_HasCurrent', 'MoveNext', 'GetMany'],
  },
  ITaskRegistrationIterable: {
    generic: 'IIterable<IKeyValuePair<GUID, IBackgroundTaskRegistration>>',
    methods: ['First'],
  },
  ITaskRegistrationMap: {
    generic: 'IMapView<GUID, IBackgroundTaskRegistration>',
    methods: ['Lookup', 'get_Size', 'HasKey', 'Split'],
  },
} as const;

/** `{ iid, methods }` of each MIDL_INTERFACE in the header, methods in declaration order. */
function declared(text: string): Map<string, { iid: string; methods: string[] }> {
  const found = new Map<string, { iid: string; methods: string[] }>();
  const pattern = /MIDL_INTERFACE\("([0-9a-f-]+)"\)\s*(\w+)\s*:[^{]*\{([\s\S]*?)\n\};/g;
  for (const match of text.matchAll(pattern)) {
    const methods = [...match[3]!.matchAll(/STDMETHODCALLTYPE\s+(\w+)\(/g)].map((m) => m[1]!);
    found.set(match[2]!, { iid: match[1]!, methods });
  }
  return found;
}

/** The IID each __CRT_UUID_DECL gives, as text. */
function uuidDecls(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /__CRT_UUID_DECL\(wmbb::task_map::(\w+),([^)]*)\)/g;
  for (const match of text.matchAll(pattern)) {
    const parts = match[2]!.split(',').map((part) => BigInt(part.trim()));
    const hex = (value: bigint, width: number): string => value.toString(16).padStart(width, '0');
    const bytes = parts.slice(3).map((b) => hex(b, 2));
    found.set(
      match[1]!,
      `${hex(parts[0]!, 8)}-${hex(parts[1]!, 4)}-${hex(parts[2]!, 4)}-${bytes.slice(0, 2).join('')}-${bytes.slice(2).join('')}`,
    );
  }
  return found;
}

describe('the AllTasks map interfaces declared by hand (task-map-abi.h)', () => {
  it('have the official IIDs and the generic interfaces’ slot order', () => {
    const interfaces = declared(header);
    const decls = uuidDecls(header);
    expect([...interfaces.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [name, { generic, methods }] of Object.entries(expected)) {
      const official = reference.generics[generic]?.iid.toLowerCase();
      expect(official, generic).toBeDefined();
      expect(interfaces.get(name)?.iid, name).toBe(official);
      expect(decls.get(name), `${name} (__CRT_UUID_DECL)`).toBe(official);
      expect(interfaces.get(name)?.methods, name).toEqual(methods);
    }
  });

  it('would notice a wrong IID', () => {
    const wrong = header.replace('2001aea5-1a86-517e', '2001aea5-1a86-517f');
    expect(declared(wrong).get('ITaskRegistrationIterator')?.iid).not.toBe(
      reference.generics['IIterator<IKeyValuePair<GUID, IBackgroundTaskRegistration>>']?.iid,
    );
  });
});
