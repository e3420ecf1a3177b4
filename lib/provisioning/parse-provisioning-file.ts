/**
 * `parseProvisioningFile`: {@link parseProvisioning} for a file, read through the package's one
 * bounded file reader, and whose errors name the file (`file.xml:12:7: …`).
 *
 * @module
 */

import { readBoundedFile, type FileTooLargeDetails } from '../files/read-bounded-file.js';
import { MobileBroadbandError, isMobileBroadbandError } from '../errors.js';
import { printableUserText } from '../text/quote-user-value.js';
import { parseProvisioning } from './parse-provisioning.js';
import type { ProvisioningDocument } from './provisioning-document.js';
import { provisioningError, type ProvisioningErrorDetails } from './provisioning-error.js';
import { decodeXmlInput, maxProvisioningBytes } from './read-xml-tree.js';

/** How much of a path `path:line:column:` shows. */
const maxPathChars = 256;

/**
 * Reads and parses a provisioning file. At most {@link maxProvisioningBytes} bytes are read,
 * counted while reading (a file whose size says more is refused unread); only a regular file
 * is read — a device, FIFO, pipe or directory is refused with `ERR_INVALID_ARGUMENT` without
 * waiting on it. `ERR_PROVISIONING_XML` messages start with `path:line:column:`; `details`
 * also carry `file`.
 */
export async function parseProvisioningFile(path: string): Promise<ProvisioningDocument> {
  return (await readProvisioningFile(path)).document;
}

/**
 * {@link parseProvisioningFile}, with the document's text as written (what Windows is given,
 * so a signed document stays intact). The text holds the passwords: treat it as a secret.
 *
 * @internal
 */
export async function readProvisioningFile(
  path: string,
): Promise<{ document: ProvisioningDocument; text: string }> {
  if (typeof path !== 'string' || path === '')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'parseProvisioningFile(path): path must be a non-empty string',
    );
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, {
      maxBytes: maxProvisioningBytes,
      what: 'provisioning file',
    });
  } catch (error) {
    throw withFile(asDocumentTooLarge(error), path);
  }
  try {
    return { document: parseProvisioning(bytes), text: decodeXmlInput(bytes) };
  } catch (error) {
    throw withFile(error, path);
  }
}

/** A file over the limit is a document over the limit: the same error `parseProvisioning` gives. */
function asDocumentTooLarge(error: unknown): unknown {
  if (!isMobileBroadbandError(error)) return error;
  const details = error.details as Partial<FileTooLargeDetails> | undefined;
  if (details?.reason !== 'tooLarge') return error;
  const size = details.size === undefined ? '' : ` ${details.size.toLocaleString('en-US')} bytes,`;
  return provisioningError(
    `the document is${size} over the limit of ${maxProvisioningBytes.toLocaleString('en-US')} bytes; provisioning files are a few KiB`,
    { line: 1, column: 1 },
    `at most ${maxProvisioningBytes} bytes`,
    error,
  );
}

/** The same error with `path:line:column:` in front of its message, for provisioning errors. */
export function withFile(error: unknown, path: string): unknown {
  if (!isMobileBroadbandError(error, 'ERR_PROVISIONING_XML')) return error;
  const details = error.details as ProvisioningErrorDetails | undefined;
  if (details === undefined) return error;
  const problem = error.message.replace(/^line \d+, column \d+: /, '');
  return new MobileBroadbandError(
    'ERR_PROVISIONING_XML',
    `${printableUserText(path, maxPathChars)}:${details.line}:${details.column}: ${problem}`,
    { details: { ...details, file: path }, cause: error },
  );
}
