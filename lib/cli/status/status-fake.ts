/**
 * The fake `wmbb status` shows when the CLI picks the fake itself (`--fake`, or off Windows):
 * an unpackaged process, like the CLI is on Windows, on a machine registered at home and
 * connected, 1.2 GB into a 5 GB plan with a monthly billing cycle.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeBackend, type FakeBackend } from '../../fake/fake-backend.js';
import { packageRoot } from '../../package-info.js';

export async function createStatusFake(): Promise<FakeBackend> {
  const fake = createFakeBackend({ packaged: false });
  await fake.provision(
    readFileSync(path.join(packageRoot, 'examples', 'contoso-provisioning.xml'), 'utf8'),
  );
  fake.setBillingCycle({ start: Date.UTC(2025, 11, 15), duration: 'P1M' });
  await fake.register('home');
  await fake.connect();
  await fake.transfer('1200MB');
  return fake;
}
