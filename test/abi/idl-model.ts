/**
 * Reads the project's IDL files (native/abi/*.idl) into what the ABI test compares: interfaces
 * with their IIDs and methods in vtable order, non-generic delegates with their IIDs, runtime
 * classes, enums, structs, the `declare {}` generic instantiations, the generic interfaces the
 * IDL itself declares (with their PIIDs), and the namespace of every named type (a generic's
 * IID depends on it).
 *
 * Only the constructs native/abi uses are understood; anything else in an interface body makes
 * the parse fail loudly rather than be skipped.
 */

export interface IdlMethod {
  /** The ABI name: `get_X` for [propget], `put_X`, `add_X`, `remove_X`, else the name. */
  abiName: string;
}

export interface IdlInterface {
  name: string;
  iid: string;
  methods: IdlMethod[];
}

export interface IdlRuntimeClass {
  name: string;
  defaultInterface: string | undefined;
  interfaces: string[];
  statics: string[];
  /** Factory interfaces of activatable(IFactory, …); a default constructor names none. */
  factories: string[];
}

export interface IdlModel {
  interfaces: Map<string, IdlInterface>;
  /** Non-generic delegates: name → IID. */
  delegates: Map<string, string>;
  classes: Map<string, IdlRuntimeClass>;
  enums: Map<string, Map<string, number>>;
  structs: Map<string, string[]>;
  /** Generic interfaces/delegates the IDL declares itself, by name, with their PIIDs. */
  genericPiids: Map<string, string>;
  /** The parameterized instantiations of `declare {}`, as written. */
  instantiations: string[];
  /** Namespace of every interface, delegate, runtime class, enum and struct, by name. */
  namespaces: Map<string, string>;
  /** The [flags] enums (UInt32 underneath; the others are Int32). */
  flagEnums: Set<string>;
}

/** `Windows.Networking.NetworkOperators.IESim` → `IESim`. */
function shortName(name: string): string {
  return name.replace(/^.*\./, '');
}

/** Removes comments and the preprocessor lines. */
function clean(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/^\s*#.*$/gm, '');
}

function attributeValue(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\(([^)]*)\\)`).exec(attributes);
  return match?.[1]?.trim();
}

function parseMethods(interfaceName: string, body: string): IdlMethod[] {
  const methods: IdlMethod[] = [];
  for (const raw of body.split(';')) {
    const statement = raw.trim();
    if (statement === '') continue;
    const match = /^(?:\[([^\]]*)\]\s*)?HRESULT\s+(\w+)\s*\(/.exec(statement);
    if (match === null) {
      throw new Error(
        `${interfaceName}: cannot read the member ${JSON.stringify(statement.slice(0, 80))}`,
      );
    }
    const attributes = match[1] ?? '';
    const name = match[2]!;
    const prefix = /\bpropget\b/.test(attributes)
      ? 'get_'
      : /\bpropput\b/.test(attributes)
        ? 'put_'
        : /\beventadd\b/.test(attributes)
          ? 'add_'
          : /\beventremove\b/.test(attributes)
            ? 'remove_'
            : '';
    methods.push({ abiName: prefix + name });
  }
  return methods;
}

/** Parses IDL texts (one per file) into one model; a name declared twice is an error. */
export function parseIdl(...texts: string[]): IdlModel {
  const model: IdlModel = {
    interfaces: new Map(),
    delegates: new Map(),
    classes: new Map(),
    enums: new Map(),
    structs: new Map(),
    genericPiids: new Map(),
    instantiations: [],
    namespaces: new Map(),
    flagEnums: new Set(),
  };
  for (const text of texts) parseInto(model, clean(text));
  return model;
}

function parseInto(model: IdlModel, source: string): void {
  // Namespaces are not nested in native/abi: a declaration belongs to the last one opened before it.
  const opened = [...source.matchAll(/\bnamespace\s+([\w.]+)\s*\{/g)];
  const define = (name: string, at: number): void => {
    const namespace = opened.filter((match) => match.index < at).pop()?.[1];
    if (namespace === undefined) throw new Error(`${name} is declared outside a namespace`);
    if (model.namespaces.has(name)) throw new Error(`${name} is declared twice`);
    model.namespaces.set(name, namespace);
  };

  // Interfaces: [attributes] interface Name : IInspectable [requires …] { body }
  const interfacePattern = /\[([^\]]*)\]\s*interface\s+(\w+)\s*:\s*IInspectable\s*\{([^}]*)\}/g;
  for (const match of source.matchAll(interfacePattern)) {
    const [, attributes, name, body] = match as unknown as [string, string, string, string];
    const iid = attributeValue(attributes, 'uuid');
    if (iid === undefined) throw new Error(`interface ${name} has no uuid()`);
    define(name, match.index);
    model.interfaces.set(name, { name, iid: iid.toLowerCase(), methods: parseMethods(name, body) });
  }

  // Non-generic delegates: [attributes] delegate HRESULT Name(…);
  for (const match of source.matchAll(/\[([^\]]*)\]\s*delegate\s+HRESULT\s+(\w+)\s*\(/g)) {
    const [, attributes, name] = match as unknown as [string, string, string];
    const iid = attributeValue(attributes, 'uuid');
    if (iid === undefined) throw new Error(`delegate ${name} has no uuid()`);
    define(name, match.index);
    model.delegates.set(name, iid.toLowerCase());
  }

  // Generic interfaces and delegates declared here (Name<T, …>), with their PIIDs.
  const genericPattern =
    /\[([^\]]*)\]\s*(?:interface|delegate\s+HRESULT)\s+(\w+)\s*<[^>]*>\s*[:({]/g;
  for (const match of source.matchAll(genericPattern)) {
    const iid = attributeValue(match[1]!, 'uuid');
    if (iid !== undefined) model.genericPiids.set(match[2]!, iid.toLowerCase());
  }

  // Runtime classes: [attributes] runtimeclass Name { [default] interface X; interface Y; }
  const classPattern = /\[([^\]]*)\]\s*runtimeclass\s+(\w+)\s*\{([^}]*)\}/g;
  for (const match of source.matchAll(classPattern)) {
    const [, attributes, name, body] = match as unknown as [string, string, string, string];
    const runtimeClass: IdlRuntimeClass = {
      name,
      defaultInterface: undefined,
      interfaces: [],
      statics: [],
      factories: [],
    };
    for (const member of body.matchAll(/(\[[^\]]*\])?\s*interface\s+([\w.]+)\s*;/g)) {
      const interfaceName = shortName(member[2]!);
      runtimeClass.interfaces.push(interfaceName);
      if (member[1]?.includes('default')) runtimeClass.defaultInterface = interfaceName;
    }
    for (const statics of attributes.matchAll(/\bstatic\(([\w.]+)/g)) {
      runtimeClass.statics.push(shortName(statics[1]!));
    }
    // activatable(Contract, version) is a default constructor; activatable(IFactory, …) a factory.
    for (const factory of attributes.matchAll(/\bactivatable\(([\w.]+)/g)) {
      if (/^I\w+$/.test(shortName(factory[1]!)))
        runtimeClass.factories.push(shortName(factory[1]!));
    }
    define(name, match.index);
    model.classes.set(name, runtimeClass);
  }

  // Enums: enum Name { Member = value, … };
  for (const match of source.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g)) {
    const members = new Map<string, number>();
    for (const member of match[2]!.matchAll(/(\w+)\s*=\s*(0x[0-9a-fA-F]+|-?\d+)/g)) {
      members.set(member[1]!, Number(member[2]));
    }
    define(match[1]!, match.index);
    model.enums.set(match[1]!, members);
    const attributes = /\[([^\]]*)\]\s*$/.exec(source.slice(0, match.index))?.[1] ?? '';
    if (/\bflags\b/.test(attributes)) model.flagEnums.add(match[1]!);
  }

  // Structs: struct Name { TYPE Field; … };
  for (const match of source.matchAll(/\bstruct\s+(\w+)\s*\{([^}]*)\}/g)) {
    define(match[1]!, match.index);
    model.structs.set(
      match[1]!,
      match[2]!
        .split(';')
        .map((field) => field.trim())
        .filter((field) => field !== ''),
    );
  }

  // declare { interface Generic<Args>; … } (one block per namespace that has one)
  for (const declare of source.matchAll(/\bdeclare\s*\{([^}]*)\}/g)) {
    for (const line of declare[1]!.split(';')) {
      const item = line.trim().replace(/^interface\s+/, '');
      if (item !== '') model.instantiations.push(item.replace(/\s+/g, ' '));
    }
  }
}
