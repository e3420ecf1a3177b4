/**
 * The typed form of a Windows `CarrierProvisioning` document (what
 * `ProvisioningAgent.ProvisionFromXmlDocumentAsync` takes).
 *
 * Only what the package interprets is typed; every other element is kept in
 * {@link ProvisioningDocument.preserved} so that {@link serializeProvisioning} writes it back.
 *
 * @module
 */

import type { Secret } from './secret.js';
import type { UnitMultiplier } from './units.js';

/** A line and column (both 1-based) in a provisioning document. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A `CarrierProvisioning` document. */
export interface ProvisioningDocument {
  /** `Global`: who the document is for. */
  global: ProvisioningGlobal;
  /** `MBNProfiles/DefaultProfile` elements, in document order. */
  profiles: DefaultProfile[];
  /** `Plans/Plan` elements, in document order. */
  plans: DataPlan[];
  /** `MBNProfiles/Messages/Message` rules, in document order (the first match wins). */
  messageRules: MessageRule[];
  /** Elements the package does not interpret, kept so they are written back. */
  preserved: PreservedElement[];
  /** Things worth knowing that did not stop the parse (unknown elements, missing advice). */
  warnings: ProvisioningWarning[];
}

/** `Global`: `CarrierId`, `SubscriberId` and an optional `DeviceId`, in that order. */
export interface ProvisioningGlobal {
  /** `CarrierId`: the operator's GUID, as written (usually with braces). */
  carrierId: string;
  /** `SubscriberId`: the subscriber account the document is for (an IMSI or similar). */
  subscriberId: string;
  /**
   * `DeviceId`: the device the document is for, 15 or 16 digits (an IMEI) or a MAC address
   * (`00:11:22:aa:bb:cc`), as written.
   */
  deviceId?: string;
}

/** `DefaultProfile` (WWAN schema): the connection settings Windows uses without asking. */
export interface DefaultProfile {
  /** `Name`: the profile name (at most 64 characters). */
  name: string;
  /** `AssociatedPlan`: the `Name` of a {@link DataPlan} of the same document. */
  associatedPlan?: string;
  /** `HomeProviderName`. */
  homeProviderName?: string;
  /** `Context`: how to open the data connection. */
  context?: ProfileContext;
}

/** `Context` of a {@link DefaultProfile}. */
export interface ProfileContext {
  /** `AccessString`: the APN or dial string (under 100 characters). */
  accessString?: string;
  /** `UserLogonCred`. */
  userLogonCred?: UserLogonCred;
}

/** `UserLogonCred`. */
export interface UserLogonCred {
  /** `UserName`, as written (white space kept). */
  userName?: string;
  /** Masked everywhere; `password.reveal()` gives the value. */
  password?: Secret;
}

/** `Description/@PlanType`, camelCase. */
export type PlanType = 'unrestricted' | 'fixed' | 'variable';

/** `Plan` (Plans schema). */
export interface DataPlan {
  /** `@Name`, which `DefaultProfile/AssociatedPlan` refers to. */
  name: string;
  /** `Description/@PlanType`. */
  planType: PlanType;
  /**
   * `Description/BillingCycle`: when the first cycle started, how long one lasts (an ISO 8601
   * duration such as `P1M`), and whether usage resets at its end (default true).
   */
  billingCycle?: BillingCycle;
  /** `Description/DataLimitInMegabytes`. */
  dataLimitMegabytes?: number;
  /**
   * `Description/DataUsageInMobileOperatorNotificationEnabled`: whether Windows raises
   * DataPlanThresholdReached (MessageType 3) for this plan.
   */
  dataUsageNotificationsEnabled?: boolean;
}

/** `BillingCycle` of a plan. */
export interface BillingCycle {
  /** `@StartDate` (UTC). */
  startDate: Date;
  /** `@Duration`, an ISO 8601 duration (`P1M`, `P30D`). */
  duration: string;
  /** `@Resets` (default true): usage goes back to zero at the end of each cycle. */
  resets: boolean;
}

/** An `SMSBearer`: which SMS a rule takes. */
export interface SmsBearer {
  type: 'sms';
  /**
   * `@ClassZeroOnly` (Windows' default: `true`): take only class-0 ("flash") messages.
   */
  classZeroOnly: boolean;
  /** `@Sender`: the exact sender address (international format included); absent: any sender. */
  sender?: string;
}

/** A `USSDBearer`: the rule takes USSD messages. */
export interface UssdBearer {
  type: 'ussd';
}

/** `SMSBearer` or `USSDBearer`. */
export type MessageBearer = SmsBearer | UssdBearer;

/** How a number field of a message is read: `Usage`, `UsageOverage` or `DataLimit`. */
export interface AmountField {
  /** `@Group`: the capture group holding the number. */
  group: number;
  /** `@UnitGroup`: the capture group holding the unit text, mapped through `Units`. */
  unitGroup?: number;
  /**
   * `@DefaultUnit`: the multiplier when there is no unit group or its text matches no token.
   * `'None'` means bytes.
   */
  defaultUnit?: UnitMultiplier | 'None';
}

/** How a percentage field of a message is read: `UsagePercentage`, `UsageOveragePercentage`. */
export interface PercentageField {
  /** `@Group`: the capture group holding the number (`75` is 75 %), read per the rule's `Locale`. */
  group: number;
}

/** `UsageTimestamp`. */
export interface TimestampField {
  /** `@Group`: the capture group holding the date and time. */
  group: number;
  /** `@Format`: strftime-like (`%I:%M%p on %d %b`); see the provisioning guide. */
  format: string;
  /** `@AmToken`: the text `%p` takes for AM (besides `AM`). */
  amToken?: string;
  /** `@PmToken`: the text `%p` takes for PM (besides `PM`). */
  pmToken?: string;
}

/**
 * `Fields` of a message rule. A document that has `Usage`, `UsagePercentage`, `UsageOverage`
 * or `UsageOveragePercentage` must have a `UsageTimestamp`, and one with a `UsageTimestamp`
 * must have one of those four (the WWAN schema's remarks; `parseProvisioning` enforces both).
 */
export interface MessageRuleFields {
  /** `Usage`: how much of the plan was used. */
  usage?: AmountField;
  /** `UsagePercentage`: the percentage of the data limit used; with `DataLimit`, gives the usage. */
  usagePercentage?: PercentageField;
  /** `UsageOverage`: how much was used over the data limit; with `DataLimit`, gives the usage. */
  usageOverage?: AmountField;
  /**
   * `UsageOveragePercentage`: the percentage over the data limit used (`20` is 20 % over);
   * with `DataLimit` or `UsageOverage`, gives the usage.
   */
  usageOveragePercentage?: PercentageField;
  /** `UsageTimestamp`: when the usage was measured. */
  usageTimestamp?: TimestampField;
  /** `DataLimit`: the plan's limit. */
  dataLimit?: AmountField;
}

/** `Units`: for each multiplier, the unit texts that stand for it in messages. */
export type MessageUnits = Partial<Record<UnitMultiplier, string[]>>;

/** `Message`: a rule that recognises an operator SMS or USSD message. */
export interface MessageRule {
  /** `@RuleId`: passed back with the notification (`RuleId`). */
  ruleId?: string;
  /** `@Silent` (default `true`): the message goes only to the operator app. */
  silent: boolean;
  /** `SMSBearer` elements and/or a `USSDBearer`; at least one. */
  bearers: MessageBearer[];
  /** `Pattern`: an ECMAScript regular expression (matched anywhere in the text). */
  pattern: string;
  /** `Locale` (`en-us`): how numbers in the message are written. */
  locale?: string;
  /** `Units`. */
  units?: MessageUnits;
  /** `Fields`. */
  fields?: MessageRuleFields;
}

/**
 * An element the package keeps without interpreting, and where it goes back:
 * `parent` is the path of the element it belongs in (`CarrierProvisioning/MBNProfiles/DefaultProfile[0]`),
 * `after` the name of the sibling it followed (absent: it came first).
 */
export interface PreservedElement {
  parent: string;
  after?: string;
  element: XmlElement;
}

/** An XML attribute of a preserved element. */
export interface XmlAttribute {
  name: string;
  /** The attribute's namespace URI; `''` for an unprefixed attribute. */
  namespace: string;
  /** The prefix it was written with (needed to write a namespaced attribute back). */
  prefix?: string;
  value: string;
}

/**
 * An attribute of a preserved element: its value is a {@link Secret} when the attribute or its
 * element is secret-named (see docs/provisioning.md for the rule).
 */
export interface PreservedAttribute extends Omit<XmlAttribute, 'value'> {
  value: string | Secret;
}

/**
 * A preserved XML element. The text of secret-named elements and the values of secret-named
 * attributes are {@link Secret}s (see docs/provisioning.md for the rule).
 */
export interface XmlElement {
  /** The local name (without prefix). */
  name: string;
  /** The namespace URI; `''` for none. */
  namespace: string;
  attributes: PreservedAttribute[];
  /** Child elements and text, in order (white space between elements is not kept). */
  children: (XmlElement | string | Secret)[];
}

/** Something that did not stop the parse. */
export interface ProvisioningWarning {
  message: string;
  line: number;
  column: number;
}
