/**
 * Helpers that turn the element tree of a document into typed values: known children are
 * dispatched by name (namespace checked), the rest kept as {@link PreservedElement}s with a
 * warning, and every bad value becomes an `ERR_PROVISIONING_XML` pointing at its element.
 *
 * @module
 */

import type { PreservedElement, ProvisioningWarning, XmlElement } from './provisioning-document.js';
import { provisioningError } from './provisioning-error.js';
import { namespaceLabel } from './provisioning-namespaces.js';
import type { XmlNode, XmlText } from './read-xml-tree.js';
import { Secret } from './secret.js';
import { isSecretName } from './secret-names.js';
import { printableUserText, quoteUserValue } from '../text/quote-user-value.js';

/**
 * The most warnings one document keeps; past it, one last warning says how many more there
 * were. A 1 MB document of repeated mistakes gives a page of warnings, not 600 MB.
 */
export const maxWarnings = 100;

/** The most characters of one warning (names and values in it are bounded before that). */
export const maxWarningChars = 300;

/** How to handle one kind of known child. */
export interface ChildHandler {
  /** The namespace the child must be in. */
  namespace: string;
  /** Whether the child may appear more than once. */
  repeatable?: boolean;
  read(node: XmlNode): void;
}

/** Collects warnings and preserved elements while a document is read. */
export class DocumentReader {
  readonly #warnings: ProvisioningWarning[] = [];
  #dropped = 0;
  #firstDropped: { line: number; column: number } | undefined;
  readonly preserved: PreservedElement[] = [];

  /** The warnings, at most {@link maxWarnings}, then one saying how many more there were. */
  get warnings(): ProvisioningWarning[] {
    if (this.#firstDropped === undefined) return [...this.#warnings];
    return [
      ...this.#warnings,
      {
        message: `${this.#dropped.toLocaleString('en-US')} more warning${this.#dropped === 1 ? '' : 's'} not shown (only the first ${maxWarnings} are kept); fix the ones above and look again`,
        ...this.#firstDropped,
      },
    ];
  }

  /** Dispatches the element children of `node`; keeps unknown ones under `path`. */
  children(node: XmlNode, path: string, handlers: Record<string, ChildHandler>): void {
    const seen = new Set<string>();
    let after: string | undefined;
    for (const child of node.children) {
      if (!isElement(child)) {
        if (child.text.trim() !== '') this.warn(`text inside <${node.name}> is ignored`, child);
        continue;
      }
      const handler = Object.hasOwn(handlers, child.name) ? handlers[child.name] : undefined;
      if (handler === undefined) {
        this.preserve(child, path, after);
      } else {
        if (child.namespace !== handler.namespace)
          throw provisioningError(
            `<${child.name}> is in the wrong namespace (${namespaceLabel(child.namespace)})`,
            child,
            `xmlns="${handler.namespace}"`,
          );
        if (seen.has(child.name) && handler.repeatable !== true)
          throw provisioningError(`<${child.name}> appears twice in <${node.name}>`, child, 'one');
        seen.add(child.name);
        handler.read(child);
      }
      after = child.name;
    }
  }

  /** Keeps an element the package does not interpret, with a warning. */
  preserve(node: XmlNode, parent: string, after: string | undefined): void {
    this.warn(
      `<${node.name}> (${namespaceLabel(node.namespace)}) in ${parent} is not interpreted by this package; it is kept as written`,
      node,
    );
    const entry: PreservedElement = { parent, element: toXmlElement(node, false) };
    if (after !== undefined) entry.after = after;
    this.preserved.push(entry);
  }

  /** Warns about attributes of `node` other than `known`; they are not written back. */
  checkAttributes(node: XmlNode, known: readonly string[]): void {
    for (const attribute of node.attributes) {
      if (attribute.namespace === '' && known.includes(attribute.name)) continue;
      this.warn(
        `attribute ${attribute.prefix ? `${attribute.prefix}:` : ''}${attribute.name} of <${node.name}> is not interpreted and is not written back`,
        node,
      );
    }
  }

  /** Adds a warning, cut to {@link maxWarningChars}; past {@link maxWarnings}, counts it only. */
  warn(message: string, at: { line: number; column: number }): void {
    if (this.#warnings.length >= maxWarnings) {
      this.#dropped += 1;
      this.#firstDropped ??= { line: at.line, column: at.column };
      return;
    }
    this.#warnings.push({
      message: printableUserText(message, maxWarningChars),
      line: at.line,
      column: at.column,
    });
  }
}

/** Whether a child is an element (not text). */
export function isElement(child: XmlNode | XmlText): child is XmlNode {
  return 'name' in child;
}

/** The value of an unprefixed attribute, or `undefined`. */
export function attribute(node: XmlNode, name: string): string | undefined {
  return node.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
}

/** The value of a required attribute. */
export function requiredAttribute(node: XmlNode, name: string, expected: string): string {
  const value = attribute(node, name);
  if (value === undefined || value.trim() === '')
    throw provisioningError(
      `<${node.name}> needs a ${name} attribute`,
      node,
      `${name}="${expected}"`,
    );
  return value;
}

/**
 * The text of a leaf element. `trim` (the default) drops surrounding white space, as for the
 * schema's token-like values; patterns and credentials keep theirs.
 */
export function textOf(node: XmlNode, trim = true): string {
  let text = '';
  for (const child of node.children) {
    if (isElement(child))
      throw provisioningError(
        `<${node.name}> holds text, not elements; found <${child.name}>`,
        child,
        'text',
      );
    text += child.text;
  }
  return trim ? text.trim() : text;
}

/** The text of a leaf element that must not be empty. */
export function requiredText(node: XmlNode, expected: string, trim = true): string {
  const text = textOf(node, trim);
  if (text.trim() === '') throw provisioningError(`<${node.name}> is empty`, node, expected);
  return text;
}

/** An `xs:boolean` value (`true`, `false`, `1`, `0`). */
export function parseBoolean(value: string, node: XmlNode, what: string): boolean {
  switch (value.trim()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
  }
  throw provisioningError(
    `${what} must be a boolean, got ${quoteUserValue(value)}`,
    node,
    'true or false',
  );
}

/** An integer within `[min, max]`. */
export function parseInteger(
  value: string,
  node: XmlNode,
  what: string,
  min: number,
  max: number,
): number {
  const trimmed = value.trim();
  const number = /^\+?\d{1,16}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(number >= min && number <= max))
    throw provisioningError(
      `${what} must be an integer from ${min} to ${max}, got ${quoteUserValue(value)}`,
      node,
      `an integer from ${min} to ${max}`,
    );
  return number;
}

/**
 * A preserved copy of an element; the text of secret-named elements (and of everything inside
 * them) and the values of secret-named attributes become {@link Secret}s.
 */
function toXmlElement(node: XmlNode, insideSecret: boolean): XmlElement {
  const secret = insideSecret || isSecretName(node.name);
  return {
    name: node.name,
    namespace: node.namespace,
    attributes: node.attributes.map((a) =>
      secret || isSecretName(a.name) ? { ...a, value: new Secret(a.value) } : { ...a },
    ),
    children: node.children.flatMap((child): (XmlElement | string | Secret)[] => {
      if (isElement(child)) return [toXmlElement(child, secret)];
      if (child.text.trim() === '') return [];
      return [secret ? new Secret(child.text) : child.text];
    }),
  };
}
