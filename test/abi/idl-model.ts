/**
 * Reads the project's IDL (native/abi) into what the ABI test compares: interfaces with their
 * IIDs and methods in vtable order, runtime classes, enums, structs, the `declare {}` generic
 * instantiations, and the generic interfaces the IDL itself declares (with their PIIDs).
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
}

export interface IdlModel {
  interfaces: Map<string, IdlInterface>;
  classes: Map<string, IdlRuntimeClass>;
  enums: Map<string, Map<string, number>>;
  structs: Map<string, string[]>;
  /** Generic interfaces/delegates the IDL declares itself, by name, with their PIIDs. */
  genericPiids: Map<string, string>;
  /** The parameterized instantiations of `declare {}`, as written. */
  instantiations: string[];
}

const namespacePrefix = 'Windows.Networking.NetworkOperators.';

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

/** Parses the IDL text. */
export function parseIdl(text: string): IdlModel {
  const source = clean(text);
  const model: IdlModel = {
    interfaces: new Map(),
    classes: new Map(),
    enums: new Map(),
    structs: new Map(),
    genericPiids: new Map(),
    instantiations: [],
  };

  // Interfaces: [attributes] interface Name : IInspectable [requires …] { body }
  const interfacePattern = /\[([^\]]*)\]\s*interface\s+(\w+)\s*:\s*IInspectable\s*\{([^}]*)\}/g;
  for (const match of source.matchAll(interfacePattern)) {
    const [, attributes, name, body] = match as unknown as [string, string, string, string];
    const iid = attributeValue(attributes, 'uuid');
    if (iid === undefined) throw new Error(`interface ${name} has no uuid()`);
    model.interfaces.set(name, { name, iid: iid.toLowerCase(), methods: parseMethods(name, body) });
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
    };
    for (const member of body.matchAll(/(\[[^\]]*\])?\s*interface\s+([\w.]+)\s*;/g)) {
      const interfaceName = member[2]!.replace(namespacePrefix, '');
      runtimeClass.interfaces.push(interfaceName);
      if (member[1]?.includes('default')) runtimeClass.defaultInterface = interfaceName;
    }
    for (const statics of attributes.matchAll(/\bstatic\(([\w.]+)/g)) {
      runtimeClass.statics.push(statics[1]!.replace(namespacePrefix, ''));
    }
    model.classes.set(name, runtimeClass);
  }

  // Enums: enum Name { Member = value, … };
  for (const match of source.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g)) {
    const members = new Map<string, number>();
    for (const member of match[2]!.matchAll(/(\w+)\s*=\s*(0x[0-9a-fA-F]+|-?\d+)/g)) {
      members.set(member[1]!, Number(member[2]));
    }
    model.enums.set(match[1]!, members);
  }

  // Structs: struct Name { TYPE Field; … };
  for (const match of source.matchAll(/\bstruct\s+(\w+)\s*\{([^}]*)\}/g)) {
    model.structs.set(
      match[1]!,
      match[2]!
        .split(';')
        .map((field) => field.trim())
        .filter((field) => field !== ''),
    );
  }

  // declare { interface Generic<Args>; … }
  const declare = /\bdeclare\s*\{([^}]*)\}/.exec(source);
  if (declare !== null) {
    for (const line of declare[1]!.split(';')) {
      const item = line.trim().replace(/^interface\s+/, '');
      if (item !== '') model.instantiations.push(item.replace(/\s+/g, ' '));
    }
  }
  return model;
}
