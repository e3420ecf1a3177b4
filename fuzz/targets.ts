/**
 * What the fuzzer feeds, and to what: every channel through which text from outside reaches
 * the package. Each target makes input number `index` from seeds (mutated) or from nothing, and
 * runs it; a typed error (`MobileBroadbandError`) is a correct answer, anything else thrown is
 * a crash. Targets whose function is total (the blob reader, the record conversion) must not
 * throw at all.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseActivationCode } from '../lib/esim/activation-code.js';
import { validateScenario } from '../lib/fake/scenario/validate-scenario.js';
import { decodeSmsPdu } from '../lib/messages/decode-sms-pdu.js';
import { decodeUssd } from '../lib/messages/decode-ussd.js';
import { readPurchaseMetadata } from '../lib/mobile-plans/purchase-metadata.js';
import { operatorEventFromBlob } from '../lib/native/operator-event-blob.js';
import { toNotification } from '../lib/notifications/to-notification.js';
import { compileMessageRules } from '../lib/provisioning/message-rule-set.js';
import { matchOperatorMessage } from '../lib/provisioning/match-operator-message.js';
import { parseProvisioning } from '../lib/provisioning/parse-provisioning.js';
import { parseProvisioningResults } from '../lib/provisioning/provisioning-results.js';
import { mutate, randomHex, randomText } from './mutate.js';
import type { Random } from './random.js';
import { selfCheckTargets } from './self-check-targets.js';

export interface FuzzTarget {
  readonly name: string;
  /** What it feeds, in words. */
  readonly description: string;
  /** Whether the function under test must never throw (a typed error is a crash too). */
  readonly total?: boolean;
  generate(random: Random): string;
  run(input: string): unknown;
}

const root = path.join(__dirname, '..');
const read = (...parts: string[]): string => readFileSync(path.join(root, ...parts), 'utf8');

const provisioningSeeds = [
  read('examples', 'contoso-provisioning.xml'),
  read('examples', 'prepaid-provisioning.xml'),
  read('test', 'fixtures', 'provisioning', 'usage-rules.xml'),
  read('test', 'fixtures', 'provisioning', 'filtering-rules-sample.xml'),
  read('test', 'fixtures', 'provisioning', 'data-plan-threshold-sample.xml'),
];

const pduSeeds = [
  '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37',
  '07910201956905F0040B910201014160F3000820219130521580040628062A',
  '0011000B916407281553F80000AA0AE8329BFD4697D9EC37',
  '00440C9144770009103200006210508000000009050003CC02019069',
];

const resultSeeds = [
  `<CarrierProvisioningResult xmlns="http://www.microsoft.com/networking/CarrierControlResults/v1" xmlns:v2="http://www.microsoft.com/networking/CarrierControlResults/v2" errorCode="S_OK"><Issuer errorCode="S_OK"/><MBNProfiles><DefaultProfile name="Contoso" errorCode="S_OK"/><PurchaseProfile name="P" errorCode="80070057"/></MBNProfiles><v2:Plans><v2:Plan name="D" errorCode="0x80070490"/></v2:Plans></CarrierProvisioningResult>`,
];

const activationSeeds = [
  'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815',
  'LPA:1$SMDP.Example.com$K2-1ABCD-2EFGH$1.3.6.1.4.1.31746$1',
  'LPA:1$smdp.example.com',
  'LPA:1$10.0.0.1$MATCH$$1',
];

const scenarioSeeds = ['roaming-day.json', 'prepaid-plan.json', 'tethering-session.json'].map(
  (file) => read('examples', file),
);

const blobSeeds = [
  '{"v":1,"type":8,"account":"{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}","interface":"","time":1767600000000}',
  '{"v":1,"type":0,"account":"{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}","encoding":4,"message":"Balance 5","ruleId":"r1","sms":{"format":4,"pdu":"00440C9144770009103200006210508000000009050003CC02019069"}}',
  '{"v":1,"type":10,"account":"acct"}',
];

const portalSeeds = [
  '{"userAccount":"new","purchaseInstrument":"new","lineType":"new","modirectStatus":"complete","planName":"My Plan"}',
  '{"userAccount":"New","purchaseInstrument":"Existing","line":"bailed","moDirectStatus":"cancelled","planName":""}',
  '{"userAccount":"none","purchaseInstrument":"none","line":"none","moDirectStatus":"serviceError","planName":""}',
];

const messages = compileMessageRules(parseProvisioning(provisioningSeeds[0]!));
const messageSeeds = [
  'Your balance is 512 MB of 5 GB, as of 05/01 08:00',
  'You have used 80% of your data. 4,096.5 MB left',
  'Roaming: welcome to Fabrikam',
];

/** Mostly mutated seeds; now and then something with no seed at all. */
function fromSeeds(seeds: readonly string[], random: Random, fresh: () => string): string {
  return random.chance(0.05) ? fresh() : mutate(random.pick(seeds), random);
}

const channels: readonly FuzzTarget[] = [
  {
    name: 'pdu',
    description: 'SMS PDUs (decodeSmsPdu) and USSD payloads (decodeUssd with a random DCS)',
    generate: (random) => fromSeeds(pduSeeds, random, () => randomHex(random, 200)),
    run: (input) => {
      decodeSmsPdu(input);
      return decodeUssd(input.slice(0, 320), input.length % 256);
    },
  },
  {
    name: 'provisioning',
    description:
      'CarrierProvisioning XML (parseProvisioning, compileMessageRules, then its rules on a text of its own)',
    generate: (random) => fromSeeds(provisioningSeeds, random, () => randomText(random, 400)),
    run: (input) => {
      const rules = compileMessageRules(parseProvisioning(input));
      // The document's own rules, joined per sender (joined-candidates.ts), on a text of it.
      const text = input.slice(0, 200);
      for (const sender of [...rules.senders.slice(0, 4), undefined])
        matchOperatorMessage(rules, { bearer: 'sms', sender, text, classZero: true });
      return matchOperatorMessage(rules, { bearer: 'ussd', text });
    },
  },
  {
    name: 'results',
    description: "Windows' provisioning result documents (parseProvisioningResults)",
    generate: (random) => fromSeeds(resultSeeds, random, () => randomText(random, 300)),
    run: (input) => parseProvisioningResults(input, input.length % 2 === 0),
  },
  {
    name: 'activation',
    description: 'eSIM activation codes (parseActivationCode)',
    generate: (random) => fromSeeds(activationSeeds, random, () => randomText(random, 120)),
    run: (input) => parseActivationCode(input),
  },
  {
    name: 'scenario',
    description:
      'fake scenario JSON (JSON.parse, then validateScenario); text JSON rejects is skipped',
    generate: (random) => fromSeeds(scenarioSeeds, random, () => randomText(random, 200)),
    run: (input) => {
      let json: unknown;
      try {
        json = JSON.parse(input);
      } catch {
        return undefined; // not JSON: JSON.parse's business, not ours
      }
      return validateScenario(json);
    },
  },
  {
    name: 'messages',
    description: 'operator message texts against the Contoso rules (matchOperatorMessage)',
    generate: (random) => fromSeeds(messageSeeds, random, () => randomText(random, 160)),
    run: (input) =>
      matchOperatorMessage(
        messages,
        { bearer: input.length % 2 === 0 ? 'ussd' : 'sms', text: input, classZero: true },
        { referenceTime: 1_767_600_000_000 },
      ),
  },
  {
    name: 'portal',
    description: "a Mobile Plans portal's purchase metadata JSON (readPurchaseMetadata, total)",
    total: true,
    generate: (random) => fromSeeds(portalSeeds, random, () => randomText(random, 200)),
    run: (input) => readPurchaseMetadata(input),
  },
  {
    name: 'blob',
    description: "the forwarding component's JSON blobs, then the record conversion (both total)",
    total: true,
    generate: (random) => fromSeeds(blobSeeds, random, () => randomText(random, 200)),
    run: (input) =>
      toNotification(operatorEventFromBlob(input, { checkId: input.length % 3 }), {
        sequence: 1,
        now: 0,
        createEntitlementCheck: (base) => ({ ...base }) as never,
      }),
  },
];

/** Every target: the channels, and the fuzzer's own self-check targets when asked for. */
export const targets: readonly FuzzTarget[] =
  process.env.WMBB_FUZZ_SELF_CHECK === '1' ? [...channels, ...selfCheckTargets] : channels;
