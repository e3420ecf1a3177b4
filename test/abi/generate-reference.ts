/**
 * Makes test/abi/reference/windows-abi.json, the official ABI facts the ABI test reads, from
 * the project's shared reference folder (not part of this repository):
 *
 * - networkoperators-abi.json: Windows.Networking.NetworkOperators (interfaces, runtime classes,
 *   enums, structs, parameterized instantiations), from the Windows metadata;
 * - background-connectivity-abi.md: the Windows.ApplicationModel.Background and
 *   Windows.Networking.Connectivity tables (IIDs, vtable slots, delegates, enums, instantiated
 *   generic IIDs), generated from py-win32more and cross-checked against windows-rs.
 *
 * The JSON is committed so that the test runs (never skips) in any checkout; run this again only
 * when the shared reference changes:
 *
 *   npx tsx test/abi/generate-reference.ts [folder holding the two files]
 *
 * (default: ../shared/reference beside the repository). Where both sources describe the same
 * interface they must agree, or nothing is written.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { AbiReference } from './compare-abi.js';

const root = path.join(__dirname, '..', '..');
const sharedFolder = process.argv[2] ?? path.join(root, '..', 'shared', 'reference');
const output = path.join(__dirname, 'reference', 'windows-abi.json');

interface NetworkOperatorsJson {
  interfaces: AbiReference['interfaces'];
  classes: Record<
    string,
    { default: string | null; implements: string[]; statics: string[]; factories: string[] }
  >;
  enums: Record<string, { underlying: string; members: [string, number][] }>;
  structs: Record<string, { fields: [string, string][] }>;
  generics: Record<string, { iid: string; sig: string }>;
}

/** Type names as native/abi spells them, so one key serves both sources. */
const typeNames: Record<string, string> = {
  Object: 'IInspectable',
  String: 'HSTRING',
  Boolean: 'boolean',
  UInt8: 'BYTE',
  Byte: 'BYTE',
  Int32: 'INT32',
  UInt32: 'UINT32',
  Int64: 'INT64',
  UInt64: 'UINT64',
  Double: 'DOUBLE',
  Guid: 'GUID',
};

/** `IVectorView<Windows.Networking.Connectivity.ConnectionProfile>` → `IVectorView<ConnectionProfile>`. */
function genericKey(name: string): string {
  return name
    .replace(/\b(?:[A-Z]\w*\.)+(?=\w)/g, '')
    .replace(/\b\w+\b/g, (word) => typeNames[word] ?? word)
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+>/g, '>');
}

function fail(message: string): never {
  throw new Error(`generate-reference: ${message}`);
}

/** The interface and delegate tables, instantiations, enums and activation of the markdown. */
function readMarkdown(text: string): {
  interfaces: AbiReference['interfaces'];
  delegates: Record<string, { iid: string }>;
  generics: Record<string, { iid: string }>;
  enums: Record<string, { underlying: string; members: [string, number][] }>;
  structs: Record<string, { fields: [string, string][] }>;
  defaults: Map<string, string>;
  activation: Map<string, { statics: string[]; factories: string[] }>;
} {
  const interfaces: AbiReference['interfaces'] = {};
  const delegates: Record<string, { iid: string }> = {};
  for (const section of text.split(/^### /m).slice(1)) {
    const heading = /^(\w+)( \(delegate)?/.exec(section);
    const iid = /^IID `\{([0-9A-Fa-f-]{36})\}`/m.exec(section)?.[1]?.toLowerCase();
    if (heading === null || iid === undefined) continue;
    const name = heading[1]!;
    if (heading[2] !== undefined) {
      delegates[name] = { iid };
      continue;
    }
    const methods = [...section.matchAll(/^\| (\d+) \| `HRESULT (.*)` \|$/gm)].map((row) => ({
      slot: Number(row[1]),
      abi: row[2]!,
    }));
    const previous = interfaces[name];
    if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify({ iid, methods })) {
      fail(`${name} appears twice with different tables`);
    }
    interfaces[name] = { iid, methods };
  }

  const generics: Record<string, { iid: string }> = {};
  const instantiations = /### Instantiated generic IIDs[\s\S]*?(?=\n#|\nHow to map)/.exec(text);
  if (instantiations === null) fail('no "Instantiated generic IIDs" table');
  for (const row of instantiations[0].matchAll(/^\| (\S.*?) \| \{([0-9A-Fa-f-]{36})\} \|$/gm)) {
    generics[genericKey(row[1]!)] = { iid: row[2]!.toLowerCase() };
  }

  // "* `A` (INT32): X 0, Y 1." — one line may name two enums that share their values.
  const enums: Record<string, { underlying: string; members: [string, number][] }> = {};
  const enumSection = /## Enums used\n([\s\S]*?)\n## /.exec(text);
  if (enumSection === null) fail('no "Enums used" section');
  for (const line of enumSection[1]!.split('\n').filter((l) => l.startsWith('* '))) {
    const colon = line.lastIndexOf(':');
    const head = line.slice(0, colon);
    const members = line
      .slice(colon + 1)
      .replace(/\.\s*$/, '')
      .split(',')
      .map((member): [string, number] => {
        const match = /^\s*(\w+) (0x[0-9A-Fa-f]+|\d+)\s*$/.exec(member);
        if (match === null) fail(`cannot read enum member ${JSON.stringify(member)}`);
        return [match[1]!, Number(match[2])];
      });
    const underlying = /flags/.test(head) ? 'UInt32' : 'Int32';
    for (const name of head.matchAll(/`(\w+)`/g)) enums[name[1]!] = { underlying, members };
  }

  // The conventions name one struct and its enum: "`NetworkUsageStates` = `{ INT32 Roaming
  // /*TriStates*/; INT32 Shared /*TriStates*/ }` … `TriStates`: DoNotCare=0, No=1, Yes=2."
  const structs: Record<string, { fields: [string, string][] }> = {};
  for (const match of text.matchAll(/^\s*\* `(\w+)` = `\{([^}]*)\}`(.*)$/gm)) {
    structs[match[1]!] = {
      fields: match[2]!
        .split(';')
        .map((field) => /^\s*(\w+) (\w+)/.exec(field))
        .filter((field) => field !== null)
        .map((field): [string, string] => [field[2]!, field[1]!]),
    };
    for (const named of match[3]!.matchAll(/`(\w+)`: ((?:\w+=\d+(?:, )?)+)/g)) {
      enums[named[1]!] = {
        underlying: 'Int32',
        members: named[2]!.split(', ').map((member): [string, number] => {
          const [name, value] = member.split('=');
          return [name!, Number(value)];
        }),
      };
    }
  }

  // A class at the ABI is a pointer to its default interface: `IX** result /*ClassName*/`.
  const defaults = new Map<string, string>();
  for (const match of text.matchAll(/\b(I\w+)\*+ (?:\w+ )?\/\*([\w.]+)\*\//g)) {
    const className = match[2]!.replace(/^.*\./, '');
    const known = defaults.get(className);
    if (known !== undefined && known !== match[1]) {
      fail(`${className}: default interface ${known} or ${match[1]}`);
    }
    defaults.set(className, match[1]!);
  }

  const activation = new Map<string, { statics: string[]; factories: string[] }>();
  for (const row of text.matchAll(/^\| `Windows\.[\w.]+\.(\w+)` \| ([^|]*) \|/gm)) {
    activation.set(row[1]!, {
      statics: [...row[2]!.matchAll(/\b(I\w+Statics\d*)\b/g)].map((m) => m[1]!),
      factories: [...row[2]!.matchAll(/\b(I\w+Factory)\b/g)].map((m) => m[1]!),
    });
  }
  return { interfaces, delegates, generics, enums, structs, defaults, activation };
}

async function main(): Promise<void> {
  const operators = JSON.parse(
    readFileSync(path.join(sharedFolder, 'networkoperators-abi.json'), 'utf8'),
  ) as NetworkOperatorsJson;
  const markdown = readMarkdown(
    readFileSync(path.join(sharedFolder, 'background-connectivity-abi.md'), 'utf8'),
  );

  const interfaces: AbiReference['interfaces'] = {};
  for (const [name, value] of Object.entries(operators.interfaces)) {
    interfaces[name] = {
      iid: value.iid.toLowerCase(),
      methods: value.methods.map((m) => ({ slot: m.slot, abi: m.abi })),
    };
  }
  for (const [name, value] of Object.entries(markdown.interfaces)) {
    const known = interfaces[name];
    if (known === undefined) {
      interfaces[name] = value;
      continue;
    }
    const slots = (i: typeof value): string =>
      i.methods.map((m) => `${m.slot}:${/^(\w+)\(/.exec(m.abi)?.[1] ?? m.abi}`).join(' ');
    if (known.iid !== value.iid || slots(known) !== slots(value)) {
      fail(
        `${name}: the two sources disagree (${known.iid} ${slots(known)} / ${value.iid} ${slots(value)})`,
      );
    }
  }

  const classes: AbiReference['classes'] = {};
  for (const [name, value] of Object.entries(operators.classes)) {
    classes[name] = {
      default: value.default,
      implements: value.implements,
      statics: value.statics,
      factories: value.factories,
    };
  }
  // Classes of the markdown: the default interface from the ABI comments, the versioned
  // interfaces by the metadata's naming (IConnectionProfile2 belongs to ConnectionProfile),
  // statics and factories from the activation table.
  const classNames = new Set([...markdown.defaults.keys(), ...markdown.activation.keys()]);
  for (const name of classNames) {
    if (classes[name] !== undefined) continue;
    const defaultInterface = markdown.defaults.get(name) ?? null;
    const versioned = Object.keys(markdown.interfaces).filter((i) =>
      new RegExp(`^I${name}\\d+$`).test(i),
    );
    classes[name] = {
      default: defaultInterface,
      implements: defaultInterface === null ? versioned : [defaultInterface, ...versioned],
      statics: markdown.activation.get(name)?.statics ?? [],
      factories: markdown.activation.get(name)?.factories ?? [],
    };
  }

  const enums: AbiReference['enums'] = {};
  for (const [name, value] of Object.entries(operators.enums)) {
    // "UInt32 (flags)" in the metadata dump: the underlying type is what the ABI sees.
    enums[name] = {
      underlying: value.underlying.replace(/ \(flags\)$/, ''),
      members: value.members,
    };
  }
  for (const [name, value] of Object.entries(markdown.enums)) {
    const known = enums[name];
    if (known !== undefined && JSON.stringify(known.members) !== JSON.stringify(value.members)) {
      fail(`enum ${name}: the two sources disagree`);
    }
    enums[name] ??= value;
  }

  const generics: AbiReference['generics'] = {};
  for (const [name, value] of [
    ...Object.entries(operators.generics),
    ...Object.entries(markdown.generics),
  ]) {
    const key = genericKey(name);
    const known = generics[key];
    if (known !== undefined && known.iid !== value.iid.toLowerCase()) {
      fail(`${key}: the two sources disagree (${known.iid} / ${value.iid})`);
    }
    generics[key] = { iid: value.iid.toLowerCase() };
  }

  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const reference: AbiReference & { generatedFrom: string } = {
    generatedFrom:
      'shared/reference/networkoperators-abi.json and shared/reference/background-connectivity-abi.md, by test/abi/generate-reference.ts',
    interfaces: sorted(interfaces),
    delegates: sorted(markdown.delegates),
    classes: sorted(classes),
    enums: sorted(enums),
    structs: sorted({
      ...Object.fromEntries(
        Object.entries(operators.structs).map(([name, value]) => [name, { fields: value.fields }]),
      ),
      ...markdown.structs,
    }),
    generics: sorted(generics),
  };
  // Formatted as `npm run lint` expects it.
  const style = await resolveConfig(output);
  writeFileSync(output, await format(JSON.stringify(reference), { ...style, filepath: output }));
  console.log(
    `generate-reference: ${output} (${Object.keys(interfaces).length} interfaces, ${Object.keys(markdown.delegates).length} delegates, ${Object.keys(classes).length} classes, ${Object.keys(enums).length} enums, ${Object.keys(generics).length} instantiations)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
