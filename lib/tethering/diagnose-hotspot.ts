/**
 * Why the hotspot cannot start, in plain words: the capability and its reason, and what the
 * hotspot depends on (services, Wi-Fi radio, internet profile, policies), each finding with a
 * remedy. Pure: shared by every backend, used by `mbb.tethering.diagnose()` and
 * `wmbb hotspot doctor`.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import type { TetheringCapability, TetheringDiagnostics, TetheringStatus } from '../backend.js';

/** One thing `diagnose()` looked at. */
export interface HotspotFinding {
  /**
   * What was checked: `'capability'`, `'mobileHotspotService'`, `'wlanService'`, `'wifiRadio'`,
   * `'internetProfile'` or `'blockingPolicy'`. Stable: scripts may match on it.
   */
  check: string;
  /** Whether this check stands in the way of starting the hotspot. */
  ok: boolean;
  /** What was found, in one sentence. */
  summary: string;
  /** What to do about it, in plain words; `null` when `ok`. */
  remedy: string | null;
}

/** What `diagnose()` concluded. */
export interface HotspotDiagnosis {
  /** True when nothing found stands in the way of starting the hotspot. */
  canStart: boolean;
  /**
   * The capability Windows reports (`TetheringCapability`); `null` when Windows could not be
   * asked (no internet connection to share, or the status read failed: the capability finding
   * says why).
   */
  capability: TetheringCapability | null;
  /** Every check, blocking ones first. */
  findings: HotspotFinding[];
}

const capabilityRemedies: Record<Exclude<TetheringCapability, 'enabled'>, string> = {
  disabledByGroupPolicy:
    'A Group Policy turns the hotspot off: ask whoever manages this PC (policy "Prohibit use of Internet Connection Sharing on your DNS domain network").',
  disabledByHardwareLimitation:
    'The Wi-Fi adapter cannot host a hotspot: use an adapter that supports hosted networks (Wi-Fi Direct), or share over Bluetooth.',
  disabledByOperator:
    'The mobile operator does not allow tethering on this plan: ask the operator to enable it for your line.',
  disabledBySku: 'This edition of Windows has no mobile hotspot.',
  disabledByRequiredAppNotInstalled:
    "The operator's app that approves tethering is not installed: install it from the Store, then try again.",
  disabledDueToUnknownCause:
    'Windows does not say why: restart the Mobile Hotspot service (icssvc) or the PC, then run this again.',
  disabledBySystemCapability:
    'The calling app lacks the capability: a packaged app needs the wiFiControl capability; a desktop process should not see this.',
};

/**
 * The policies the native backend reads (native/winrt/tethering-diagnostics/blocking-policies.h),
 * each with its documented meaning and what to do. Names are `TetheringDiagnostics.blockingPolicies`'.
 */
export const blockingPolicyRemedies: Readonly<Record<string, string>> = {
  NC_ShowSharedAccessUI:
    'The Group Policy "Prohibit use of Internet Connection Sharing on your DNS domain network" (Network Connections, NC_ShowSharedAccessUI = 0) forbids sharing this PC\'s connection while it is on its domain network: ask whoever manages this PC to set it to Not configured (gpedit.msc: Computer Configuration > Administrative Templates > Network > Network Connections).',
  'Wifi/AllowInternetSharing':
    'The MDM policy Wifi/AllowInternetSharing = 0 ("Do not allow the use of Internet Sharing") turns the hotspot off: ask whoever manages this PC in its MDM (Intune or another) to allow Internet Sharing.',
};

const serviceRemedy = (name: string, display: string): string =>
  `Start the ${display} service (${name}): run "sc config ${name} start= demand" and "sc start ${name}" as administrator, or set its startup type to Manual in services.msc.`;

/** What to do when the status could not be read, by the error's code. */
function unreadStatusRemedy(error: Error): string {
  const code = (error as Partial<MobileBroadbandError>).code;
  if (code === 'ERR_INVALID_STATE')
    return 'Connect to the internet first (mobile broadband, Ethernet or another Wi-Fi network), or share a named connection profile.';
  if (code === 'ERR_NOT_AUTHORIZED')
    return 'This process may not control the hotspot: run it as the signed-in user, or give a packaged app the wiFiControl capability.';
  return 'Restart the Mobile Hotspot service (icssvc) or the PC, then run this again.';
}

/**
 * Diagnoses from the hotspot's status (or why it could not be read: no internet connection
 * to share, say) and what it depends on.
 */
export function diagnoseHotspot(
  status: TetheringStatus | Error,
  facts: TetheringDiagnostics,
): HotspotDiagnosis {
  const findings: HotspotFinding[] = [];
  const add = (check: string, ok: boolean, summary: string, remedy: string): void =>
    void findings.push({ check, ok, summary, remedy: ok ? null : remedy });
  const capability = status instanceof Error ? null : status.capability;
  // Without an internet connection Windows has no hotspot to ask about (the manager is made from
  // that profile): the internetProfile finding below says so and what to do, once.
  const noProfileToAsk =
    status instanceof MobileBroadbandError &&
    status.code === 'ERR_INVALID_STATE' &&
    !facts.internetProfile;
  if (noProfileToAsk) {
    // No capability finding: nothing could be asked.
  } else if (status instanceof Error)
    add(
      'capability',
      false,
      `Windows could not say whether it allows the hotspot: ${status.message}`,
      unreadStatusRemedy(status),
    );
  else
    add(
      'capability',
      capability === 'enabled',
      capability === 'enabled'
        ? 'Windows allows the hotspot (TetheringCapability enabled).'
        : `Windows does not allow the hotspot: ${capability}.`,
      capability === 'enabled' || capability === null ? '' : capabilityRemedies[capability],
    );
  // icssvc starts on demand: stopped is normal, disabled is not.
  const hotspotService = facts.mobileHotspotService;
  add(
    'mobileHotspotService',
    hotspotService !== 'disabled' && hotspotService !== 'notFound',
    `The Mobile Hotspot service (icssvc) is ${hotspotService}${hotspotService === 'stopped' ? ' (it starts on demand)' : ''}.`,
    serviceRemedy('icssvc', 'Mobile Hotspot'),
  );
  const wlan = facts.wlanService;
  add(
    'wlanService',
    wlan === 'running' || wlan === 'startPending',
    `The WLAN AutoConfig service (WlanSvc) is ${wlan}.`,
    serviceRemedy('WlanSvc', 'WLAN AutoConfig'),
  );
  const radio = facts.wifiRadio;
  add(
    'wifiRadio',
    radio === 'on',
    radio === 'absent' ? 'There is no Wi-Fi adapter.' : `The Wi-Fi radio is ${radio}.`,
    radio === 'absent'
      ? 'A hotspot needs a Wi-Fi adapter: plug one in, or enable it in Device Manager.'
      : radio === 'disabled'
        ? 'The Wi-Fi adapter is disabled: enable it in Device Manager or Network Connections.'
        : 'Turn Wi-Fi on (Quick Settings, or Settings > Network & internet > Wi-Fi), and turn Airplane mode off.',
  );
  add(
    'internetProfile',
    facts.internetProfile,
    facts.internetProfile
      ? 'There is an internet connection to share.'
      : 'There is no internet connection to share; Windows will not start the hotspot without one.',
    'Connect to the internet first (mobile broadband, Ethernet or another Wi-Fi network), or share a named connection profile.',
  );
  const policies = facts.blockingPolicies;
  add(
    'blockingPolicy',
    policies.length === 0,
    policies.length === 0
      ? 'No known policy blocks the hotspot.'
      : `A policy blocks the hotspot: ${policies.join('; ')}.`,
    policies
      .map(
        (name) =>
          blockingPolicyRemedies[name] ??
          `${name}: ask whoever manages this PC to lift the policy (gpedit.msc or the MDM that set it).`,
      )
      .join(' '),
  );
  findings.sort((a, b) => Number(a.ok) - Number(b.ok));
  return { canStart: findings.every((f) => f.ok), capability, findings };
}
