/**
 * `mbb.provisioning`: applies `CarrierProvisioning` documents
 * (`ProvisioningAgent.ProvisionFromXmlDocumentAsync`) after the package's own validation, and
 * gives Windows' answer as per-element results.
 *
 * @module
 */

import type { ProvisioningApplyOptions, ProvisioningBackend } from '../backend.js';
import { checkOptionsObject, describeKind } from '../check-arguments.js';
import { isMobileBroadbandError, MobileBroadbandError } from '../errors.js';
import { ownerWindowHandle } from './owner-window.js';
import { parseProvisioning } from './parse-provisioning.js';
import type { ProvisioningDocument } from './provisioning-document.js';
import { parseProvisioningResults, type ProvisioningResults } from './provisioning-results.js';
import { serializeProvisioning } from './serialize-provisioning.js';

/** What {@link Provisioning.apply} resolves with. */
export interface ProvisioningApplyOutcome extends ProvisioningResults {
  /** Windows' result document as it gave it (`ProvisionResultsXml`); it holds no passwords. */
  resultsXml: string;
}

/**
 * Carrier provisioning on one connection.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * declare const xml: string; // a CarrierProvisioning document
 * const mbb = await connect();
 * const outcome = await mbb.provisioning.apply(xml);
 * for (const r of outcome.results.filter((r) => !r.success))
 *   console.log(`${r.path} ${r.name ?? ''} failed: ${r.error}`);
 * ```
 */
export class Provisioning {
  readonly #backend: ProvisioningBackend;

  /** @internal Use {@link connect}. */
  constructor(backend: ProvisioningBackend) {
    this.#backend = backend;
  }

  /**
   * Applies a document: XML text, or a document from `parseProvisioning` (written back with
   * `serializeProvisioning`). Text is checked with `parseProvisioning`'s rules first (an invalid
   * one is `ERR_PROVISIONING_XML` with line and column, before Windows sees it) and then given
   * to Windows as written, so a signed document stays intact.
   *
   * Resolves with Windows' per-element results; `allElementsProvisioned` is false when any
   * element failed. A desktop app passes `ownerWindow` (its `HWND`; in Electron
   * `win.getNativeWindowHandle()`) so that UI Windows may show belongs to its window. `E_ACCESSDENIED` (the document touches another operator's profiles) is
   * `ERR_NOT_AUTHORIZED`.
   */
  async apply(
    document: string | ProvisioningDocument,
    options: ProvisioningApplyOptions = {},
  ): Promise<ProvisioningApplyOutcome> {
    checkOptionsObject(options, 'provisioning.apply()');
    if (options.networkAccountId !== undefined && typeof options.networkAccountId !== 'string')
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `provisioning.apply(): networkAccountId must be a string, got ${describeKind(options.networkAccountId)}`,
      );
    const ownerWindow =
      options.ownerWindow === undefined
        ? undefined
        : ownerWindowHandle(options.ownerWindow, 'provisioning.apply()');
    let xml: string;
    if (typeof document === 'string') {
      parseProvisioning(document);
      xml = document;
    } else if (typeof document === 'object' && document !== null) {
      xml = serializeProvisioning(document);
      parseProvisioning(xml);
    } else {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `provisioning.apply(document): document must be XML text or a parsed document, got ${describeKind(document)}`,
      );
    }
    let answer;
    try {
      answer = await this.#backend.apply(xml, {
        ...(options.networkAccountId === undefined
          ? {}
          : { networkAccountId: options.networkAccountId }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(ownerWindow === undefined ? {} : { ownerWindow }),
      });
    } catch (error) {
      throw isMobileBroadbandError(error, 'ERR_NOT_AUTHORIZED')
        ? provisioningNotAuthorized(error)
        : error;
    }
    return {
      ...parseProvisioningResults(answer.resultsXml, answer.allElementsProvisioned),
      resultsXml: answer.resultsXml,
    };
  }
}

/** `ERR_NOT_AUTHORIZED` saying what `E_ACCESSDENIED` means for provisioning. */
function provisioningNotAuthorized(error: MobileBroadbandError): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_NOT_AUTHORIZED',
    "Windows refused the provisioning document (E_ACCESSDENIED): it changes profiles that belong to another mobile operator, or this app is not the operator's app for the account; an app may provision only its own operator's accounts",
    {
      hresult: error.hresult ?? 0x80070005,
      cause: error,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  );
}
