/**
 * How long a 10 000-step scenario takes on the virtual clock (simulated days in milliseconds),
 * beside a baseline measured in the same run: the same 10 000 records injected with
 * `fake.notify()` and no time passing.
 */

import type { RawNotification } from '../lib/index.js';
import type { Scenario, ScenarioStep } from '../lib/fake/index.js';
import { fake as fakePackage, root } from './built.js';
import { measure, record, report } from './harness.js';

const { connect } = root;
const { createFakeBackend } = fakePackage;

const stepCount = 10_000;

function scenario(): Scenario {
  const cycle: ScenarioStep[] = [
    { action: 'register', state: 'home', after: '10m' },
    { action: 'connect', after: '5s' },
    { action: 'transfer', bytes: '30MB', after: '20m' },
    { action: 'register', state: 'roaming', after: '1h' },
    { action: 'transfer', bytes: '6MB', after: '5m' },
    { action: 'receiveUssd', text: '1.50GB of 5GB used as of 10:30PM on 05 Jan', after: '1m' },
    { action: 'disconnect', after: '30m' },
    { action: 'sleep', after: '1m' },
    { action: 'resume', after: '8h' },
    { action: 'wait', after: '1h' },
  ];
  const steps: ScenarioStep[] = [
    {
      action: 'provision',
      xml: `<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global><CarrierId>{2c85b76b-f859-47c4-8122-721fe8b6c25f}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <MBNProfiles>
    <DefaultProfile xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1"><Name>B</Name><AssociatedPlan>P</AssociatedPlan></DefaultProfile>
    <Messages xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1">
      <Message RuleId="U" Silent="true"><USSDBearer/><Pattern>(\\d+\\.\\d+)(\\w+) of (\\d+)(\\w+) used as of (\\S+ on \\d+ \\w+)</Pattern><Units G="GB" M="MB"/>
        <Fields><Usage Group="1" UnitGroup="2"/><UsageTimestamp Group="5" Format="%I:%M%p on %d %b"/><DataLimit Group="3" UnitGroup="4"/></Fields></Message>
    </Messages>
  </MBNProfiles>
  <Plans><Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1" Name="P"><Description PlanType="Fixed">
    <DataLimitInMegabytes>5120</DataLimitInMegabytes><DataUsageInMobileOperatorNotificationEnabled>true</DataUsageInMobileOperatorNotificationEnabled>
  </Description></Plan></Plans>
</CarrierProvisioning>`,
    },
  ];
  while (steps.length < stepCount) steps.push(...cycle);
  return { steps: steps.slice(0, stepCount) };
}

export default async function scenarioBench(): Promise<void> {
  const input = scenario();
  const records: RawNotification[] = Array.from({ length: stepCount }, (_, i) => ({
    messageType: [9, 6, 3, 8, 3, 2, 7][i % 7]!,
    networkAccountId: 'a',
    origin: 'system' as const,
    ...(i % 7 === 5 ? { message: '1.50GB of 5GB used' } : {}),
  }));
  let simulatedMs = 0;
  let delivered = 0;

  const results = await measure(
    [
      {
        name: 'notify() ×10 000, no time passing',
        operations: stepCount,
        run: async () => {
          const fake = createFakeBackend();
          const mbb = await connect({ backend: fake });
          mbb.notifications.on('notification', () => void delivered++);
          for (const r of records) void fake.notify(r);
          await fake.settled();
          await mbb.close();
        },
      },
      {
        name: 'play() of a 10 000-step scenario',
        operations: stepCount,
        run: async () => {
          const fake = createFakeBackend();
          const mbb = await connect({ backend: fake });
          mbb.notifications.on('notification', () => void delivered++);
          const result = await fake.play(input);
          simulatedMs = result.end.getTime() - result.start.getTime();
          await mbb.close();
        },
      },
    ],
    { rounds: 5 },
  );
  report(
    `Scenario: ${stepCount} steps (${(simulatedMs / 86_400_000).toFixed(0)} simulated days) on the virtual clock`,
    results,
    'notify() ×10 000, no time passing',
  );
  const play = results[1]!;
  record(`→ the ${stepCount}-step scenario plays in ${play.msPerRun.toFixed(0)} ms of real time`);
  if (delivered === 0) throw new Error('nothing was delivered');
}
