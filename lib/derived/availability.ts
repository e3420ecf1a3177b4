/**
 * What each kind of process can receive: the answers of `mbb.notifications.availability()`
 * for the operator's packaged app and for any other process, shared by every backend.
 *
 * @module
 */

import type { NotificationAvailability, NotificationAvailabilityMap } from '../backend.js';
import {
  notificationTypeNames,
  type KnownNotificationTypeName,
} from '../notifications/notification-type.js';

const operatorApp =
  'the operator’s packaged app (MSIX with the operator’s hardware id and the cellularDeviceIdentity capability, its background task on the MobileOperatorNotification trigger)';

const packagedReason = 'Windows’ own event, delivered to this process as the operator’s app';

const derivedReasons: Partial<Record<KnownNotificationTypeName, string>> = {
  registeredRoaming:
    'derived from MobileBroadbandAccountWatcher.AccountUpdated (HasNetworkChanged)',
  registeredHome: 'derived from MobileBroadbandAccountWatcher.AccountUpdated (HasNetworkChanged)',
  profileConnected: 'derived from NetworkStatusChanged and the account’s WWAN connection profile',
  profileDisconnected:
    'derived from NetworkStatusChanged and the account’s WWAN connection profile',
  dataPlanThresholdReached:
    'derived from the data-plan status, read on NetworkStatusChanged and by a poll while a data-plan listener exists',
  dataPlanReset:
    'derived from the data-plan status (usage falls or the billing cycle passes), read on NetworkStatusChanged and by a poll',
  dataPlanDeleted: 'derived from the account’s connection profile disappearing',
};

const hotspotReasons: Partial<Record<KnownNotificationTypeName, string>> = {
  tetheringOperationalStateChanged:
    'derived from NetworkOperatorTetheringManager’s state, read by a poll while a hotspot listener exists',
  tetheringNumberOfClientsChanged:
    'derived from NetworkOperatorTetheringManager’s client count, read by a poll while a hotspot listener exists',
};

const unavailableReasons: Record<string, string> = {
  gsmSms: `operator SMS reach only ${operatorApp}`,
  cdmaSms: `operator SMS reach only ${operatorApp}`,
  ussd: `network-initiated USSD reaches only ${operatorApp}`,
  tetheringEntitlementCheck: `entitlement checks go only to ${operatorApp}`,
  tetheringOperationalStateChanged: `hotspot state changes reach only ${operatorApp}`,
  tetheringNumberOfClientsChanged: `hotspot client changes reach only ${operatorApp}`,
};

function table(
  entry: (type: KnownNotificationTypeName) => NotificationAvailability,
): NotificationAvailabilityMap {
  return Object.fromEntries(
    notificationTypeNames.map((type) => [type, entry(type)]),
  ) as NotificationAvailabilityMap;
}

/** The operator's packaged app: every type, from Windows. A fresh copy each call. */
export function packagedAvailability(): NotificationAvailabilityMap {
  return table(() => ({ source: 'system', reason: packagedReason }));
}

/**
 * Any other process (`node.exe`, Electron, the CLI, a service): registration, connection and
 * data-plan types derived, and hotspot changes where the backend can read the hotspot;
 * operator messages and entitlement checks unavailable. A fresh copy each call.
 */
export function unpackagedAvailability(
  parts: { hotspot: boolean } = { hotspot: false },
): NotificationAvailabilityMap {
  return table((type) => {
    const derived = derivedReasons[type] ?? (parts.hotspot ? hotspotReasons[type] : undefined);
    if (derived !== undefined) return { source: 'derived', reason: derived };
    return { source: 'unavailable', reason: unavailableReasons[type] ?? 'not available' };
  });
}

/** The hotspot types, whose derivation needs the hotspot poll. */
export const hotspotTypes: readonly KnownNotificationTypeName[] = [
  'tetheringOperationalStateChanged',
  'tetheringNumberOfClientsChanged',
];

/** The data-plan types, whose derivation needs the poll. */
export const dataPlanTypes: readonly KnownNotificationTypeName[] = [
  'dataPlanThresholdReached',
  'dataPlanReset',
  'dataPlanDeleted',
];
