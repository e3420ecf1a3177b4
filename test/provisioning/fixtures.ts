import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The directory of the provisioning fixtures. */
export const fixtureDir = path.join(__dirname, '..', 'fixtures', 'provisioning');

/** A fixture's path. */
export function fixturePath(name: string): string {
  return path.join(fixtureDir, name);
}

/** A fixture's text. */
export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** A minimal valid document with `inner` inside `<Messages>` (WWAN namespace). */
export function withMessages(inner: string): string {
  return `<?xml version="1.0"?>
<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global><CarrierId>{11111111-1111-1111-1111-111111111111}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <MBNProfiles>
    <Messages xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1">
${inner}
    </Messages>
  </MBNProfiles>
</CarrierProvisioning>
`;
}

/** Runs `fn` and returns what it threw. */
export function thrown(
  fn: () => unknown,
): Error & { code?: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, nothing was thrown');
}
