/**
 * `wmbb demo`: a short day of a mobile broadband laptop on the fake backend, printed as a
 * timeline: registration, an operator SMS, a USSD balance, a data threshold, and tethering
 * entitlement checks answered by a policy (allowed at home, denied while roaming).
 *
 * @module
 */

import type { Command } from 'commander';
import type { RawNotification } from '../../backend.js';
import { connect } from '../../connect.js';
import { createFakeBackend } from '../../fake/fake-backend.js';
import type { Notification } from '../../notifications/notification.js';
import { createRegistrationTracker } from '../../notifications/registration-tracker.js';
import type { CliContext } from '../cli-context.js';
import { paint } from '../cli-io.js';
import { jsonLine, timelineLine } from '../format-notification.js';

const account = 'contoso-account-1';
const interfaceId = '{0f5b8f4c-6a55-4d2e-9a7b-3c2d1e0f9a11}';
const second = 1000;
const minute = 60 * second;

/** The demo's records, each after a pause of `after` ms of virtual time. */
const steps: {
  after: number;
  record: Omit<RawNotification, 'origin' | 'networkAccountId' | 'interfaceId'>;
}[] = [
  { after: 0, record: { messageType: 9 } },
  { after: 2 * second, record: { messageType: 6 } },
  {
    after: 1 * minute,
    record: {
      messageType: 0,
      encodingType: 0,
      messageDataSize: 37,
      message: 'Welcome to Contoso! Your plan: 5 GB.',
      ruleId: 'Welcome',
      silent: false,
    },
  },
  {
    after: 45 * minute,
    record: {
      messageType: 2,
      encodingType: 15,
      messageDataSize: 38,
      message: '1.50GB of 5GB used as of 09:46AM on 05 Jan',
      ruleId: 'Sample2',
      silent: false,
      fields: {
        usageBytes: 1.5 * 2 ** 30,
        dataLimitBytes: 5 * 2 ** 30,
        usageTimestamp: new Date(Date.UTC(2026, 0, 5, 9, 46)),
      },
    },
  },
  { after: 20 * minute, record: { messageType: 3 } },
  { after: 10 * minute, record: { messageType: 10 } },
  { after: 3 * 60 * minute, record: { messageType: 8 } },
  { after: 30 * minute, record: { messageType: 8 } },
  { after: 5 * minute, record: { messageType: 10 } },
  { after: 2 * 60 * minute, record: { messageType: 9 } },
  { after: 1 * second, record: { messageType: 7 } },
];

interface DemoOptions {
  json?: boolean;
}

/** Registers `demo` on the program. */
export function registerDemo(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('demo')
    .description('play a short built-in day on the fake backend, printed as a timeline')
    .option('--json', 'one JSON object per line (NDJSON)')
    .action((options: DemoOptions) => done(demo(context, options)));
}

async function demo(context: CliContext, options: DemoOptions): Promise<void> {
  const { io } = context;
  const fake = createFakeBackend();
  const mbb = await connect({ backend: fake });
  const tracker = createRegistrationTracker();
  const pending: Promise<void>[] = [];

  if (!options.json)
    io.err(
      paint(io, 'dim', 'wmbb demo: a simulated day on the fake backend (virtual time, UTC)\n'),
    );
  mbb.notifications.on('notification', (n: Notification) => {
    const change = tracker.update(n);
    if (options.json) {
      if (n.type !== 'tetheringEntitlementCheck') io.out(jsonLine(n));
      return;
    }
    io.out(timelineLine(io, n));
    if (change !== undefined) {
      io.out(
        paint(
          io,
          'green',
          `${' '.repeat(14)}↳ tell the user once: ${change.to === 'roaming' ? 'you are roaming' : 'back on the home network'}\n`,
        ),
      );
    }
  });
  // The operator's policy: tethering is part of the plan at home, not while roaming.
  mbb.notifications.on('tetheringEntitlementCheck', (check) => {
    const roaming = tracker.state(check.networkAccountId ?? '') === 'roaming';
    pending.push(
      check.authorize(!roaming, 'Tethering is not included in your plan while roaming').then(() => {
        if (options.json) io.out(jsonLine(check));
      }),
    );
  });

  for (const step of steps) {
    fake.clock.advance(step.after);
    await fake.notify({ ...step.record, networkAccountId: account, interfaceId, origin: 'system' });
  }
  await Promise.all(pending);
  await mbb.close();
}
