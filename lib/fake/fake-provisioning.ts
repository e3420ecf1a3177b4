/**
 * Provisioning on the fake: which plan of a document applies, and the ProvisioningBackend part
 * (`ProvisionFromXmlDocumentAsync`).
 *
 * @module
 */

import type { OperationOptions, ProvisioningApplyResult, ProvisioningBackend } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
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

/** @internal */
export class FakeProvisioning implements ProvisioningBackend {
  readonly #apply: (doc: ProvisioningDocument) => ProvisionOutcome;

  constructor(apply: (doc: ProvisioningDocument) => ProvisionOutcome) {
    this.#apply = apply;
  }

  async apply(xml: string, options: OperationOptions = {}): Promise<ProvisioningApplyResult> {
    if (options.signal?.aborted) {
      throw new MobileBroadbandError('ERR_ABORTED', 'Provisioning was cancelled before it started');
    }
    const outcome = this.#apply(parseProvisioning(xml));
    return Promise.resolve({
      allElementsProvisioned: outcome.warnings.length === 0,
      resultsXml: resultsXml(outcome),
    });
  }
}

/** A results document in the spirit of Windows' ProvisionResultsXml. */
function resultsXml(outcome: ProvisionOutcome): string {
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const profiles = outcome.profiles.map(
    (name) => `    <DefaultProfile name="${escape(name)}" errorCode="0x00000000"/>`,
  );
  const plan =
    outcome.plan === undefined
      ? []
      : [
          `  <Plans>\n    <Plan name="${escape(outcome.plan)}" errorCode="0x00000000"/>\n  </Plans>`,
        ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CarrierProvisioningResults>',
    '  <MBNProfiles>',
    ...profiles,
    '  </MBNProfiles>',
    ...plan,
    `  <Messages rules="${outcome.messageRules}"/>`,
    '</CarrierProvisioningResults>',
    '',
  ].join('\n');
}
