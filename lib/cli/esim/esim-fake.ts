/**
 * The fake `wmbb esim` uses when the CLI picks the fake itself (`--fake`, or off Windows): the
 * operator's app (so eSIM calls are allowed) on real time, with one eSIM holding one enabled
 * operational profile, and three activation codes that show what a download looks like — a
 * plain one, one that needs a confirmation code, and one slow enough to cancel with Ctrl+C.
 * Any other well-formed code downloads and installs at once (the fake's default rules).
 *
 * @module
 */

import { createFakeBackend, type FakeBackend } from '../../fake/fake-backend.js';

/** The eSIM of the CLI's fake (its EID is its id). */
export const demoEid = '89049032123451234512345678901235';

/** Activation codes the CLI's fake answers in its own way (printed by `wmbb esim --help`). */
export const demoCodes = {
  /** Contoso Travel: installs in about 2 s with 8 progress reports. */
  plain: 'LPA:1$smdp.contoso.example$CONTOSO-DEMO-0001',
  /** Fabrikam: the profile needs the confirmation code 73519. */
  confirmation: 'LPA:1$smdp.fabrikam.example$FABRIKAM-DEMO-0002$$1',
  /** Takes a minute to download and another to install: for trying Ctrl+C. */
  slow: 'LPA:1$smdp.example.com$SLOW-DEMO-0003',
} as const;

/** The confirmation code of {@link demoCodes}.confirmation. */
export const demoConfirmationCode = '73519';

export function createEsimFake(): FakeBackend {
  // The system clock: installs take real time, so progress and Ctrl+C can be seen.
  const fake = createFakeBackend({ clock: 'system' });
  fake.esim.insert({
    eid: demoEid,
    firmwareVersion: '4.6.0',
    availableMemoryBytes: 180_224,
    slotIndex: 1,
    profiles: [
      {
        id: '8944501234567890123',
        providerName: 'Contoso Mobile',
        providerId: '310410',
        nickname: 'Work',
        state: 'enabled',
        class: 'operational',
      },
    ],
  });
  fake.esim.script(demoCodes.plain, {
    metadata: { id: '8944501098765432109', providerName: 'Contoso Travel', providerId: '310410' },
    progressSteps: 8,
    durationMs: 2000,
  });
  fake.esim.script(demoCodes.confirmation, {
    metadata: { id: '8935201234500000017', providerName: 'Fabrikam', providerId: '23415' },
    confirmationCode: demoConfirmationCode,
    progressSteps: 4,
    durationMs: 1000,
  });
  fake.esim.script(demoCodes.slow, {
    metadata: { id: '8901001010000000035', providerName: 'Slow Networks' },
    progressSteps: 120,
    durationMs: 60 * 1000,
  });
  // The default SM-DS knows Contoso Travel's profile, so `esim discover` has something to show
  // and its event downloads with demoCodes.plain.
  fake.esim.scriptDiscover({
    events: [{ rspServerAddress: 'smdp.contoso.example', matchingId: 'CONTOSO-DEMO-0001' }],
    durationMs: 500,
  });
  return fake;
}
