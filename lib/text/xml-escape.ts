/**
 * Escaping for the XML the package writes (provisioning documents, manifest fragments): one
 * rule for what XML 1.0 cannot carry and one set of entities, so every writer refuses and
 * escapes the same characters. Each writer words its own error (a secret's value is never
 * quoted).
 *
 * @module
 * @internal
 */

// Characters XML 1.0 cannot carry at all (not even as references), and lone surrogates.
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

/** The first character of `value` XML cannot carry, as `U+XXXX`; undefined when there is none. */
export function nonXmlCharacter(value: string): string | undefined {
  const bad = notXml.exec(value);
  return bad === null
    ? undefined
    : `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text content: `& < >` and `\r` (which a parser would turn into `\n`) as references. */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => entities[c]!);
}

/** An attribute value in double quotes: also `"` and the white space a parser would normalise. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => entities[c]!);
}
