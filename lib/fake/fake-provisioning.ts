/**
 * Provisioning on the fake: which plan of a document applies, and the ProvisioningBackend part
 * (`ProvisionFromXmlDocumentAsync`).
 *
 * @module
 */

import type {
  ProvisioningApplyOptions,
  ProvisioningApplyResult,
  ProvisioningBackend,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { unknownAccountError } from '../modems/unknown-account.js';
import { errorFromHresult } from '../native/hresult.js';
import { escapeXmlAttribute } from '../text/xml-escape.js';
import { ownerWindowHandle } from '../provisioning/owner-window.js';
import { parseProvisioning } from '../provisioning/parse-provisioning.js';
import type { ProvisioningDocument } from '../provisioning/provisioning-document.js';
import { megabyte } from './byte-count.js';
import type { BillingCycle } from './fake-billing-cycle.js';
import type { FakePlan } from './fake-data-plan.js';

/** What `fake.provision()` applied. */
export interface ProvisionOutcome {
  /** The plan now in force (by name), if the document had one. */
  plan: string | undefined;
  /** How many message rules are now provisioned. */
  messageRules: number;
  /** The document's default profiles, by name. */
  profiles: string[];
  /** Warnings from the document (unknown elements), with line and column. */
  warnings: string[];
}

/**
 * The plan Windows applies: the one the first DefaultProfile's AssociatedPlan names, else the
 * document's first plan.
 */
export function planOf(
  doc: ProvisioningDocument,
): { plan: FakePlan; billingCycle?: BillingCycle } | undefined {
  const wanted = doc.profiles[0]?.associatedPlan;
  const plan = doc.plans.find((p) => p.name === wanted) ?? doc.plans[0];
  if (plan === undefined) return undefined;
  const cycle = (plan as { billingCycle?: { startDate: Date; duration: string; resets?: boolean } })
    .billingCycle;
  return {
    plan: {
      name: plan.name,
      ...(plan.dataLimitMegabytes === undefined
        ? {}
        : { limitBytes: plan.dataLimitMegabytes * megabyte }),
      notificationsEnabled: plan.dataUsageNotificationsEnabled === true,
    },
    ...(cycle === undefined
      ? {}
      : {
          billingCycle: {
            start: cycle.startDate,
            duration: cycle.duration,
            resets: cycle.resets ?? true,
          },
        }),
  };
}

/** An element the next `apply()` reports as failed; see {@link FakeProvisioning.scriptNext}. */
export interface FakeProvisioningFailure {
  /** The result document's element: `DefaultProfile`, `Plan`, `Issuer`, `Subscriber`, … */
  element: string;
  /** The profile's or plan's name, for `DefaultProfile` and `Plan` (the document's own). */
  name?: string;
  /** The HRESULT Windows reports for it (default `0x80070057`, E_INVALIDARG). */
  hresult?: number;
}

/** One `apply()` that reached the fake's "Windows"; see {@link FakeProvisioning.calls}. */
export interface FakeProvisioningCall {
  /** The account whose agent applied it; absent for the default agent. */
  networkAccountId: string | undefined;
  /** The owner window the agent was given (`IInitializeWithWindow`), as a handle. */
  ownerWindow: bigint | undefined;
}

/** What the next `apply()` does; see {@link FakeProvisioning.scriptNext}. */
export type FakeProvisioningScript =
  'accessDenied' | { failedElements: readonly FakeProvisioningFailure[] };

/** The call a provisioning failure names. */
const provisionCall = 'ProvisioningAgent.ProvisionFromXmlDocumentAsync';

/**
 * `ProvisionFromXmlDocumentAsync` on the fake: applies the document as `fake.provision()`
 * does and reports per-element results in Windows' ResultsSchema. {@link
 * FakeProvisioning.scriptNext} makes the next call fail: `E_ACCESSDENIED` (nothing applied), or
 * chosen elements reported as failed (the rest applied).
 */
export class FakeProvisioning implements ProvisioningBackend {
  readonly #apply: (doc: ProvisioningDocument) => ProvisionOutcome;
  readonly #accountId: () => string;
  readonly #script: FakeProvisioningScript[] = [];
  readonly #calls: FakeProvisioningCall[] = [];

  /** @internal */
  constructor(apply: (doc: ProvisioningDocument) => ProvisionOutcome, accountId: () => string) {
    this.#apply = apply;
    this.#accountId = accountId;
  }

  /** Queues what the next calls do, in order (then they succeed again). */
  scriptNext(...scripts: FakeProvisioningScript[]): void {
    this.#script.push(...scripts);
  }

  /**
   * The calls that reached "Windows", in order: the agent's account and owner window. The
   * documents are not kept (they may hold passwords).
   */
  get calls(): readonly FakeProvisioningCall[] {
    return [...this.#calls];
  }

  async apply(
    xml: string,
    options: ProvisioningApplyOptions = {},
  ): Promise<ProvisioningApplyResult> {
    if (options.signal?.aborted) {
      throw new MobileBroadbandError('ERR_ABORTED', 'Provisioning was cancelled before it started');
    }
    const known = this.#accountId();
    if (options.networkAccountId !== undefined && options.networkAccountId !== known)
      throw unknownAccountError(options.networkAccountId, [known]);
    const ownerWindow =
      options.ownerWindow === undefined
        ? undefined
        : ownerWindowHandle(options.ownerWindow, 'provisioning.apply()');
    const doc = parseProvisioning(xml);
    this.#calls.push({ networkAccountId: options.networkAccountId, ownerWindow });
    const script = this.#script.shift();
    if (script === 'accessDenied')
      throw errorFromHresult(0x80070005, provisionCall, { details: { hresult: '0x80070005' } });
    const failures = script?.failedElements ?? [];
    const outcome = this.#apply(doc);
    return Promise.resolve({
      allElementsProvisioned: failures.length === 0,
      resultsXml: resultsXml(outcome, failures),
    });
  }
}

const resultsNamespace = 'http://www.microsoft.com/networking/CarrierControlResults/v1';
const resultsNamespaceV2 = 'http://www.microsoft.com/networking/CarrierControlResults/v2';

/** A result document in Windows' ResultsSchema (v1, with the v2 `Plans`). */
function resultsXml(
  outcome: ProvisionOutcome,
  failures: readonly FakeProvisioningFailure[],
): string {
  const code = (element: string, name?: string): string => {
    const failure = failures.find(
      (f) => f.element === element && (f.name === undefined || f.name === name),
    );
    if (failure === undefined) return 'S_OK';
    return ((failure.hresult ?? 0x80070057) >>> 0).toString(16).padStart(8, '0');
  };
  const named = (element: string, name: string, prefix = ''): string =>
    `<${prefix}${element} name="${escapeXmlAttribute(name)}" errorCode="${code(element, name)}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CarrierProvisioningResult xmlns="${resultsNamespace}" xmlns:v2="${resultsNamespaceV2}" errorCode="S_OK">`,
    `  <Issuer errorCode="${code('Issuer')}"/>`,
    `  <Subscriber errorCode="${code('Subscriber')}"/>`,
  ];
  if (outcome.profiles.length > 0 || failures.some((f) => f.element === 'DefaultProfile')) {
    lines.push(`  <MBNProfiles errorCode="${code('MBNProfiles')}">`);
    for (const name of outcome.profiles) lines.push(`    ${named('DefaultProfile', name)}`);
    lines.push('  </MBNProfiles>');
  }
  if (outcome.plan !== undefined) {
    lines.push(`  <v2:Plans errorCode="${code('Plans')}">`);
    lines.push(`    ${named('Plan', outcome.plan, 'v2:')}`);
    lines.push('  </v2:Plans>');
  }
  lines.push('</CarrierProvisioningResult>', '');
  return lines.join('\n');
}
