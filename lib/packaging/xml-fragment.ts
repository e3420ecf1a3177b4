/**
 * The smallest XML writer the manifest fragments need: elements with prefixed names, attributes
 * in a fixed order, children indented two spaces. Values are escaped here and nowhere else, and
 * a value XML cannot carry at all (a control character, a lone surrogate) is refused rather
 * than written, so no input can produce a broken or different document. Namespace declarations
 * are not written: fragments are pasted into a `<Package>` that declares them.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';

/** An element: its qualified name (`com:Class`), attributes in order, children. */
export interface XmlFragmentElement {
  name: string;
  attributes: readonly (readonly [name: string, value: string])[];
  children: readonly XmlFragmentElement[];
  /** Text content, for elements without children (`<Path>…</Path>`). */
  text?: string;
}

/** An element with attributes and children. */
export function xmlElement(
  name: string,
  attributes: Readonly<Record<string, string>> = {},
  ...children: XmlFragmentElement[]
): XmlFragmentElement {
  return { name, attributes: Object.entries(attributes), children };
}

/** An element whose content is `text`. */
export function xmlTextElement(name: string, text: string): XmlFragmentElement {
  return { name, attributes: [], children: [], text };
}

// A name with at most one prefix; the fragments' names are constants, so this guards the code.
const qualifiedName = /^(?:[A-Za-z_][A-Za-z0-9._-]*:)?[A-Za-z_][A-Za-z0-9._-]*$/;
// Characters XML 1.0 cannot carry at all, not even as character references, and lone surrogates.
const notXml =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it finds.
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** `elements` as XML, one element per line group, each line starting with `indent`. */
export function writeXmlFragment(elements: readonly XmlFragmentElement[], indent = ''): string {
  return elements.map((element) => writeElement(element, indent)).join('\n');
}

function writeElement(element: XmlFragmentElement, indent: string): string {
  const name = checkedName(element.name);
  const attributes = element.attributes
    .map(([attribute, value]) => ` ${checkedName(attribute)}="${escape(value, /[&<>"\t\n\r]/g)}"`)
    .join('');
  if (element.text !== undefined)
    return `${indent}<${name}${attributes}>${escape(element.text, /[&<>\r]/g)}</${name}>`;
  if (element.children.length === 0) return `${indent}<${name}${attributes} />`;
  const inner = writeXmlFragment(element.children, `${indent}  `);
  return `${indent}<${name}${attributes}>\n${inner}\n${indent}</${name}>`;
}

function escape(value: string, special: RegExp): string {
  const bad = notXml.exec(value);
  if (bad !== null) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `a manifest value holds U+${code}, which XML cannot carry`,
    );
  }
  return value.replace(special, (c) => entities[c]!);
}

function checkedName(name: string): string {
  if (!qualifiedName.test(name))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${JSON.stringify(name)} is not an XML name`,
    );
  return name;
}
