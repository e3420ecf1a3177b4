/**
 * What `mbb.esim.discover()` finds: the profiles an SM-DS holds for this eSIM (events, each an
 * SM-DP+ address and a matching id to download from), or, when asked at an SM-DP+ with a
 * matching id, the profile on offer ready for `confirmInstall()`. The matching id of an event is
 * a secret like an activation code's: masked in `toString()`, JSON and inspection.
 *
 * @module
 */

import { inspect } from 'node:util';
import type { EsimProfileMetadataInfo, OperationOptions } from '../backend.js';
import { printableUserText } from '../text/quote-user-value.js';
import { maskMatchingId, parseActivationCode, type ActivationCode } from './activation-code.js';

/** Options of `mbb.esim.discover()`. */
export interface EsimDiscoverOptions extends OperationOptions {
  /**
   * The SM-DS or SM-DP+ to ask (a host name). Without it Windows asks the default SM-DS
   * (`ESim.DiscoverAsync()`).
   */
  server?: string;
  /** The matching id to ask `server` about (needs `server`). A secret: never shown whole. */
  matchingId?: string;
}

/** One `ESimDiscoverEvent`: a profile waiting at an SM-DP+ for this eSIM. */
export interface EsimDiscoveredEvent {
  /** `MatchingId`: the matching id to download the profile with. Masked when shown. */
  readonly matchingId: string;
  /** `RspServerAddress`: the SM-DP+ that holds the profile. */
  readonly rspServerAddress: string;
  /**
   * The activation code for the profile (`1$<rspServerAddress>$<matchingId>`), ready for
   * `downloadProfileMetadata()`; `ERR_INVALID_ACTIVATION_CODE` when the server's answer is not
   * one SGP.22 allows.
   */
  activationCode(): ActivationCode;
  /** The event with the matching id masked. */
  toString(): string;
}

/** What `mbb.esim.discover()` resolves with (`ESimDiscoverResult.Kind`). */
export type EsimDiscovery =
  /** Nothing waits for this eSIM (`Kind` None). */
  | { readonly kind: 'none' }
  /** Profiles an SM-DS knows for this eSIM (`Kind` Events), in Windows' order. */
  | { readonly kind: 'events'; readonly events: readonly EsimDiscoveredEvent[] }
  /** The profile on offer (`Kind` ProfileMetadata): pass it to `confirmInstall()`. */
  | { readonly kind: 'profileMetadata'; readonly metadata: EsimProfileMetadataInfo };

/** Longest server address shown in `toString()` (a host name is at most 255 characters). */
const shownAddressChars = 255;

/** @internal Made by `mbb.esim.discover()` from a backend's event. */
export class DiscoveredEvent implements EsimDiscoveredEvent {
  readonly rspServerAddress: string;
  readonly #matchingId: string;

  constructor(event: { matchingId: string; rspServerAddress: string }) {
    this.#matchingId = String(event.matchingId);
    this.rspServerAddress = String(event.rspServerAddress);
  }

  get matchingId(): string {
    return this.#matchingId;
  }

  activationCode(): ActivationCode {
    return parseActivationCode(`1$${this.rspServerAddress}$${this.#matchingId}`);
  }

  toString(): string {
    const address = printableUserText(this.rspServerAddress, shownAddressChars);
    return `${address} (matching id ${maskMatchingId(this.#matchingId)})`;
  }

  toJSON(): Record<string, unknown> {
    return {
      rspServerAddress: this.rspServerAddress,
      matchingId: maskMatchingId(this.#matchingId),
    };
  }

  [inspect.custom](): string {
    return `EsimDiscoveredEvent { ${this.toString()} }`;
  }
}
