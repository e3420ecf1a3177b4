/**
 * The native backend's provisioning part: `ProvisioningAgent.ProvisionFromXmlDocumentAsync`
 * through the addon (native/winrt/provisioning), which makes, uses and releases the agent on its
 * MTA thread (the class is not agile) and never makes the JS thread wait.
 *
 * - `E_ACCESSDENIED` (the document touches another operator's profiles) is `ERR_NOT_AUTHORIZED`
 *   saying so; other failures are typed by their HRESULT (hresult.ts), with the HRESULT and the
 *   call in `details`. The document may hold passwords: no message or detail ever quotes it.
 * - An account id Windows does not know is `ERR_INVALID_ARGUMENT`, masked, naming the accounts
 *   present (CreateFromNetworkAccountId fails with whatever HRESULT the service picks, so the
 *   list of accounts decides).
 * - An AbortSignal cancels through `IAsyncInfo.Cancel`: `ERR_ABORTED` once Windows confirms.
 * - `close()` cancels what is pending (`ERR_CLOSED`), waits for Windows to confirm for at most
 *   `stopTimeoutMs`, then abandons the rest to the addon, which releases it when Windows ends it.
 *
 * @module
 * @internal
 */

import type {
  ProvisioningApplyOptions,
  ProvisioningApplyResult,
  ProvisioningBackend,
} from '../backend.js';
import { checkOptionsObject, describeKind } from '../check-arguments.js';
import { formatHresult, MobileBroadbandError } from '../errors.js';
import { abortedError } from '../esim/esim-validation.js';
import { unknownAccountError } from '../modems/unknown-account.js';
import { ownerWindowHandle } from '../provisioning/owner-window.js';
import type { NativeAddon, NativeOperation, NativeProvisioningResult } from './addon-types.js';
import { fromNativeError, isNativeCallError } from './hresult.js';
import { CancellableOperations } from './cancellable-operations.js';

/** The process warning when an agent takes no owner window (the document is still applied). */
export const ownerWindowWarningCode = 'WMBB_OWNER_WINDOW_UNSUPPORTED';

const where = 'provisioning.apply()';
const operation = 'Applying a provisioning document';
const applyCall = 'ProvisioningAgent.ProvisionFromXmlDocumentAsync';
const createCall = 'ProvisioningAgent.CreateFromNetworkAccountId';
/** `NativeProvisioningResult.ownerWindow`: the agent does not implement IInitializeWithWindow. */
const ownerWindowUnsupported = 2;

const notAuthorizedAdvice =
  "the document changes profiles that belong to another mobile operator, or this app is not the operator's app for the account: an app may provision only its own operator's accounts";

/** Options of {@link NativeProvisioning}. */
export interface NativeProvisioningOptions {
  /** How long `close()` waits for Windows to confirm a cancellation. */
  stopTimeoutMs: number;
  /** Reports what does not stop a call (default: a process warning). */
  warn?: (message: string, code: string) => void;
}

function closedError(): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${where}: the native backend closed while the document was being applied; connect() again`,
  );
}

export class NativeProvisioning implements ProvisioningBackend {
  readonly #addon: NativeAddon;
  readonly #knownIds: () => Promise<string[]>;
  readonly #warn: (message: string, code: string) => void;
  readonly #operations: CancellableOperations;
  #warnedOwnerWindow = false;

  /**
   * @param knownIds The network account ids present, for the message about an unknown one.
   */
  constructor(
    addon: NativeAddon,
    knownIds: () => Promise<string[]>,
    options: NativeProvisioningOptions,
  ) {
    this.#addon = addon;
    this.#knownIds = knownIds;
    this.#operations = new CancellableOperations(options.stopTimeoutMs);
    this.#warn = options.warn ?? ((message, code) => process.emitWarning(message, { code }));
  }

  async apply(
    xml: string,
    options: ProvisioningApplyOptions = {},
  ): Promise<ProvisioningApplyResult> {
    checkOptionsObject(options, where);
    if (typeof xml !== 'string')
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: the document must be a string, got ${describeKind(xml)}`,
      );
    const { networkAccountId, signal } = options;
    if (networkAccountId !== undefined && typeof networkAccountId !== 'string')
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: networkAccountId must be a string, got ${describeKind(networkAccountId)}`,
      );
    if (networkAccountId === '')
      throw unknownAccountError(networkAccountId, await this.#knownIds());
    const ownerWindow =
      options.ownerWindow === undefined ? null : ownerWindowHandle(options.ownerWindow, where);
    let result: NativeProvisioningResult;
    try {
      result = await this.#run(
        () => this.#addon.provisioning.apply(xml, networkAccountId ?? null, ownerWindow),
        signal,
      );
    } catch (error) {
      throw await this.#error(error, networkAccountId);
    }
    if (result.ownerWindow === ownerWindowUnsupported && !this.#warnedOwnerWindow) {
      this.#warnedOwnerWindow = true;
      this.#warn(
        `${where}: this Windows' ProvisioningAgent takes no owner window (it lacks IInitializeWithWindow); the document was applied without one`,
        ownerWindowWarningCode,
      );
    }
    return { allElementsProvisioned: result.allElementsProvisioned, resultsXml: result.resultsXml };
  }

  /** Cancels what is pending; settles once Windows confirmed or `stopTimeoutMs` passed. */
  close(): Promise<void> {
    return this.#operations.close();
  }

  /** A failure as a typed error; an unknown account as ERR_INVALID_ARGUMENT naming the known. */
  async #error(error: unknown, networkAccountId: string | undefined): Promise<unknown> {
    if (error instanceof MobileBroadbandError) return error;
    if (!isNativeCallError(error)) return fromNativeError(error, { operation });
    if (networkAccountId !== undefined && error.call === createCall) {
      const known = await this.#knownIds().catch(() => undefined);
      if (known !== undefined && !known.includes(networkAccountId))
        return unknownAccountError(networkAccountId, known);
    }
    return fromNativeError(error, {
      operation,
      advice: { ERR_NOT_AUTHORIZED: notAuthorizedAdvice },
      details: { hresult: formatHresult(error.hresult) },
    });
  }

  /** Runs the addon's operation with the signal wired to `cancel()` and `close()` able to end it. */
  async #run<T>(start: () => NativeOperation<T>, signal: AbortSignal | undefined): Promise<T> {
    if (this.#operations.closing) throw closedError();
    if (signal?.aborted) throw abortedError(where, signal);
    return await this.#operations.run(start(), {
      where,
      signal,
      closed: closedError,
      canceledCall: () => applyCall,
    });
  }
}
