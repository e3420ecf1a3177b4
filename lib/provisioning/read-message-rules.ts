/**
 * Reads `Messages/Message` rules (WWAN schema) into {@link MessageRule}s. Structure only; the
 * pattern, groups, units and format are checked by `compileMessageRule`.
 *
 * @module
 */

import {
  attribute,
  parseBoolean,
  parseInteger,
  requiredAttribute,
  requiredText,
} from './document-reader.js';
import type { DocumentReader } from './document-reader.js';
import type {
  AmountField,
  MessageBearer,
  MessageRule,
  MessageRuleFields,
  MessageUnits,
  PercentageField,
  SourcePosition,
  TimestampField,
} from './provisioning-document.js';
import { canGiveUsage } from './infer-usage.js';
import { isLocaleTag } from './message-number.js';
import { provisioningError } from './provisioning-error.js';
import { wwanNamespace as ns } from './provisioning-namespaces.js';
import type { XmlNode } from './read-xml-tree.js';
import { recordMessageRulePositions, type MessageRulePositions } from './source-positions.js';
import { isUnitMultiplier, unitMultipliers, type UnitMultiplier } from './units.js';

/** Capture groups beyond this cannot exist in a pattern of bounded length anyway. */
const maxGroup = 9999;

/** Reads the `Message` children of a `Messages` element into `rules`. */
export function readMessages(
  node: XmlNode,
  path: string,
  rules: MessageRule[],
  reader: DocumentReader,
): void {
  reader.checkAttributes(node, []);
  reader.children(node, path, {
    Message: {
      namespace: ns,
      repeatable: true,
      read: (child) => {
        const rule = readMessage(child, `${path}/Message[${rules.length}]`, reader);
        if (rule.ruleId !== undefined && rules.some((r) => r.ruleId === rule.ruleId))
          reader.warn(
            `a second rule has RuleId "${rule.ruleId}"; the first that matches wins`,
            child,
          );
        rules.push(rule);
      },
    },
  });
}

function readMessage(node: XmlNode, path: string, reader: DocumentReader): MessageRule {
  reader.checkAttributes(node, ['RuleId', 'Silent']);
  const ruleId = attribute(node, 'RuleId')?.trim();
  const silentText = attribute(node, 'Silent');
  // Windows' default for Silent is true: the message goes only to the operator app.
  const silent = silentText === undefined ? true : parseBoolean(silentText, node, 'Silent');
  const bearers: MessageBearer[] = [];
  const positions: MessageRulePositions = { rule: at(node) };
  let pattern: string | undefined;
  let locale: string | undefined;
  let units: MessageUnits | undefined;
  let fields: MessageRuleFields | undefined;

  reader.children(node, path, {
    SMSBearer: {
      namespace: ns,
      repeatable: true,
      read: (child) => {
        // `(SMSBearer+, USSDBearer?) | USSDBearer`: the SMS bearers come first.
        if (bearers.some((b) => b.type === 'ussd'))
          throw provisioningError(
            '<SMSBearer> comes after the <USSDBearer>',
            child,
            '<SMSBearer> elements before the <USSDBearer> (WWAN schema: SMSBearer+, USSDBearer?)',
          );
        reader.checkAttributes(child, ['ClassZeroOnly', 'Sender']);
        const classZero = attribute(child, 'ClassZeroOnly');
        const sender = attribute(child, 'Sender')?.trim();
        bearers.push({
          type: 'sms',
          // Windows' default is true: without the attribute, only class-0 messages match.
          classZeroOnly:
            classZero === undefined ? true : parseBoolean(classZero, child, 'ClassZeroOnly'),
          ...(sender === undefined || sender === '' ? {} : { sender }),
        });
      },
    },
    USSDBearer: {
      namespace: ns,
      read: (child) => {
        reader.checkAttributes(child, []);
        bearers.push({ type: 'ussd' });
      },
    },
    Pattern: {
      namespace: ns,
      read: (child) => {
        reader.checkAttributes(child, []);
        // xs:string: white space is part of the pattern.
        pattern = requiredText(
          child,
          'a regular expression, such as [^]* for every message',
          false,
        );
        positions.pattern = at(child);
      },
    },
    Locale: {
      namespace: ns,
      read: (child) => {
        locale = requiredText(child, 'a locale such as en-us');
        if (!isLocaleTag(locale)) {
          throw provisioningError(
            `Locale "${locale}" is not a locale`,
            child,
            'a locale such as en-us',
          );
        }
      },
    },
    Units: {
      namespace: ns,
      read: (child) => {
        units = readUnits(child);
        positions.units = at(child);
      },
    },
    Fields: {
      namespace: ns,
      read: (child) => (fields = readFields(child, `${path}/Fields`, reader, positions)),
    },
  });

  if (bearers.length === 0)
    throw provisioningError(
      '<Message> has no bearer: say which messages the rule takes',
      node,
      '<SMSBearer Sender="…"/> or <USSDBearer/>',
    );
  if (pattern === undefined)
    throw provisioningError(
      '<Message> has no <Pattern>',
      node,
      '<Pattern>[^]*</Pattern> for every message',
    );
  const rule: MessageRule = { silent, bearers, pattern };
  if (ruleId !== undefined && ruleId !== '') rule.ruleId = ruleId;
  if (locale !== undefined) rule.locale = locale;
  if (units !== undefined) rule.units = units;
  if (fields !== undefined) rule.fields = fields;
  // Key order of the result: ruleId first reads better in JSON output.
  const ordered: MessageRule = {
    ...(rule.ruleId === undefined ? {} : { ruleId: rule.ruleId }),
    ...rule,
  };
  recordMessageRulePositions(ordered, positions);
  return ordered;
}

function readUnits(node: XmlNode): MessageUnits {
  const units: MessageUnits = {};
  const owner = new Map<string, UnitMultiplier>();
  const known = Object.keys(unitMultipliers).join(' ');
  for (const a of node.attributes) {
    if (a.namespace !== '' || !isUnitMultiplier(a.name))
      throw provisioningError(
        `Units attribute ${a.prefix ? `${a.prefix}:` : ''}${a.name} is not a unit multiplier`,
        node,
        `one of ${known} (for example G="GB")`,
      );
    const tokens = a.value.split(/\s+/).filter((t) => t !== '');
    for (const token of tokens) {
      const other = owner.get(token);
      if (other !== undefined && other !== a.name)
        throw provisioningError(
          `unit text "${token}" stands for both ${other} and ${a.name}`,
          node,
          'each unit text under one multiplier',
        );
      owner.set(token, a.name);
    }
    units[a.name] = tokens;
  }
  for (const child of node.children)
    if ('name' in child)
      throw provisioningError('<Units> has no child elements', child, 'attributes such as G="GB"');
  return units;
}

/** The elements whose value `UsageTimestamp` dates: each needs it, and it needs one of them. */
const usageElements = ['Usage', 'UsagePercentage', 'UsageOverage', 'UsageOveragePercentage'];

function readFields(
  node: XmlNode,
  path: string,
  reader: DocumentReader,
  positions: MessageRulePositions,
): MessageRuleFields {
  const fields: MessageRuleFields = {};
  const usageNodes: XmlNode[] = [];
  let timestampNode: XmlNode | undefined;
  reader.checkAttributes(node, []);
  reader.children(node, path, {
    Usage: {
      namespace: ns,
      read: (child) => {
        fields.usage = readAmount(child, reader);
        positions.usage = at(child);
        usageNodes.push(child);
      },
    },
    UsagePercentage: {
      namespace: ns,
      read: (child) => {
        fields.usagePercentage = readPercentage(child, reader);
        positions.usagePercentage = at(child);
        usageNodes.push(child);
      },
    },
    UsageOverage: {
      namespace: ns,
      read: (child) => {
        fields.usageOverage = readAmount(child, reader);
        positions.usageOverage = at(child);
        usageNodes.push(child);
      },
    },
    UsageOveragePercentage: {
      namespace: ns,
      read: (child) => {
        fields.usageOveragePercentage = readPercentage(child, reader);
        positions.usageOveragePercentage = at(child);
        usageNodes.push(child);
      },
    },
    DataLimit: {
      namespace: ns,
      read: (child) => {
        fields.dataLimit = readAmount(child, reader);
        positions.dataLimit = at(child);
      },
    },
    UsageTimestamp: {
      namespace: ns,
      read: (child) => {
        reader.checkAttributes(child, ['Group', 'Format', 'AmToken', 'PmToken']);
        const field: TimestampField = {
          group: group(child, 'Group'),
          format: requiredAttribute(child, 'Format', 'a format such as %d %b %H:%M'),
        };
        const am = attribute(child, 'AmToken');
        const pm = attribute(child, 'PmToken');
        if (am !== undefined) field.amToken = am;
        if (pm !== undefined) field.pmToken = pm;
        fields.usageTimestamp = field;
        positions.usageTimestamp = at(child);
        timestampNode = child;
      },
    },
  });
  // The remarks of the Usage, UsagePercentage, UsageOverage, UsageOveragePercentage and
  // UsageTimestamp pages: each usage element needs a UsageTimestamp, and a UsageTimestamp
  // needs a usage element. (The Fields page's syntax lists all five as alternatives, which
  // would forbid any pair; its own remarks, formulas and Microsoft's sample pair them, so the
  // pairing is what is enforced.)
  const [firstUsage] = usageNodes;
  if (firstUsage !== undefined && timestampNode === undefined)
    throw provisioningError(
      `<${firstUsage.name}> has no <UsageTimestamp> beside it in <Fields>`,
      firstUsage,
      `a <UsageTimestamp Group="…" Format="…"/> saying when the usage was measured, which the WWAN schema requires beside each of ${usageElements.join(', ')}`,
    );
  if (timestampNode !== undefined && firstUsage === undefined)
    throw provisioningError(
      '<UsageTimestamp> dates no usage: <Fields> has none of ' + usageElements.join(', '),
      timestampNode,
      `one of ${usageElements.map((e) => `<${e}>`).join(', ')} beside it, or no <UsageTimestamp>`,
    );
  if (firstUsage !== undefined && !canGiveUsage(fields))
    reader.warn(
      `<${firstUsage.name}> alone gives no usage: the documents infer it only with a <DataLimit> (or from <UsageOverage> with <UsageOveragePercentage>)`,
      firstUsage,
    );
  if (
    fields.usageOverage !== undefined &&
    fields.usageOveragePercentage !== undefined &&
    fields.dataLimit === undefined
  )
    reader.warn(
      "the documents disagree here: the Usage page's UsageOverage + UsageOverage ÷ (UsageOveragePercentage − 100) contradicts UsageOveragePercentage's definition (percent over the limit); this package takes UsageOverage × (1 + 100 ÷ UsageOveragePercentage), Windows may not: add a <DataLimit> to be sure",
      node,
    );
  return fields;
}

function readPercentage(node: XmlNode, reader: DocumentReader): PercentageField {
  reader.checkAttributes(node, ['Group']);
  return { group: group(node, 'Group') };
}

function readAmount(node: XmlNode, reader: DocumentReader): AmountField {
  reader.checkAttributes(node, ['Group', 'UnitGroup', 'DefaultUnit']);
  const field: AmountField = { group: group(node, 'Group') };
  if (attribute(node, 'UnitGroup') !== undefined) field.unitGroup = group(node, 'UnitGroup');
  const defaultUnit = attribute(node, 'DefaultUnit')?.trim();
  if (defaultUnit !== undefined) {
    if (defaultUnit !== 'None' && !isUnitMultiplier(defaultUnit))
      throw provisioningError(
        `DefaultUnit "${defaultUnit}" is not a unit multiplier`,
        node,
        `None or one of ${Object.keys(unitMultipliers).join(' ')}`,
      );
    field.defaultUnit = defaultUnit;
  }
  return field;
}

function group(node: XmlNode, name: string): number {
  const value = requiredAttribute(node, name, 'a capture group number such as 1');
  return parseInteger(value, node, name, 1, maxGroup);
}

/** Just the position of a node (not the node, which holds its whole subtree). */
function at(node: XmlNode): SourcePosition {
  return { line: node.line, column: node.column };
}
