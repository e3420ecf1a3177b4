/**
 * Opening links on Windows: through the addon's shell launch (ShellExecuteEx on a thread of its
 * own), for the eSIM doors of Windows 11 24H2. The build number comes from the running Windows
 * (`os.release()`, which Node reads from the OS, not from a compatibility shim).
 *
 * @module
 * @internal
 */

import { release } from 'node:os';
import type { LinkBackend } from '../backend.js';
import type { NativeAddon } from './addon-types.js';
import { fromNativeError } from './hresult.js';

/** The build of `10.0.BUILD`; undefined when the text is something else. */
export function windowsBuildOf(text: string): number | undefined {
  const match = /^\d+\.\d+\.(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export class NativeLinks implements LinkBackend {
  readonly #addon: NativeAddon;
  readonly #build: number | undefined;

  constructor(addon: NativeAddon, build: number | undefined = windowsBuildOf(release())) {
    this.#addon = addon;
    this.#build = build;
  }

  windowsBuild(): number | undefined {
    return this.#build;
  }

  async open(uri: string): Promise<void> {
    try {
      await this.#addon.core.openUri(uri).promise;
    } catch (error) {
      // The error names ShellExecuteEx and its HRESULT, never the link (it may hold a secret).
      throw fromNativeError(error, { operation: 'Opening a link' });
    }
  }
}
