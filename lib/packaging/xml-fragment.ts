/**
 * The smallest XML writer the manifest fragments need: elements with prefixed names, attributes
 * in a fixed order, children indented two spaces. Values are escaped here, with the package's
 * one XML escaping (lib/text/xml-escape.ts), and a value XML cannot carry at all (a control
 * character, a lone surrogate) is refused rather than written, so no input can produce a broken
 * or different document. Namespace declarations are not written: fragments are pasted into a
 * `<Package>` that declares them.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';
import { escapeXmlAttribute, escapeXmlText, nonXmlCharacter } from '../text/xml-escape.js';

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

/** `elements` as XML, one element per line group, each line starting with `indent`. */
export function writeXmlFragment(elements: readonly XmlFragmentElement[], indent = ''): string {
  return elements.map((element) => writeElement(element, indent)).join('\n');
}

function writeElement(element: XmlFragmentElement, indent: string): string {
  const name = checkedName(element.name);
  const attributes = element.attributes
    .map(
      ([attribute, value]) => ` ${checkedName(attribute)}="${escape(value, escapeXmlAttribute)}"`,
    )
    .join('');
  if (element.text !== undefined)
    return `${indent}<${name}${attributes}>${escape(element.text, escapeXmlText)}</${name}>`;
  if (element.children.length === 0) return `${indent}<${name}${attributes} />`;
  const inner = writeXmlFragment(element.children, `${indent}  `);
  return `${indent}<${name}${attributes}>\n${inner}\n${indent}</${name}>`;
}

function escape(value: string, escapeFor: (value: string) => string): string {
  const code = nonXmlCharacter(value);
  if (code !== undefined) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `a manifest value holds ${code}, which XML cannot carry`,
    );
  }
  return escapeFor(value);
}

function checkedName(name: string): string {
  if (!qualifiedName.test(name))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${JSON.stringify(name)} is not an XML name`,
    );
  return name;
}
