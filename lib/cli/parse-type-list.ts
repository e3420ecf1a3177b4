/**
 * Parses `--types a,b,c` against the notification type names.
 *
 * @module
 */

import { InvalidArgumentError } from 'commander';
import type { NotificationMap } from '../notifications/notification.js';
import { allNotificationTypeNames } from '../notifications/notification-type.js';

/** The types in a comma-separated list; throws a usage error naming the valid ones. */
export function parseTypeList(list: string): (keyof NotificationMap)[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new InvalidArgumentError('--types needs at least one type');
  const unknown = names.filter((n) => !(allNotificationTypeNames as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown notification type(s): ${unknown.join(', ')}. Valid types: ${allNotificationTypeNames.join(', ')}`,
    );
  }
  return names as (keyof NotificationMap)[];
}
