/**
 * The IID Windows gives a parameterized interface: UUIDv5 (SHA-1) over its signature string
 * in the WinRT namespace 11f47ad5-7b73-42c0-abae-878b1e16adee. widl computes the same at build
 * time; the test computes it from the IDL so that a wrong PIID, default interface or type
 * argument in native/abi shows up on any OS, before a build.
 */

import { createHash } from 'node:crypto';
import type { IdlModel } from './idl-model.js';

const winrtNamespace = '11f47ad5-7b73-42c0-abae-878b1e16adee';

/**
 * PIIDs of the Windows.Foundation generics that native/abi takes from Wine 8's IDLs (the
 * official values; the Wine lane's build compiles against them).
 */
export const foundationPiids: Readonly<Record<string, string>> = {
  IAsyncOperation: '9fc2b0bb-e446-44e2-aa61-9cab8f636af2',
  AsyncOperationCompletedHandler: 'fcdcf02c-e5d8-4478-915a-4d90b74b83a5',
  TypedEventHandler: '9de1c534-6ae1-11e0-84e1-18a905bcc53f',
  EventHandler: '9de1c535-6ae1-11e0-84e1-18a905bcc53f',
  IReference: '61c17706-2d65-11e0-9ae8-d48564015472',
  IVectorView: 'bbe1fa4c-b0e3-4583-baef-1f1b2e483e56',
  IIterable: 'faa585ea-6214-4217-afda-7f46de5869b3',
  IIterator: '6a79e863-4300-459a-9966-cbb660963ee1',
};

const primitives: Readonly<Record<string, string>> = {
  INT32: 'i4',
  UINT32: 'u4',
  INT64: 'i8',
  UINT64: 'u8',
  DOUBLE: 'f8',
  boolean: 'b1',
  BYTE: 'u1',
  HSTRING: 'string',
  'Windows.Foundation.DateTime': 'struct(Windows.Foundation.DateTime;i8)',
  'Windows.Foundation.TimeSpan': 'struct(Windows.Foundation.TimeSpan;i8)',
};

/** UUIDv5 of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A `declare {}` entry split into its generic name and type arguments (namespaces kept). */
export function splitInstantiation(text: string): { name: string; args: string[] } {
  const match = /^(?:[\w.]+\.)?(\w+)<(.*)>$/.exec(text.trim());
  if (match === null) throw new Error(`not a generic instantiation: ${text}`);
  return { name: match[1]!, args: match[2]!.split(',').map((arg) => arg.trim()) };
}

/**
 * The name the reference JSON uses, namespaces and pointers left out:
 * `TypedEventHandler<ESimWatcher, IInspectable>`, `IVectorView<ConnectionProfile>`.
 */
export function referenceName(text: string): string {
  const { name, args } = splitInstantiation(text);
  const short = args.map((arg) =>
    arg
      .replace(/\b(?:[A-Z]\w*\.)+(?=\w)/g, '')
      .replace(/\s*\*/g, '')
      .trim(),
  );
  return `${name}<${short.join(', ')}>`;
}

function typeSignature(arg: string, model: IdlModel): string {
  const type = arg.replace(/\s*\*$/, '').trim();
  if (type === 'IInspectable') return 'cinterface(IInspectable)';
  // A generic argument that is itself an instantiation: IAsyncOperation<IVectorView<Radio *> *>.
  if (type.includes('<'))
    return instantiationSignature(type.replace(/^(?:\w+\.)+(?=\w+<)/, ''), model);
  if (primitives[type] !== undefined) return primitives[type];
  const short = type.replace(/^.*\./, '');
  const namespace = model.namespaces.get(short);
  if (namespace !== undefined && type.includes('.') && !type.startsWith(`${namespace}.`)) {
    throw new Error(`${type}: declared in ${namespace}`);
  }
  const runtimeClass = model.classes.get(short);
  if (runtimeClass !== undefined) {
    const defaultInterface = runtimeClass.defaultInterface;
    const iid = defaultInterface && model.interfaces.get(defaultInterface)?.iid;
    if (!iid) throw new Error(`runtime class ${short} has no default interface with a uuid`);
    return `rc(${namespace}.${short};{${iid}})`;
  }
  const fields = model.structs.get(short);
  if (fields !== undefined) {
    const fieldSignatures = fields.map((field) => {
      const fieldType = field.split(/\s+/)[0]!;
      const signature = primitives[fieldType];
      if (signature === undefined)
        throw new Error(`struct ${short}: unknown field type ${fieldType}`);
      return signature;
    });
    return `struct(${namespace}.${short};${fieldSignatures.join(';')})`;
  }
  const enumValues = model.enums.get(short);
  if (enumValues !== undefined) {
    // [flags] enums are UInt32, the others Int32.
    return `enum(${namespace}.${short};${model.flagEnums.has(short) ? 'u4' : 'i4'})`;
  }
  throw new Error(`no signature for type ${type}`);
}

/** The WinRT signature string of a `declare {}` entry. */
export function instantiationSignature(text: string, model: IdlModel): string {
  const { name, args } = splitInstantiation(text);
  const piid = model.genericPiids.get(name) ?? foundationPiids[name];
  if (piid === undefined) throw new Error(`no PIID known for generic ${name}`);
  return `pinterface({${piid}};${args.map((arg) => typeSignature(arg, model)).join(';')})`;
}

/** The IID of a `declare {}` entry. */
export function instantiationIid(text: string, model: IdlModel): string {
  return uuidV5(winrtNamespace, instantiationSignature(text, model));
}
