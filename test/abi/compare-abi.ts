/**
 * Compares the IDL model with the reference metadata (test/abi/reference/windows-abi.json):
 * every declared interface's IID and every method's slot, every delegate's IID, every runtime
 * class's interfaces, statics and factories,
 * every enum value, every struct, every parameterized instantiation's IID. Returns the
 * differences as sentences; none means the mingw build calls the slots Windows has.
 */

import type { IdlModel } from './idl-model.js';
import { instantiationIid, referenceName } from './winrt-signature.js';

/** test/abi/reference/windows-abi.json (made by generate-reference.ts). */
export interface AbiReference {
  interfaces: Record<string, { iid: string; methods: { slot: number; abi: string }[] }>;
  /** Non-generic delegates (Invoke at slot 3): their IIDs. */
  delegates: Record<string, { iid: string }>;
  classes: Record<
    string,
    { default: string | null; implements: string[]; statics: string[]; factories: string[] }
  >;
  enums: Record<string, { underlying: string; members: [string, number][] }>;
  structs: Record<string, { fields: [string, string][] }>;
  /** Keyed by short type names: `IVectorView<ConnectionProfile>`, `IReference<UINT32>`. */
  generics: Record<string, { iid: string }>;
}

/** Vtable slot of the first own method of an IInspectable-derived interface. */
const firstSlot = 6;

export function compareAbi(model: IdlModel, reference: AbiReference): string[] {
  const problems: string[] = [];

  for (const declared of model.interfaces.values()) {
    const official = reference.interfaces[declared.name];
    if (official === undefined) {
      problems.push(`${declared.name}: not in the reference metadata`);
      continue;
    }
    if (declared.iid !== official.iid.toLowerCase()) {
      problems.push(`${declared.name}: IID ${declared.iid}, official ${official.iid}`);
    }
    const officialMethods = official.methods
      .map((m) => ({ slot: m.slot, name: /^(\w+)\(/.exec(m.abi)?.[1] ?? m.abi }))
      .sort((a, b) => a.slot - b.slot);
    const count = Math.max(officialMethods.length, declared.methods.length);
    for (let i = 0; i < count; i++) {
      const mine = declared.methods[i]?.abiName;
      const theirs = officialMethods[i];
      if (theirs !== undefined && theirs.slot !== firstSlot + i) {
        problems.push(`${declared.name}: reference slots are not contiguous at ${theirs.slot}`);
        break;
      }
      if (mine !== theirs?.name) {
        problems.push(
          `${declared.name}: slot ${firstSlot + i} is ${mine ?? '(missing)'} here, ${theirs?.name ?? '(none)'} officially`,
        );
      }
    }
  }

  for (const [name, iid] of model.delegates) {
    const official = reference.delegates[name];
    if (official === undefined) problems.push(`delegate ${name}: not in the reference metadata`);
    else if (iid !== official.iid.toLowerCase()) {
      problems.push(`delegate ${name}: IID ${iid}, official ${official.iid}`);
    }
  }

  for (const declared of model.classes.values()) {
    const official = reference.classes[declared.name];
    if (official === undefined) {
      problems.push(`runtime class ${declared.name}: not in the reference metadata`);
      continue;
    }
    if ((declared.defaultInterface ?? null) !== (official.default ?? null)) {
      problems.push(
        `runtime class ${declared.name}: default interface ${declared.defaultInterface ?? 'none'}, officially ${official.default ?? 'none'}`,
      );
    }
    for (const name of declared.interfaces) {
      if (!official.implements.includes(name)) {
        problems.push(`runtime class ${declared.name}: does not implement ${name} officially`);
      }
    }
    for (const name of declared.statics) {
      if (!official.statics.includes(name)) {
        problems.push(
          `runtime class ${declared.name}: ${name} is not one of its statics officially`,
        );
      }
    }
    for (const name of declared.factories) {
      if (!official.factories.includes(name)) {
        problems.push(
          `runtime class ${declared.name}: ${name} is not one of its factories officially`,
        );
      }
    }
  }

  for (const [name, members] of model.enums) {
    const official = reference.enums[name];
    if (official === undefined) {
      problems.push(`enum ${name}: not in the reference metadata`);
      continue;
    }
    if (model.flagEnums.has(name) !== (official.underlying === 'UInt32')) {
      problems.push(
        `enum ${name}: ${model.flagEnums.has(name) ? '[flags]' : 'not [flags]'} here, ${official.underlying} officially`,
      );
    }
    const officialMembers = new Map(official.members);
    for (const [member, value] of members) {
      if (officialMembers.get(member) !== value) {
        problems.push(
          `enum ${name}.${member} = ${value}, officially ${String(officialMembers.get(member))}`,
        );
      }
    }
    for (const member of officialMembers.keys()) {
      if (!members.has(member)) problems.push(`enum ${name}: ${member} is missing`);
    }
  }

  for (const [name, fields] of model.structs) {
    const official = reference.structs[name];
    if (official === undefined) {
      problems.push(`struct ${name}: not in the reference metadata`);
      continue;
    }
    const mine = fields.map((field) => field.split(/\s+/).pop());
    const theirs = official.fields.map(([field]) => field);
    if (mine.join(',') !== theirs.join(',')) {
      problems.push(`struct ${name}: fields ${mine.join(', ')}, officially ${theirs.join(', ')}`);
    }
  }

  for (const instantiation of model.instantiations) {
    const name = referenceName(instantiation);
    const official = reference.generics[name];
    if (official === undefined) {
      problems.push(`${name}: not in the reference metadata`);
      continue;
    }
    let iid: string;
    try {
      iid = instantiationIid(instantiation, model);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    if (iid !== official.iid.toLowerCase()) {
      problems.push(`${name}: IID ${iid} (computed from native/abi), official ${official.iid}`);
    }
  }
  return problems;
}
