/**
 * Checks a scenario against the shipped JSON Schema and turns the first problem into an
 * `ERR_INVALID_SCENARIO` that names the step (`step 3 (transfer): …`).
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MobileBroadbandError } from '../../errors.js';
import { describeValue } from '../../events/describe-value.js';
import { packageRoot } from '../../package-info.js';
import { durationMs } from './scenario-duration.js';
import { validate as generatedValidate } from './scenario-validator.generated.js';
import { maxYear, minYear, parseIsoDateTime } from '../../time-values.js';
import type { Scenario } from './scenario-types.js';

/** Where the scenario schema is, in the package. */
export const scenarioSchemaPath = path.join(packageRoot, 'schema', 'scenario.schema.json');

interface SchemaNode {
  description?: string;
  definitions?: Record<string, SchemaNode>;
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
}

/** An error of the generated validator, as ajv reports them. */
interface ErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * The schema compiled by ajv in standalone mode at build time
 * (scripts/generate-scenario-validator.cjs, with discriminator on, so errors come from the
 * branch of the step's own action, not from every branch): no schema compiler at run time.
 */
const validate = generatedValidate as {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};

let schemaRead: SchemaNode | undefined;

/** The schema itself, for what it describes (actions, descriptions); read on first use. */
function schema(): SchemaNode {
  schemaRead ??= JSON.parse(readFileSync(scenarioSchemaPath, 'utf8')) as SchemaNode;
  return schemaRead;
}

/** The actions the schema knows, in its order. */
export function scenarioActions(): string[] {
  const steps = schema().definitions?.step?.oneOf ?? [];
  return steps.map((s) => String(s.properties?.action?.const));
}

/**
 * Validates `input` as a scenario; returns it typed, or throws `ERR_INVALID_SCENARIO` naming
 * the step and the field.
 */
export function validateScenario(input: unknown): Scenario {
  // A snapshot of plain data, taken once: getters and Proxies run here (a throw is the
  // scenario's error), and the steps played are exactly the steps checked.
  let data: unknown;
  try {
    data = structuredClone(input);
  } catch (error) {
    throw new MobileBroadbandError(
      'ERR_INVALID_SCENARIO',
      `Scenario: it cannot be read as plain data (JSON): ${describeValue(error)}`,
      { cause: error },
    );
  }
  if (validate(data)) return checkTimes(data as Scenario);
  throw new MobileBroadbandError(
    'ERR_INVALID_SCENARIO',
    describeErrors(data, validate.errors ?? []),
    {
      details: {
        errors: (validate.errors ?? []).map(({ instancePath, message }) => ({
          instancePath,
          message,
        })),
      },
    },
  );
}

/** Longest delay of one step: ten years of virtual time. */
const maxDelayMs = 10 * 365 * 86_400_000;

/** What the schema cannot say: a start that is a real instant, delays a Date can hold. */
function checkTimes(scenario: Scenario): Scenario {
  // Strictly: 30 February is refused, not rolled over to March as Date.parse would.
  const start = scenario.start === undefined ? 0 : parseIsoDateTime(scenario.start);
  if (typeof start === 'string') {
    throw new MobileBroadbandError(
      'ERR_INVALID_SCENARIO',
      `Scenario: "start" ${describeValue(scenario.start)} is not a real date and time: ${start} (years ${minYear} to ${maxYear})`,
    );
  }
  scenario.steps.forEach((step, index) => {
    if (durationMs(step.after) > maxDelayMs) {
      throw new MobileBroadbandError(
        'ERR_INVALID_SCENARIO',
        `Scenario step ${index + 1} (steps[${index}], ${step.action}): "after" is longer than ten years (at most ${maxDelayMs} ms, "3650d")`,
      );
    }
  });
  return scenario;
}

function describeErrors(input: unknown, errors: ErrorObject[]): string {
  const first = errors[0];
  if (first === undefined) return 'The scenario is invalid';
  // For a failed oneOf (a size in one of two forms, xml or file) Ajv lists each branch's
  // failure first: the oneOf error itself, at the same place, says it best.
  const error =
    errors.find((e) => e.keyword === 'oneOf' && e.instancePath === first.instancePath) ?? first;
  const { where, field, action } = locate(input, error.instancePath);
  return `${where}: ${explain(error, field, action)}`;
}

/** "step 3 (steps[2], transfer)" and the field name, from an instance path. */
function locate(
  input: unknown,
  instancePath: string,
): { where: string; field: string | undefined; action: unknown } {
  const parts = instancePath.split('/').slice(1);
  if (parts[0] === 'steps' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const steps = (input as { steps?: unknown[] }).steps;
    const step = steps?.[index] as { action?: unknown } | undefined;
    const action = typeof step?.action === 'string' ? `, ${plain(step.action)}` : '';
    return {
      where: `Scenario step ${index + 1} (steps[${index}]${action})`,
      field: parts[2],
      action: step?.action,
    };
  }
  return {
    where: 'Scenario',
    field: parts.length > 0 ? parts.join('.') : undefined,
    action: undefined,
  };
}

function explain(error: ErrorObject, field: string | undefined, action: unknown): string {
  const params = error.params;
  const name = field === undefined ? '' : `"${field}" `;
  switch (error.keyword) {
    case 'discriminator':
      return params.tagValue === undefined
        ? `"action" must be a string naming one of: ${scenarioActions().join(', ')}`
        : `unknown action ${describeValue(params.tagValue)}; expected one of: ${scenarioActions().join(', ')}`;
    case 'required':
      return `missing ${JSON.stringify(params.missingProperty)}`;
    case 'additionalProperties':
      return field === undefined && error.instancePath.startsWith('/steps/')
        ? `unknown field ${describeValue(params.additionalProperty)} for this action`
        : `unknown field ${describeValue(params.additionalProperty)}`;
    case 'enum':
      return `${name}must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'oneOf':
      if (field === undefined) return 'a provision step needs exactly one of "xml" or "file"';
      return `${name}${definitionOf(error, action, field)}`;
    case 'type':
      return `${name}must be ${String(params.type)}`;
    default:
      return `${name}${error.message ?? 'is invalid'}`;
  }
}

/**
 * For `bytes` and `after`, the schema's own description of the accepted forms: the definition
 * the step's field refers to (the validator checks each definition in a function of its own,
 * so the error's schemaPath starts at that definition and does not name it).
 */
function definitionOf(error: ErrorObject, action: unknown, field: string | undefined): string {
  const branch = schema().definitions?.step?.oneOf?.find(
    (s) => s.properties?.action?.const === action,
  );
  const ref = field === undefined ? undefined : branch?.properties?.[field]?.$ref;
  const name = /^#\/definitions\/(\w+)$/.exec(ref ?? '')?.[1];
  const description = name === undefined ? undefined : schema().definitions?.[name]?.description;
  return description ? `must be ${lowerFirst(description)}` : (error.message ?? 'is invalid');
}

/** A name from the scenario as it is when it is a short plain word, else quoted and bounded. */
function plain(text: string): string {
  return /^[\w-]{1,40}$/.test(text) ? text : describeValue(text);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
