/**
 * Writes an element tree as indented XML, declaring namespaces where they change. Secrets are
 * revealed here: the output is the document Windows is given.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import type { PreservedAttribute, XmlElement } from './provisioning-document.js';
import { Secret } from './secret.js';
import { escapeXmlAttribute, escapeXmlText, nonXmlCharacter } from '../text/xml-escape.js';

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
const nameRule = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** The whole document: declaration, then `root`. */
export function writeXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${writeElement(root, '', '')}\n`;
}

function writeElement(element: XmlElement, parentNamespace: string, indent: string): string {
  const name = checkedName(element.name);
  let head = `<${name}`;
  if (element.namespace !== parentNamespace)
    head += ` xmlns="${escapeAttribute(element.namespace)}"`;
  const prefixes = new Map<string, string>();
  for (const attribute of element.attributes) head += ` ${writeAttribute(attribute, prefixes)}`;
  for (const [uri, prefix] of prefixes) head += ` xmlns:${prefix}="${escapeAttribute(uri)}"`;

  const children = element.children;
  if (children.length === 0) return `${indent}${head}/>`;
  const hasText = children.some((c) => typeof c === 'string' || c instanceof Secret);
  const hasElements = children.some((c) => typeof c !== 'string' && !(c instanceof Secret));
  if (!hasElements) return `${indent}${head}>${children.map(textOf).join('')}</${name}>`;
  if (hasText) {
    // Mixed content: no added white space, which would change the text.
    const inner = children
      .map((c) =>
        typeof c === 'string' || c instanceof Secret
          ? textOf(c)
          : writeElement(c, element.namespace, ''),
      )
      .join('');
    return `${indent}${head}>${inner}</${name}>`;
  }
  const inner = children
    .map((c) => writeElement(c as XmlElement, element.namespace, `${indent}  `))
    .join('\n');
  return `${indent}${head}>\n${inner}\n${indent}</${name}>`;
}

function writeAttribute(attribute: PreservedAttribute, prefixes: Map<string, string>): string {
  const name = checkedName(attribute.name);
  const value = escapeAttribute(attribute.value);
  if (attribute.namespace === '') return `${name}="${value}"`;
  if (attribute.namespace === xmlNamespace) return `xml:${name}="${value}"`;
  let prefix = prefixes.get(attribute.namespace);
  if (prefix === undefined) {
    prefix =
      attribute.prefix !== undefined &&
      nameRule.test(attribute.prefix) &&
      attribute.prefix !== 'xmlns'
        ? attribute.prefix
        : `ns${prefixes.size + 1}`;
    prefixes.set(attribute.namespace, prefix);
  }
  return `${prefix}:${name}="${value}"`;
}

function textOf(child: string | Secret | XmlElement): string {
  const text = child instanceof Secret ? child.reveal() : (child as string);
  checkCharacters(text, child instanceof Secret);
  return escapeXmlText(text);
}

function escapeAttribute(attribute: string | Secret): string {
  const value = attribute instanceof Secret ? attribute.reveal() : attribute;
  checkCharacters(value, attribute instanceof Secret);
  return escapeXmlAttribute(value);
}

function checkedName(name: string): string {
  if (!nameRule.test(name))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${JSON.stringify(name)} is not an XML name (letters, digits, . _ -; not starting with a digit)`,
    );
  return name;
}

function checkCharacters(text: string, secret: boolean): void {
  const code = nonXmlCharacter(text);
  if (code === undefined) return;
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    secret
      ? `a secret value holds ${code}, which XML cannot carry`
      : `${JSON.stringify(text.slice(0, 40))} holds ${code}, which XML cannot carry`,
  );
}
