/**
 * Reads a provisioning document into a small namespace-aware element tree, safely: bounded
 * size and depth, no DTD at all (so no external entities and no entity expansion), every
 * failure an `ERR_PROVISIONING_XML` with line and column.
 *
 * @module
 */

import type * as Saxes from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { loadOnFirstUse } from '../load-on-first-use.js';
import { MobileBroadbandError } from '../errors.js';
import type { SourcePosition, XmlAttribute } from './provisioning-document.js';
import { provisioningError } from './provisioning-error.js';

// The XML parser is loaded when the first document is read.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const saxes = loadOnFirstUse(() => require('saxes') as typeof Saxes);

/** The largest document accepted: 1 MiB (real provisioning files are a few KiB). */
export const maxProvisioningBytes = 1024 * 1024;
/** The deepest element nesting accepted (the schema needs about 8). */
export const maxElementDepth = 32;

/** An element as read, with where it starts. */
export interface XmlNode extends SourcePosition {
  name: string;
  namespace: string;
  attributes: XmlAttribute[];
  children: (XmlNode | XmlText)[];
}

/** Character data (text or CDATA) as read. */
export interface XmlText extends SourcePosition {
  text: string;
}

const start: SourcePosition = { line: 1, column: 1 };

/** Reads `input` (a string, or bytes in UTF-8 or, with a BOM, UTF-16) into its root element. */
export function readXmlTree(input: string | Uint8Array): XmlNode {
  const text = decodeXmlInput(input);
  // XML has no lone surrogates (its Char production leaves out D800–DFFF), and saxes throws a
  // RangeError on one in some places (found by npm run fuzz), so refuse them first, typed.
  const lone = /\p{Surrogate}/u.exec(text);
  if (lone !== null)
    throw provisioningError(
      `a lone UTF-16 surrogate (U+${text.charCodeAt(lone.index).toString(16).toUpperCase()}) is not an XML character`,
      positionOf(text, lone.index),
      'text encoded correctly (every surrogate in a pair)',
    );
  const parser = new (saxes().SaxesParser)({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let tagStart: SourcePosition = start;
  let lastClosed: string | undefined;

  const here = (): SourcePosition => ({ line: parser.line, column: Math.max(1, parser.column) });

  parser.on('error', (error) => {
    const problem = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    // saxes reports a mismatched end tag after closing the element that was open.
    throw provisioningError(
      `malformed XML: ${problem}`,
      here(),
      problem === 'unexpected close tag' && lastClosed !== undefined
        ? `</${lastClosed}>`
        : undefined,
      error,
    );
  });
  parser.on('doctype', () => {
    throw provisioningError(
      'a DOCTYPE is not allowed: provisioning documents have none, and DTDs open the door to external entities and entity expansion',
      positionOf(text, text.indexOf('<!DOCTYPE')),
      'no <!DOCTYPE …>',
    );
  });
  parser.on('opentagstart', (tag) => {
    // saxes has just read `<Name` and the character after the name.
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
    if (stack.length >= maxElementDepth)
      throw provisioningError(
        `elements are nested more than ${maxElementDepth} deep`,
        tagStart,
        `at most ${maxElementDepth} levels`,
      );
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const node: XmlNode = {
      name: tag.local,
      namespace: tag.uri,
      attributes: attributesOf(tag),
      children: [],
      ...tagStart,
    };
    const parent = stack.at(-1);
    if (parent === undefined) root = node;
    else parent.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', (tag) => {
    lastClosed = tag.name;
    stack.pop();
  });
  const addText = (data: string): void => {
    const parent = stack.at(-1);
    if (parent === undefined) return; // Whitespace around the root.
    const last = parent.children.at(-1);
    if (last !== undefined && 'text' in last) last.text += data;
    else parent.children.push({ text: data, ...here() });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.write(text);
  const open = stack.at(-1);
  if (open !== undefined)
    throw provisioningError(
      `the document ends inside <${open.name}> (opened at line ${open.line}, column ${open.column}); it looks truncated`,
      here(),
      `</${open.name}>`,
    );
  parser.close();
  if (root === undefined)
    throw provisioningError('the document has no root element', here(), '<CarrierProvisioning>');
  return root;
}

function attributesOf(tag: SaxesTagNS): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  for (const attribute of Object.values(tag.attributes)) {
    // Namespace declarations are structure, not data; they are written anew on output.
    if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
    const entry: XmlAttribute = {
      name: attribute.local,
      namespace: attribute.uri,
      value: attribute.value,
    };
    if (attribute.prefix !== '') entry.prefix = attribute.prefix;
    attributes.push(entry);
  }
  return attributes;
}

/** The document's text: bytes decoded (UTF-8, or UTF-16 with a BOM), within the size bound. */
export function decodeXmlInput(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    // Cheap first: no string of more than max characters fits in max bytes.
    if (input.length > maxProvisioningBytes) throw tooLarge(input.length, 'characters');
    if (input.length * 3 > maxProvisioningBytes) {
      const bytes = Buffer.byteLength(input, 'utf8');
      if (bytes > maxProvisioningBytes) throw tooLarge(bytes, 'bytes');
    }
    return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }
  if (!(input instanceof Uint8Array))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'the provisioning document must be a string or bytes (Uint8Array, Buffer)',
    );
  if (input.byteLength > maxProvisioningBytes) throw tooLarge(input.byteLength, 'bytes');
  const encoding =
    input[0] === 0xff && input[1] === 0xfe
      ? 'utf-16le'
      : input[0] === 0xfe && input[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    // The decoder drops the BOM itself.
    return new TextDecoder(encoding, { fatal: true }).decode(input);
  } catch (error) {
    throw provisioningError(
      `the document is not valid ${encoding.toUpperCase()}`,
      start,
      undefined,
      error,
    );
  }
}

function tooLarge(size: number, unit: string): Error {
  return provisioningError(
    `the document is ${size.toLocaleString('en-US')} ${unit}, over the limit of ${maxProvisioningBytes.toLocaleString('en-US')} bytes; provisioning files are a few KiB`,
    start,
    `at most ${maxProvisioningBytes} bytes`,
  );
}

/** The 1-based line and column of index `index` of `text`. */
export function positionOf(text: string, index: number): SourcePosition {
  if (index < 0) return start;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
