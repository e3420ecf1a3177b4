/**
 * Reading a scenario file: through the package's one bounded file reader, then JSON, then the
 * schema. Every failure is a one-line typed error.
 *
 * @module
 */

import { readBoundedFile } from '../../files/read-bounded-file.js';
import { MobileBroadbandError } from '../../errors.js';
import { printableUserText } from '../../text/quote-user-value.js';
import type { Scenario } from './scenario-types.js';
import { validateScenario } from './validate-scenario.js';

/**
 * The most bytes a scenario file may hold: room for a provisioning document of the largest
 * size inline (1 MiB, escaped as JSON) and the steps around it.
 */
export const maxScenarioBytes = 4 * 1024 * 1024;

/** How much of a path or of a JSON parser's message an error shows. */
const maxShownChars = 256;

/**
 * Reads, parses and validates a scenario file. A file that cannot be read (missing, not a
 * regular file, over {@link maxScenarioBytes}) fails with `ERR_INVALID_ARGUMENT`; bad JSON or a
 * schema error with `ERR_INVALID_SCENARIO`.
 */
export async function readScenarioFile(file: string): Promise<Scenario> {
  const bytes = await readBoundedFile(file, { maxBytes: maxScenarioBytes, what: 'scenario' });
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new MobileBroadbandError(
      'ERR_INVALID_SCENARIO',
      `${printableUserText(file, maxShownChars)} is not valid JSON: ${printableUserText((error as Error).message, maxShownChars)}`,
      { cause: error },
    );
  }
  return validateScenario(json);
}
