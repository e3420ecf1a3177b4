/**
 * `wmbb status` as text: one block per account with the sections device, SIM, network,
 * connection and data plan, then eSIM and hotspot.
 *
 * @module
 */

import { formatBytes, shown } from '../format-notification.js';
import type { StatusAccount, StatusReport } from './status-report.js';

const width = 22;

function line(label: string, value: string | number | boolean | null): string {
  const text = value === null || value === '' ? '—' : shown(String(value));
  return `  ${label.padEnd(width)}${text}\n`;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? '' : values.join(', ');
}

function account(a: StatusAccount): string {
  let out = `Account ${shown(a.networkAccountId)} — ${shown(a.serviceProviderName)}\n`;
  out += line('provider GUID', a.serviceProviderGuid);
  out += line('interface', a.interfaceId);
  out += 'Device\n';
  if (a.device === null) out += '  (not readable: the modem is gone)\n';
  else {
    const d = a.device;
    out += line('manufacturer', d.manufacturer);
    out += line('model', d.model);
    out += line('firmware', d.firmwareInformation);
    out += line('revision', d.revision);
    out += line('device type', d.deviceType);
    out += line('cellular class', d.cellularClass);
    out += line('data classes', list(d.dataClasses));
    out += line('IMEI/MEID', d.mobileEquipmentId);
    out += line('radio', d.radioState);
    out += line('status', d.networkDeviceStatus);
    out += line('device id', d.deviceId);
  }
  if (a.sim !== null) {
    const s = a.sim;
    out += 'SIM\n';
    out += line('ICCID', s.simIccId);
    out += line('IMSI', s.subscriberId);
    out += line('phone numbers', list(s.telephoneNumbers));
    out += line('SPN', s.simSpn);
    if (s.slots !== null)
      out += line(
        'slots',
        s.slots
          .map(
            (slot) => `${slot.index}${slot.index === s.currentSlotIndex ? '*' : ''} ${slot.state}`,
          )
          .join(', '),
      );
  }
  out += 'Network\n';
  if (a.network === null) out += '  (not readable)\n';
  else {
    const n = a.network;
    out += line('registration', n.registrationState);
    out += line('provider', n.registeredProviderName);
    out += line('provider id', n.registeredProviderId);
    out += line('data class', list(n.registeredDataClass));
    out += line('access point', n.accessPointName);
    if (n.registrationNetworkError !== 0)
      out += line('registration error', n.registrationNetworkError);
    if (n.packetAttachNetworkError !== 0) out += line('attach error', n.packetAttachNetworkError);
  }
  const c = a.connection;
  out += 'Connection\n';
  out += line('connected', c.connected ? 'yes' : 'no');
  out += line('profile', c.profileName);
  out += line('signal', c.signalBars === null ? null : `${c.signalBars}/5`);
  out += line('connectivity', c.connectivityLevel);
  out += 'Data plan\n';
  if (a.dataPlan === null) out += '  (no connection profile)\n';
  else {
    const p = a.dataPlan;
    const used = formatBytes(p.usedBytes);
    out += line(
      'used',
      p.limitBytes === null
        ? `${used} (no limit)`
        : `${used} of ${formatBytes(p.limitBytes)} (${Math.round((100 * p.usedBytes) / p.limitBytes)} %)`,
    );
    out += line('last sync', p.lastSyncTime);
    out += line('next billing cycle', p.nextBillingCycle);
  }
  return out;
}

/** The report as text. */
export function formatStatus(report: StatusReport): string {
  let out = '';
  if (report.accounts.length === 0)
    out += 'No mobile broadband modem: this machine has no network account.\n';
  for (const a of report.accounts) out += `${account(a)}\n`;
  out += 'eSIM\n';
  if (!report.esim.available) out += line('not readable', report.esim.reason);
  else if (report.esim.esims.length === 0) out += '  (none)\n';
  else
    for (const e of report.esim.esims)
      out += line(e.id, `${e.state}, ${e.profiles.length} profile(s)`);
  out += 'Hotspot\n';
  if (!report.hotspot.available) out += line('not readable', report.hotspot.reason);
  else {
    const h = report.hotspot;
    out += line('capability', h.capability);
    out += line('state', h.operationalState);
    out += line('clients', `${h.clientCount} of ${h.maxClientCount}`);
  }
  if (!report.revealed) out += '\nIdentifiers are masked; --reveal shows them whole.\n';
  return out;
}
