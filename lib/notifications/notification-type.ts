/**
 * MessageType values of the MobileOperatorNotification event
 * (`NetworkOperatorEventMessageType`) and the event names the public API gives them.
 *
 * @module
 */

/** The MessageType values, with the names Windows gives them. */
export const NotificationType = {
  GsmSms: 0,
  CdmaSms: 1,
  Ussd: 2,
  DataPlanThresholdReached: 3,
  DataPlanReset: 4,
  DataPlanDeleted: 5,
  ProfileConnected: 6,
  ProfileDisconnected: 7,
  RegisteredRoaming: 8,
  RegisteredHome: 9,
  TetheringEntitlementCheck: 10,
  /** Newer Windows only. */
  TetheringOperationalStateChanged: 11,
  /** Newer Windows only. */
  TetheringNumberOfClientsChanged: 12,
} as const;

/** A known MessageType value (0–12). */
export type KnownMessageType = (typeof NotificationType)[keyof typeof NotificationType];

/** The `type` of each known MessageType, indexed by value. */
export const notificationTypeNames = [
  'gsmSms',
  'cdmaSms',
  'ussd',
  'dataPlanThresholdReached',
  'dataPlanReset',
  'dataPlanDeleted',
  'profileConnected',
  'profileDisconnected',
  'registeredRoaming',
  'registeredHome',
  'tetheringEntitlementCheck',
  'tetheringOperationalStateChanged',
  'tetheringNumberOfClientsChanged',
] as const;

/** The `type` of a known notification. */
export type KnownNotificationTypeName = (typeof notificationTypeNames)[number];

/** The `type` of any notification, `'unknown'` included. */
export type NotificationTypeName = KnownNotificationTypeName | 'unknown';

/** MessageTypes that carry an operator message (EncodingType, MessageDataSize, Message). */
export function isMessageBearing(messageType: number): boolean {
  return messageType === 0 || messageType === 1 || messageType === 2;
}

/** Every value of `type`, for validating user input such as `--types`. */
export const allNotificationTypeNames: readonly NotificationTypeName[] = [
  ...notificationTypeNames,
  'unknown',
];
