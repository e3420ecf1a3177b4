/**
 * `serializeProvisioning`: a {@link ProvisioningDocument} written back as the XML Windows takes.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import type {
  AmountField,
  DataPlan,
  DefaultProfile,
  MessageRule,
  PercentageField,
  PlanType,
  PreservedElement,
  ProvisioningDocument,
  XmlAttribute,
  XmlElement,
} from './provisioning-document.js';
import {
  carrierControlNamespace as cc,
  plansNamespace,
  wwanNamespace as wwan,
} from './provisioning-namespaces.js';
import { Secret } from './secret.js';
import { isUnitMultiplier } from './units.js';
import { writeXmlDocument } from './write-xml.js';

const root = 'CarrierProvisioning';
const planTypeNames: Record<PlanType, string> = {
  unrestricted: 'Unrestricted',
  fixed: 'Fixed',
  variable: 'Variable',
};

/**
 * Writes a document as `CarrierProvisioning` XML, in the schema's element order, with the
 * elements kept in `preserved` back where they were. Parsing the output gives the same
 * document (`parse → serialize → parse` is stable); comments and white space are not kept.
 *
 * The output holds the real passwords (`Secret.reveal()`): it is the document Windows is
 * given. Treat it as a secret.
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` for values XML cannot carry.
 */
export function serializeProvisioning(doc: ProvisioningDocument): string {
  if (
    typeof doc !== 'object' ||
    doc === null ||
    typeof doc.global !== 'object' ||
    doc.global === null
  )
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'serializeProvisioning takes a provisioning document',
    );
  for (const list of ['profiles', 'plans', 'messageRules', 'preserved'] as const)
    if (doc[list] !== undefined && !Array.isArray(doc[list]))
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `serializeProvisioning: the document's ${list} must be an array`,
      );
  try {
    return writeDocument(doc);
  } catch (error) {
    if (error instanceof MobileBroadbandError) throw error;
    // A document built or changed in code may have any shape: a value of the wrong type, a
    // cycle (whose recursion ends in a RangeError). Each ends here as a typed error.
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `serializeProvisioning: the document is not a well-formed provisioning document (${
        error instanceof RangeError ? 'it is circular or too deep' : 'a value has the wrong type'
      }); build it with parseProvisioning or by the ProvisioningDocument type`,
    );
  }
}

function writeDocument(doc: ProvisioningDocument): string {
  const preserved = doc.preserved ?? [];
  const profiles = doc.profiles ?? [];
  const rules = doc.messageRules ?? [];
  const plans = doc.plans ?? [];
  const hasPreserved = (path: string): boolean =>
    preserved.some((p) => p.parent === path || p.parent.startsWith(`${path}/`));
  // Known children first, then the preserved ones slotted in after the sibling they followed.
  const node = (
    name: string,
    namespace: string,
    path: string | undefined,
    children: (XmlElement | undefined)[],
    attributes: XmlAttribute[] = [],
  ): XmlElement => {
    const element: XmlElement = {
      name,
      namespace,
      attributes,
      children: children.filter((c): c is XmlElement => c !== undefined),
    };
    if (path !== undefined)
      insertPreserved(
        element,
        preserved.filter((p) => p.parent === path),
      );
    return element;
  };

  const mbnPath = `${root}/MBNProfiles`;
  const messagesPath = `${mbnPath}/Messages`;
  const mbn =
    profiles.length > 0 || rules.length > 0 || hasPreserved(mbnPath)
      ? node('MBNProfiles', cc, mbnPath, [
          ...profiles.map((profile, i) =>
            profileElement(profile, `${mbnPath}/DefaultProfile[${i}]`, node),
          ),
          rules.length > 0 || hasPreserved(messagesPath)
            ? node(
                'Messages',
                wwan,
                messagesPath,
                rules.map((rule, i) => ruleElement(rule, `${messagesPath}/Message[${i}]`, node)),
              )
            : undefined,
        ])
      : undefined;
  const plansPath = `${root}/Plans`;
  const plansElement =
    plans.length > 0 || hasPreserved(plansPath)
      ? node(
          'Plans',
          cc,
          plansPath,
          plans.map((plan, i) => planElement(plan, `${plansPath}/Plan[${i}]`, node)),
        )
      : undefined;

  const global = doc.global;
  const tree = node(root, cc, root, [
    node('Global', cc, `${root}/Global`, [
      leaf('CarrierId', cc, global.carrierId),
      leaf('SubscriberId', cc, global.subscriberId),
      leaf('DeviceId', cc, global.deviceId),
    ]),
    mbn,
    plansElement,
  ]);
  return writeXmlDocument(tree);
}

type NodeBuilder = (
  name: string,
  namespace: string,
  path: string | undefined,
  children: (XmlElement | undefined)[],
  attributes?: XmlAttribute[],
) => XmlElement;

function profileElement(profile: DefaultProfile, path: string, node: NodeBuilder): XmlElement {
  const context = profile.context;
  const cred = context?.userLogonCred;
  return node('DefaultProfile', wwan, path, [
    leaf('Name', wwan, profile.name),
    leaf('AssociatedPlan', wwan, profile.associatedPlan),
    leaf('HomeProviderName', wwan, profile.homeProviderName),
    context === undefined
      ? undefined
      : node('Context', wwan, `${path}/Context`, [
          leaf('AccessString', wwan, context.accessString),
          cred === undefined
            ? undefined
            : node('UserLogonCred', wwan, `${path}/Context/UserLogonCred`, [
                leaf('UserName', wwan, cred.userName),
                leaf('Password', wwan, cred.password),
              ]),
        ]),
  ]);
}

function ruleElement(rule: MessageRule, path: string, node: NodeBuilder): XmlElement {
  const bearers = rule.bearers.map((bearer) =>
    bearer.type === 'sms'
      ? node(
          'SMSBearer',
          wwan,
          undefined,
          [],
          [
            attr('ClassZeroOnly', String(bearer.classZeroOnly)),
            ...(bearer.sender === undefined ? [] : [attr('Sender', bearer.sender)]),
          ],
        )
      : node('USSDBearer', wwan, undefined, []),
  );
  // The schema wants SMS bearers before the USSD one.
  bearers.sort((a, b) => (a.name === b.name ? 0 : a.name === 'SMSBearer' ? -1 : 1));
  const units = rule.units;
  const fields = rule.fields;
  return node(
    'Message',
    wwan,
    path,
    [
      ...bearers,
      leaf('Pattern', wwan, rule.pattern),
      leaf('Locale', wwan, rule.locale),
      units === undefined
        ? undefined
        : node(
            'Units',
            wwan,
            undefined,
            [],
            // The document's own order of multipliers.
            Object.keys(units)
              .filter(isUnitMultiplier)
              .flatMap((m) => {
                const tokens = units[m];
                return tokens === undefined ? [] : [attr(m, tokens.join(' '))];
              }),
          ),
      fields === undefined
        ? undefined
        : node('Fields', wwan, `${path}/Fields`, [
            // The Fields page's order: the usage elements and UsageTimestamp, then DataLimit.
            amountElement('Usage', fields.usage, node),
            percentageElement('UsagePercentage', fields.usagePercentage, node),
            amountElement('UsageOverage', fields.usageOverage, node),
            percentageElement('UsageOveragePercentage', fields.usageOveragePercentage, node),
            fields.usageTimestamp === undefined
              ? undefined
              : node(
                  'UsageTimestamp',
                  wwan,
                  undefined,
                  [],
                  [
                    attr('Group', String(fields.usageTimestamp.group)),
                    attr('Format', fields.usageTimestamp.format),
                    ...(fields.usageTimestamp.amToken === undefined
                      ? []
                      : [attr('AmToken', fields.usageTimestamp.amToken)]),
                    ...(fields.usageTimestamp.pmToken === undefined
                      ? []
                      : [attr('PmToken', fields.usageTimestamp.pmToken)]),
                  ],
                ),
            amountElement('DataLimit', fields.dataLimit, node),
          ]),
    ],
    [
      ...(rule.ruleId === undefined ? [] : [attr('RuleId', rule.ruleId)]),
      attr('Silent', String(rule.silent)),
    ],
  );
}

function amountElement(
  name: string,
  field: AmountField | undefined,
  node: NodeBuilder,
): XmlElement | undefined {
  if (field === undefined) return undefined;
  return node(
    name,
    wwan,
    undefined,
    [],
    [
      attr('Group', String(field.group)),
      ...(field.unitGroup === undefined ? [] : [attr('UnitGroup', String(field.unitGroup))]),
      ...(field.defaultUnit === undefined ? [] : [attr('DefaultUnit', field.defaultUnit)]),
    ],
  );
}

function percentageElement(
  name: string,
  field: PercentageField | undefined,
  node: NodeBuilder,
): XmlElement | undefined {
  if (field === undefined) return undefined;
  return node(name, wwan, undefined, [], [attr('Group', String(field.group))]);
}

function planElement(plan: DataPlan, path: string, node: NodeBuilder): XmlElement {
  return node(
    'Plan',
    plansNamespace,
    path,
    [
      node(
        'Description',
        plansNamespace,
        `${path}/Description`,
        [
          plan.billingCycle === undefined
            ? undefined
            : {
                name: 'BillingCycle',
                namespace: plansNamespace,
                attributes: [
                  attr(
                    'StartDate',
                    plan.billingCycle.startDate.toISOString().replace('.000Z', 'Z'),
                  ),
                  attr('Duration', plan.billingCycle.duration),
                  ...(plan.billingCycle.resets ? [] : [attr('Resets', 'false')]),
                ],
                children: [],
              },
          leaf(
            'DataLimitInMegabytes',
            plansNamespace,
            plan.dataLimitMegabytes === undefined ? undefined : String(plan.dataLimitMegabytes),
          ),
          leaf(
            'DataUsageInMobileOperatorNotificationEnabled',
            plansNamespace,
            plan.dataUsageNotificationsEnabled === undefined
              ? undefined
              : String(plan.dataUsageNotificationsEnabled),
          ),
        ],
        [attr('PlanType', planTypeNames[plan.planType])],
      ),
    ],
    [attr('Name', plan.name)],
  );
}

function leaf(
  name: string,
  namespace: string,
  value: string | Secret | undefined,
): XmlElement | undefined {
  if (value === undefined) return undefined;
  return { name, namespace, attributes: [], children: value === '' ? [] : [value] };
}

function attr(name: string, value: string): XmlAttribute {
  return { name, namespace: '', value };
}

/** Puts each preserved element after the last sibling with the name it followed. */
function insertPreserved(element: XmlElement, entries: PreservedElement[]): void {
  const inserted = new Set<XmlElement>();
  let front = 0;
  for (const entry of entries) {
    const children = element.children;
    let at: number;
    if (entry.after === undefined) {
      at = front++;
    } else {
      const last = children.findLastIndex(
        (c) => typeof c === 'object' && !(c instanceof Secret) && c.name === entry.after,
      );
      at = last === -1 ? children.length : last + 1;
      // Past elements already slotted in after the same sibling, to keep their order.
      while (at < children.length && inserted.has(children[at] as XmlElement)) at++;
    }
    children.splice(at, 0, entry.element);
    inserted.add(entry.element);
  }
}
