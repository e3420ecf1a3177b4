/**
 * The fake's modem and SIM as `MobileBroadbandDeviceInformation` reports them: a realistic
 * embedded LTE/5G module, with identifiers from ranges that reach no real subscriber (a 001-01
 * test network IMSI, a 555-01xx phone number).
 *
 * @module
 */

import type { DeviceInfo } from '../backend.js';

/** The device a fresh fake reports; `createFakeBackend({ device })` overrides any field. */
export const defaultFakeDevice: DeviceInfo = {
  deviceId: '\\\\?\\SWD#MMDEVAPI#fake-modem-0#{cac88484-7515-4c03-82e6-71a87abac361}',
  manufacturer: 'Contoso Wireless',
  model: 'CW-5G100',
  firmwareInformation: 'CW5G100.02.07.00',
  revision: 'CW5G100R02A07',
  serialNumber: 'CW5G100-000042',
  deviceType: 'embedded',
  cellularClass: 'gsm',
  dataClasses: ['gprs', 'edge', 'umts', 'hsdpa', 'hsupa', 'lteAdvanced', 'newRadioNonStandalone'],
  customDataClass: '',
  mobileEquipmentId: '490154203237518',
  simIccId: '8901001010000000019',
  subscriberId: '001010123456789',
  telephoneNumbers: ['+14255550123'],
  radioState: 'on',
  networkDeviceStatus: 'deviceReady',
  simSpn: 'Contoso',
  simPnn: 'Contoso',
  simGid1: '',
  slots: [
    { index: 0, state: 'active', iccid: '8901001010000000019' },
    { index: 1, state: 'empty', iccid: '' },
  ],
  currentSlotIndex: 0,
};
