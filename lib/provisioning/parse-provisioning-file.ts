/**
 * `parseProvisioningFile`: {@link parseProvisioning} for a file, whose size is checked before
 * a byte is read, and whose errors name the file (`file.xml:12:7: …`).
 *
 * @module
 */

import { readFile, stat } from 'node:fs/promises';
import { MobileBroadbandError, isMobileBroadbandError } from '../errors.js';
import { parseProvisioning } from './parse-provisioning.js';
import type { ProvisioningDocument } from './provisioning-document.js';
import { provisioningError, type ProvisioningErrorDetails } from './provisioning-error.js';
import { maxProvisioningBytes } from './read-xml-tree.js';

/**
 * Reads and parses a provisioning file. A file over {@link maxProvisioningBytes} is refused
 * without reading it. `ERR_PROVISIONING_XML` messages start with `path:line:column:`;
 * `details` also carry `file`.
 */
export async function parseProvisioningFile(path: string): Promise<ProvisioningDocument> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${path} is not a file`);
    if (info.size > maxProvisioningBytes)
      throw provisioningError(
        `the document is ${info.size.toLocaleString('en-US')} bytes, over the limit of ${maxProvisioningBytes.toLocaleString('en-US')} bytes; provisioning files are a few KiB`,
        { line: 1, column: 1 },
        `at most ${maxProvisioningBytes} bytes`,
      );
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof MobileBroadbandError) throw withFile(error, path);
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : (code ?? String(error));
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', `cannot read ${path}: ${why}`, {
      cause: error,
    });
  }
  try {
    return parseProvisioning(bytes);
  } catch (error) {
    throw withFile(error, path);
  }
}

/** The same error with `path:line:column:` in front of its message, for provisioning errors. */
export function withFile(error: unknown, path: string): unknown {
  if (!isMobileBroadbandError(error, 'ERR_PROVISIONING_XML')) return error;
  const details = error.details as ProvisioningErrorDetails | undefined;
  if (details === undefined) return error;
  const problem = error.message.replace(/^line \d+, column \d+: /, '');
  return new MobileBroadbandError(
    'ERR_PROVISIONING_XML',
    `${path}:${details.line}:${details.column}: ${problem}`,
    { details: { ...details, file: path }, cause: error },
  );
}
