/**
 * Windows' provisioning result document (`ProvisionFromXmlDocumentResults.ProvisionResultsXml`,
 * the ResultsSchema of `http://www.microsoft.com/networking/CarrierControlResults/v1` and
 * `…/v2`) as per-element results. Its root is `CarrierProvisioningResult`; every element
 * Windows processed (`Issuer`, `MBNProfiles/DefaultProfile`, `Plans/Plan`, `WLANProfiles/…`)
 * carries an `errorCode`: `S_OK`, or the HRESULT as eight hexadecimal digits. A container's
 * `errorCode` stands for all its children when they failed alike.
 *
 * Read with the same bounded reader as provisioning documents (1 MiB, 32 levels, no DTD): a
 * malformed, huge or deep document is an `ERR_PROVISIONING_XML`, never a hang.
 *
 * @module
 */

import { formatHresult, isMobileBroadbandError, MobileBroadbandError } from '../errors.js';
import { knownHresults } from '../native/hresult.js';
import { printableUserText } from '../text/quote-user-value.js';
import { readXmlTree, type XmlNode } from './read-xml-tree.js';

/** How one element of the document fared. */
export interface ProvisioningElementResult {
  /** The element's name in the result document (`DefaultProfile`, `Plan`, `Issuer`, …). */
  element: string;
  /** Where it is: the names from below the root (`MBNProfiles/DefaultProfile`). */
  path: string;
  /** The `name` Windows gives it (a profile's or a plan's name), where it gives one. */
  name?: string;
  /** Whether Windows applied it (`errorCode` `S_OK`). */
  success: boolean;
  /** The HRESULT as `0x80070057` text, when it failed. */
  errorCode?: string;
  /** Why it failed, in words (the HRESULT's name, or what the code was). */
  error?: string;
}

/** A provisioning attempt's results. */
export interface ProvisioningResults {
  /** Whether Windows applied every element: its flag, and no element reported as failed. */
  allElementsProvisioned: boolean;
  /** Every element the result document reports on, in document order. */
  results: ProvisioningElementResult[];
}

const rootName = 'CarrierProvisioningResult';
/** How many characters of a name or an unexpected code a result keeps. */
const maxNameChars = 256;

/**
 * Parses Windows' result document into per-element results.
 *
 * @param xml The `ProvisionResultsXml` text.
 * @param allElementsProvisioned Windows' `AllElementsProvisioned` flag (default `true`: then
 *   the document alone decides).
 * @throws MobileBroadbandError `ERR_PROVISIONING_XML` for a document that is not a
 *   well-formed `CarrierProvisioningResult` within the bounds.
 */
export function parseProvisioningResults(
  xml: string,
  allElementsProvisioned = true,
): ProvisioningResults {
  if (typeof xml !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'parseProvisioningResults(xml): xml must be a string',
    );
  let root: XmlNode;
  try {
    root = readXmlTree(xml);
  } catch (error) {
    if (!isMobileBroadbandError(error, 'ERR_PROVISIONING_XML')) throw error;
    throw new MobileBroadbandError(
      'ERR_PROVISIONING_XML',
      `Windows' provisioning result document: ${error.message}`,
      { cause: error, ...(error.details === undefined ? {} : { details: error.details }) },
    );
  }
  if (root.name !== rootName)
    throw new MobileBroadbandError(
      'ERR_PROVISIONING_XML',
      `Windows' provisioning result document: the root element is ${printableUserText(root.name, maxNameChars)}, not ${rootName}`,
      { details: { line: root.line, column: root.column, expected: rootName } },
    );
  const results: ProvisioningElementResult[] = [];
  const rootResult = resultOf(root, rootName);
  // The root's own code matters only when it failed (a whole-document error).
  if (rootResult !== undefined && !rootResult.success) results.push(rootResult);
  const walk = (node: XmlNode, path: string): void => {
    for (const child of node.children) {
      if (!('name' in child)) continue;
      const childPath = path === '' ? child.name : `${path}/${child.name}`;
      const result = resultOf(child, childPath);
      if (result !== undefined) results.push(result);
      walk(child, childPath);
    }
  };
  walk(root, '');
  return {
    allElementsProvisioned: allElementsProvisioned && results.every((r) => r.success),
    results,
  };
}

function resultOf(node: XmlNode, path: string): ProvisioningElementResult | undefined {
  const attribute = (name: string): string | undefined =>
    node.attributes.find((a) => a.name === name && a.namespace === '')?.value;
  const code = attribute('errorCode');
  if (code === undefined) return undefined;
  const name = attribute('name');
  const base = {
    element: node.name,
    path,
    ...(name === undefined ? {} : { name: printableUserText(name, maxNameChars) }),
  };
  const hresult = hresultOf(code);
  if (hresult === 0) return { ...base, success: true };
  if (hresult === undefined)
    return {
      ...base,
      success: false,
      error: `an errorCode Windows does not document: ${printableUserText(code, maxNameChars)}`,
    };
  const errorCode = formatHresult(hresult);
  return { ...base, success: false, errorCode, error: describeHresult(hresult) };
}

/** `S_OK` → 0; eight hex digits (with or without `0x`) → the value; anything else undefined. */
function hresultOf(code: string): number | undefined {
  const trimmed = code.trim();
  if (trimmed === 'S_OK') return 0;
  const match = /^(?:0x)?([0-9a-f]{1,8})$/i.exec(trimmed);
  return match?.[1] === undefined ? undefined : Number.parseInt(match[1], 16) >>> 0;
}

/** Provisioning HRESULTs worth words of their own. */
const provisioningReasons: ReadonlyMap<number, string> = new Map([
  [
    0x80070005,
    "E_ACCESSDENIED: the element belongs to another mobile operator's profiles, which this app may not change",
  ],
  [0x80070057, 'E_INVALIDARG: Windows rejected a value of the element'],
  [0x80070490, 'ERROR_NOT_FOUND: what the element refers to is not on this machine'],
  [0x800700b7, 'ERROR_ALREADY_EXISTS: an element of that name exists already'],
  [0x80070032, 'ERROR_NOT_SUPPORTED: this Windows or this modem does not support the element'],
]);

/** Why an element failed, in words. */
export function describeHresult(hresult: number): string {
  const value = hresult >>> 0;
  return (
    provisioningReasons.get(value) ??
    knownHresults.get(value)?.name ??
    `HRESULT ${formatHresult(value)}`
  );
}
