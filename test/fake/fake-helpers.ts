import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Notification } from '../../lib/index.js';
import { connectFake } from '../helpers.js';

export const fixtures = path.join(__dirname, '..', 'fixtures', 'provisioning');
export const examples = path.join(__dirname, '..', '..', 'examples');
export const MB = 2 ** 20;

/** A fake with the app listening and recording every notification's type. */
export async function listeningFake(options: Parameters<typeof connectFake>[0] = {}) {
  const { fake, mbb } = await connectFake(options);
  const seen: Notification[] = [];
  mbb.notifications.on('notification', (n) => void seen.push(n));
  const types = (): string[] => seen.map((n) => n.type);
  const clear = (): void => void seen.splice(0);
  return { fake, mbb, seen, types, clear };
}

/** A plan document with the given limit (MB, or none) and notifications flag. */
export function planXml(limitMb: number | undefined, notifications: boolean): string {
  return `<?xml version="1.0"?>
<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global><CarrierId>{2c85b76b-f859-47c4-8122-721fe8b6c25f}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <MBNProfiles>
    <DefaultProfile xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1">
      <Name>Test</Name><AssociatedPlan>P</AssociatedPlan>
    </DefaultProfile>
  </MBNProfiles>
  <Plans>
    <Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1" Name="P">
      <Description PlanType="Fixed">
        ${limitMb === undefined ? '' : `<DataLimitInMegabytes>${limitMb}</DataLimitInMegabytes>`}
        <DataUsageInMobileOperatorNotificationEnabled>${notifications}</DataUsageInMobileOperatorNotificationEnabled>
      </Description>
    </Plan>
  </Plans>
</CarrierProvisioning>`;
}

export function fixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}
