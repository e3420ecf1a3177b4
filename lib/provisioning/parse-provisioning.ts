/**
 * `parseProvisioning`: a `CarrierProvisioning` document, checked, as typed data.
 *
 * @module
 */

import {
  attribute,
  DocumentReader,
  isElement,
  parseBoolean,
  parseInteger,
  requiredAttribute,
  requiredText,
  textOf,
} from './document-reader.js';
import { compileMessageRules } from './message-rule-set.js';
import { parseIsoDuration } from './iso-duration.js';
import type {
  BillingCycle,
  DataPlan,
  DefaultProfile,
  PlanType,
  ProfileContext,
  ProvisioningDocument,
  ProvisioningGlobal,
  UserLogonCred,
} from './provisioning-document.js';
import { provisioningError } from './provisioning-error.js';
import {
  carrierControlNamespace,
  namespaceLabel,
  plansNamespace,
  wwanNamespace,
} from './provisioning-namespaces.js';
import { readMessages } from './read-message-rules.js';
import { readXmlTree, type XmlNode } from './read-xml-tree.js';
import { Secret } from './secret.js';
import { maxYear, minYear, parseIsoDateTime } from '../time-values.js';
import { recordPosition } from './source-positions.js';
import { maskIdentifier } from '../text/mask-identifier.js';
import { quoteUserValue } from '../text/quote-user-value.js';

const root = 'CarrierProvisioning';
const guid = /^\{?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\}?$/;
const planTypes: Record<string, PlanType> = {
  Unrestricted: 'unrestricted',
  Fixed: 'fixed',
  Variable: 'variable',
};

/**
 * Parses and checks a `CarrierProvisioning` document.
 *
 * Safe with hostile input: documents over {@link maxProvisioningBytes} are refused before
 * parsing, a DOCTYPE is refused (no DTD, no entities), patterns are compiled for linear-time
 * matching. Passwords become {@link Secret}s. Elements the package does not interpret are kept
 * in `preserved` (and written back by `serializeProvisioning`) with a warning each.
 *
 * @param xml The document: a string, or bytes (UTF-8, or UTF-16 with a BOM).
 * @throws MobileBroadbandError `ERR_PROVISIONING_XML`, whose message starts with
 *   `line L, column C:` and whose `details` are `{ line, column, expected? }`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseProvisioning } from 'windows-mobile-broadband/provisioning';
 * const doc = parseProvisioning(readFileSync('provisioning.xml'));
 * console.log(doc.plans[0]?.dataLimitMegabytes, doc.messageRules.map((r) => r.ruleId));
 * ```
 */
export function parseProvisioning(xml: string | Uint8Array): ProvisioningDocument {
  const tree = readXmlTree(xml);
  if (tree.name !== root)
    throw provisioningError(`the root element is <${tree.name}>`, tree, `<${root}>`);
  if (tree.namespace !== carrierControlNamespace)
    throw provisioningError(
      `<${root}> is in the wrong namespace (${namespaceLabel(tree.namespace)})`,
      tree,
      `xmlns="${carrierControlNamespace}"`,
    );

  const reader = new DocumentReader();
  reader.checkAttributes(tree, []);
  let global: ProvisioningGlobal | undefined;
  const profiles: DefaultProfile[] = [];
  const associatedPlans: [string, XmlNode][] = [];
  const plans: DataPlan[] = [];
  const messageRules: ProvisioningDocument['messageRules'] = [];
  const planNodes = new Map<string, XmlNode>();

  reader.children(tree, root, {
    Global: {
      namespace: carrierControlNamespace,
      read: (node) => (global = readGlobal(node, reader)),
    },
    MBNProfiles: {
      namespace: carrierControlNamespace,
      read: (node) => {
        const path = `${root}/MBNProfiles`;
        reader.checkAttributes(node, []);
        reader.children(node, path, {
          DefaultProfile: {
            namespace: wwanNamespace,
            repeatable: true,
            read: (child) => {
              const profile = readProfile(
                child,
                `${path}/DefaultProfile[${profiles.length}]`,
                reader,
              );
              profiles.push(profile);
              const plan = child.children.find((c) => 'name' in c && c.name === 'AssociatedPlan');
              if (profile.associatedPlan !== undefined && plan !== undefined && 'name' in plan)
                associatedPlans.push([profile.associatedPlan, plan]);
            },
          },
          Messages: {
            namespace: wwanNamespace,
            repeatable: true,
            read: (child) => readMessages(child, `${path}/Messages`, messageRules, reader),
          },
        });
      },
    },
    Plans: {
      namespace: carrierControlNamespace,
      read: (node) => {
        const path = `${root}/Plans`;
        reader.checkAttributes(node, []);
        reader.children(node, path, {
          Plan: {
            namespace: plansNamespace,
            repeatable: true,
            read: (child) => {
              const plan = readPlan(child, `${path}/Plan[${plans.length}]`, reader);
              if (planNodes.has(plan.name))
                throw provisioningError(
                  `a second plan is named "${plan.name}"`,
                  child,
                  'unique plan names',
                );
              planNodes.set(plan.name, child);
              plans.push(plan);
            },
          },
        });
      },
    },
  });

  if (global === undefined)
    throw provisioningError(
      `<${root}> has no <Global>`,
      tree,
      '<Global> with a <CarrierId> and a <SubscriberId>',
    );
  // The schema says AssociatedPlan "must match" a Plan of the same document, yet Microsoft's own
  // sample names a plan it does not define: a warning, not an error.
  for (const [name, node] of associatedPlans)
    if (!planNodes.has(name))
      reader.warn(
        `AssociatedPlan ${quoteUserValue(name)} names no <Plan> of this document${
          plans.length === 0
            ? ''
            : ` (plans: ${plans
                .slice(0, 3)
                .map((p) => quoteUserValue(p.name))
                .join(', ')}${plans.length > 3 ? ` and ${plans.length - 3} more` : ''})`
        }`,
        node,
      );
  // Patterns, groups, units, formats and the patterns' cost: the same checks matching relies
  // on. Each rule keeps its compiled pattern, so compileMessageRules(doc) does not compile it again.
  compileMessageRules(messageRules);

  return {
    global,
    profiles,
    plans,
    messageRules,
    preserved: reader.preserved,
    warnings: reader.warnings.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/**
 * `Global` is `CarrierId, SubscriberId, DeviceId?` in that order (CarrierControl schema),
 * followed by any elements of other namespaces, which are kept as written.
 */
function readGlobal(node: XmlNode, reader: DocumentReader): ProvisioningGlobal {
  const path = `${root}/Global`;
  const order = '<CarrierId>, then <SubscriberId>, then an optional <DeviceId>';
  let carrierId: string | undefined;
  let subscriberId: string | undefined;
  let deviceId: string | undefined;
  reader.checkAttributes(node, []);
  reader.children(node, path, {
    CarrierId: {
      namespace: carrierControlNamespace,
      read: (child) => {
        carrierId = requiredText(child, 'a GUID such as {11111111-1111-1111-1111-111111111111}');
        if (!guid.test(carrierId))
          throw provisioningError(
            `CarrierId "${carrierId}" is not a GUID`,
            child,
            'a GUID such as {11111111-1111-1111-1111-111111111111}',
          );
      },
    },
    SubscriberId: {
      namespace: carrierControlNamespace,
      read: (child) => {
        if (carrierId === undefined) throw outOfOrder(node, child, 'CarrierId', order);
        subscriberId = requiredText(child, 'the subscriber id (IMSI)');
      },
    },
    DeviceId: {
      namespace: carrierControlNamespace,
      read: (child) => {
        if (carrierId === undefined) throw outOfOrder(node, child, 'CarrierId', order);
        if (subscriberId === undefined) throw outOfOrder(node, child, 'SubscriberId', order);
        deviceId = readDeviceId(child);
      },
    },
  });
  if (carrierId === undefined)
    throw provisioningError('<Global> has no <CarrierId>', node, '<CarrierId>{GUID}</CarrierId>');
  if (subscriberId === undefined)
    throw provisioningError(
      '<Global> has no <SubscriberId>',
      node,
      '<SubscriberId> (the IMSI or account the document is for) after the <CarrierId>',
    );
  const global: ProvisioningGlobal = { carrierId, subscriberId };
  if (deviceId !== undefined) global.deviceId = deviceId;
  return global;
}

/** `child` came before `missing`, which `global` has later or not at all. */
function outOfOrder(global: XmlNode, child: XmlNode, missing: string, order: string): Error {
  const later = global.children.some(
    (c) => isElement(c) && c.name === missing && c.namespace === carrierControlNamespace,
  );
  return provisioningError(
    later
      ? `<${child.name}> comes before <${missing}> in <Global>`
      : `<Global> has no <${missing}> before <${child.name}>`,
    child,
    order,
  );
}

/** "\d{15,16}" (an IMEI) or "([a-fA-F0-9]{2}:){5}[a-fA-F0-9]{2}" (a MAC address). */
const deviceIdFormat = /^(?:\d{15,16}|(?:[a-fA-F0-9]{2}:){5}[a-fA-F0-9]{2})$/;

/** `DeviceId`, checked as the CarrierControl schema formats it; never quoted whole. */
function readDeviceId(node: XmlNode): string {
  const expected = '15 or 16 digits (an IMEI) or a MAC address such as 00:11:22:aa:bb:cc';
  const value = requiredText(node, expected);
  if (!deviceIdFormat.test(value))
    throw provisioningError(
      `DeviceId ${maskIdentifier(value)} is neither 15–16 digits nor a MAC address`,
      node,
      expected,
    );
  return value;
}

function readProfile(node: XmlNode, path: string, reader: DocumentReader): DefaultProfile {
  const ns = wwanNamespace;
  let name: string | undefined;
  const profile: Omit<DefaultProfile, 'name'> = {};
  reader.checkAttributes(node, []);
  reader.children(node, path, {
    Name: {
      namespace: ns,
      read: (child) => (name = limited(child, requiredText(child, 'a profile name'), 64)),
    },
    AssociatedPlan: {
      namespace: ns,
      read: (child) => (profile.associatedPlan = requiredText(child, 'the Name of a Plan')),
    },
    HomeProviderName: {
      namespace: ns,
      read: (child) => (profile.homeProviderName = textOf(child)),
    },
    Context: {
      namespace: ns,
      read: (child) => (profile.context = readContext(child, `${path}/Context`, reader)),
    },
  });
  if (name === undefined) throw provisioningError('<DefaultProfile> has no <Name>', node, '<Name>');
  const result: DefaultProfile = { name, ...profile };
  recordPosition(result, node);
  return result;
}

function readContext(node: XmlNode, path: string, reader: DocumentReader): ProfileContext {
  const ns = wwanNamespace;
  const context: ProfileContext = {};
  reader.checkAttributes(node, []);
  reader.children(node, path, {
    // "Must be less than 100 characters" (WWAN schema).
    AccessString: {
      namespace: ns,
      read: (child) => (context.accessString = limited(child, textOf(child), 99)),
    },
    UserLogonCred: {
      namespace: ns,
      read: (child) => {
        const cred: UserLogonCred = {};
        reader.checkAttributes(child, []);
        reader.children(child, `${path}/UserLogonCred`, {
          UserName: { namespace: ns, read: (n) => (cred.userName = textOf(n, false)) },
          // Never quoted in any message: only its length is checked.
          Password: {
            namespace: ns,
            read: (n) => (cred.password = new Secret(limited(n, textOf(n, false), 255, true))),
          },
        });
        context.userLogonCred = cred;
      },
    },
  });
  return context;
}

function readPlan(node: XmlNode, path: string, reader: DocumentReader): DataPlan {
  const ns = plansNamespace;
  const name = requiredAttribute(node, 'Name', 'the plan name').trim();
  reader.checkAttributes(node, ['Name']);
  let description: Omit<DataPlan, 'name'> | undefined;
  reader.children(node, path, {
    Description: {
      namespace: ns,
      read: (child) => {
        const type = requiredAttribute(child, 'PlanType', 'Unrestricted, Fixed or Variable').trim();
        const planType = Object.hasOwn(planTypes, type) ? planTypes[type] : undefined;
        if (planType === undefined)
          throw provisioningError(
            `PlanType "${type}" is not a plan type`,
            child,
            'Unrestricted, Fixed or Variable',
          );
        reader.checkAttributes(child, ['PlanType']);
        const plan: Omit<DataPlan, 'name'> = { planType };
        reader.children(child, `${path}/Description`, {
          BillingCycle: {
            namespace: ns,
            read: (n) => (plan.billingCycle = readBillingCycle(n, reader)),
          },
          DataLimitInMegabytes: {
            namespace: ns,
            read: (n) =>
              (plan.dataLimitMegabytes = parseInteger(
                textOf(n),
                n,
                'DataLimitInMegabytes',
                0,
                2 ** 32,
              )),
          },
          DataUsageInMobileOperatorNotificationEnabled: {
            namespace: ns,
            read: (n) =>
              (plan.dataUsageNotificationsEnabled = parseBoolean(
                textOf(n),
                n,
                'DataUsageInMobileOperatorNotificationEnabled',
              )),
          },
        });
        description = plan;
      },
    },
  });
  if (description === undefined)
    throw provisioningError(
      `<Plan Name="${name}"> has no <Description>`,
      node,
      '<Description PlanType="…">',
    );
  const plan: DataPlan = { name, ...description };
  recordPosition(plan, node);
  return plan;
}

/** `BillingCycle StartDate="…" Duration="…" Resets="…"`. */
function readBillingCycle(node: XmlNode, reader: DocumentReader): BillingCycle {
  reader.checkAttributes(node, ['StartDate', 'Duration', 'Resets']);
  const start = requiredAttribute(
    node,
    'StartDate',
    'a UTC date and time such as 2026-01-01T00:00:00Z',
  ).trim();
  // The schema says UTC: a time written without a zone is read as UTC. Read strictly: 30
  // February is refused, not rolled over to March.
  const startTime = parseIsoDateTime(start);
  if (typeof startTime === 'string')
    throw provisioningError(
      `StartDate "${start.slice(0, 40)}" is not a date and time: ${startTime}`,
      node,
      `an xs:dateTime in the years ${minYear} to ${maxYear}, such as 2026-01-01T00:00:00Z`,
    );
  const startDate = new Date(startTime);
  const duration = requiredAttribute(node, 'Duration', 'an ISO 8601 duration such as P1M').trim();
  try {
    parseIsoDuration(duration);
  } catch (error) {
    throw provisioningError(
      `Duration: ${(error as Error).message}`,
      node,
      'an ISO 8601 duration from PT1H to P100Y, such as P1M or P30D',
    );
  }
  const resets = attribute(node, 'Resets');
  return {
    startDate,
    duration,
    resets: resets === undefined ? true : parseBoolean(resets, node, 'Resets'),
  };
}

/** Refuses values longer than the schema allows; a secret's value is never quoted. */
function limited(node: XmlNode, value: string, max: number, secret = false): string {
  if (value.length > max)
    throw provisioningError(
      `<${node.name}> is ${value.length} characters long${secret ? '' : ` ("${value.slice(0, 20)}…")`}`,
      node,
      `at most ${max} characters`,
    );
  return value;
}
