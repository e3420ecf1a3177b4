/**
 * The usage a message gives when its rule reads it some other way than with `Usage`: the
 * inference rules of the WWAN schema's Usage and Fields pages, tried in their order.
 *
 * @module
 */

/**
 * Where `usageBytes` of a match came from: `Usage` itself, or one of the documents' inference
 * rules (percentages are in percent, so `75` is 75 %):
 *
 * | value                                  | usage                                                 |
 * | -------------------------------------- | ----------------------------------------------------- |
 * | `'usage'`                              | `Usage`                                               |
 * | `'usagePercentageOfDataLimit'`         | `UsagePercentage` × `DataLimit`                       |
 * | `'usageOveragePlusDataLimit'`          | `UsageOverage` + `DataLimit`                          |
 * | `'usageOveragePercentageOfDataLimit'`  | (`UsageOveragePercentage` × `DataLimit`) + `DataLimit` |
 * | `'usageOverageAndOveragePercentage'`   | `UsageOverage` × (1 + 100 ÷ `UsageOveragePercentage`)  |
 *
 * The last is not the documents' formula (`UsageOverage + UsageOverage ÷
 * (UsageOveragePercentage − 100)`), which contradicts their definition of
 * `UsageOveragePercentage` as the percentage over the limit: see docs/provisioning.md.
 */
export type UsageSource =
  | 'usage'
  | 'usagePercentageOfDataLimit'
  | 'usageOveragePlusDataLimit'
  | 'usageOveragePercentageOfDataLimit'
  | 'usageOverageAndOveragePercentage';

/** The values one message gave, each absent when its rule lacks it or it could not be read. */
export interface UsageValues {
  usageBytes?: number;
  usagePercentage?: number;
  usageOverageBytes?: number;
  usageOveragePercentage?: number;
  dataLimitBytes?: number;
}

/**
 * The usage in bytes and where it came from, or `undefined` when no rule has all of its values
 * ("If any value referenced in a rule is not specified, skip the rule. If all rules are
 * skipped, no value is set.", Fields page).
 */
export function inferUsage(values: UsageValues): { bytes: number; from: UsageSource } | undefined {
  const {
    usageBytes: usage,
    usagePercentage: percentage,
    usageOverageBytes: overage,
    usageOveragePercentage: overagePercentage,
    dataLimitBytes: limit,
  } = values;
  if (usage !== undefined) return { bytes: usage, from: 'usage' };
  if (percentage !== undefined && limit !== undefined)
    return { bytes: Math.round((percentage / 100) * limit), from: 'usagePercentageOfDataLimit' };
  if (overage !== undefined && limit !== undefined)
    return { bytes: overage + limit, from: 'usageOveragePlusDataLimit' };
  if (overagePercentage !== undefined && limit !== undefined)
    return {
      bytes: Math.round((overagePercentage / 100) * limit + limit),
      from: 'usageOveragePercentageOfDataLimit',
    };
  // The overage is that percentage of the limit, so the limit is overage × 100 ÷ percentage;
  // 0 % over says nothing about the limit.
  if (overage !== undefined && overagePercentage !== undefined && overagePercentage > 0)
    return {
      bytes: Math.round(overage + (overage * 100) / overagePercentage),
      from: 'usageOverageAndOveragePercentage',
    };
  return undefined;
}

/**
 * Whether a rule with these fields can give a usage at all (whatever its messages hold): the
 * check behind the warning for a rule whose usage elements lead nowhere.
 */
export function canGiveUsage(fields: {
  usage?: unknown;
  usagePercentage?: unknown;
  usageOverage?: unknown;
  usageOveragePercentage?: unknown;
  dataLimit?: unknown;
}): boolean {
  const has = (value: unknown): boolean => value !== undefined;
  return (
    has(fields.usage) ||
    (has(fields.dataLimit) &&
      (has(fields.usagePercentage) ||
        has(fields.usageOverage) ||
        has(fields.usageOveragePercentage))) ||
    (has(fields.usageOverage) && has(fields.usageOveragePercentage))
  );
}
