import { describe, expect, it } from 'vitest';
import type { EsimOperationStatus } from '../../lib/backend.js';
import {
  activationResultOf,
  activationResultOfError,
  checkAllowedOrigins,
  MobilePlansActivationError,
  MobilePlansLineType,
  MobilePlansMoDirectStatus,
  MobilePlansNetworkRegistrationState,
  MobilePlansUserAccount,
  readPurchaseMetadata,
  roundRegistrationInterval,
} from '../../lib/mobile-plans/index.js';
import { MobileBroadbandError } from '../../lib/errors.js';

const sample = {
  userAccount: MobilePlansUserAccount.new,
  purchaseInstrument: 'new',
  lineType: MobilePlansLineType.new,
  modirectStatus: MobilePlansMoDirectStatus.complete,
  planName: 'My Plan',
};

describe('purchase metadata', () => {
  it('reads both spellings of line and moDirectStatus, objects and JSON text', () => {
    const a = readPurchaseMetadata(sample);
    const b = readPurchaseMetadata(
      JSON.stringify({
        ...sample,
        lineType: undefined,
        modirectStatus: undefined,
        line: 'new',
        moDirectStatus: 'complete',
      }),
    );
    for (const r of [a, b]) {
      expect(r).toEqual({
        ok: true,
        violations: [],
        metadata: {
          userAccount: 'new',
          purchaseInstrument: 'new',
          line: 'new',
          moDirectStatus: 'complete',
          planName: 'My Plan',
        },
      });
    }
  });

  it('accepts the table spelling "New" and the cancelled status of the cancellation sample', () => {
    const r = readPurchaseMetadata({
      userAccount: 'New',
      purchaseInstrument: 'New',
      line: 'bailed',
      moDirectStatus: 'cancelled',
    });
    expect(r).toMatchObject({
      ok: true,
      metadata: { userAccount: 'new', moDirectStatus: 'cancelled', planName: '' },
      violations: [],
    });
  });

  it('reports a planName that breaks the rule without refusing the metadata', () => {
    expect(readPurchaseMetadata({ ...sample, planName: '' })).toMatchObject({
      ok: true,
      violations: ['planName is empty although moDirectStatus is complete'],
    });
    expect(readPurchaseMetadata({ ...sample, modirectStatus: 'billingError' })).toMatchObject({
      ok: true,
      violations: ['planName is set although moDirectStatus is billingError'],
    });
  });

  it.each([
    ['not JSON', '{'],
    ['an array', []],
    ['null', null],
    ['a missing field', { ...sample, userAccount: undefined }],
    ['an unknown value', { ...sample, userAccount: 'maybe' }],
    ['a number', { ...sample, lineType: 3 }],
    ['spellings that disagree', { ...sample, line: 'existing' }],
    ['a huge planName', { ...sample, planName: 'x'.repeat(10_000) }],
    ['huge JSON', 'x'.repeat(100_000)],
  ])('refuses %s', (_what, input) => {
    const r = readPurchaseMetadata(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeLessThan(400);
  });
});

describe('activation results', () => {
  it('maps every ESimOperationStatus to its own name, and newer ones to unknownError', () => {
    const statuses: EsimOperationStatus[] = [
      'success',
      'notAuthorized',
      'cardBusy',
      'profileDownloadMaxRetriesExceeded',
      'serverNotTrusted',
    ];
    for (const s of statuses) expect(activationResultOf(s)).toBe(s);
    expect(activationResultOf('someStatusOfWindows12')).toBe('unknownError');
    expect(Object.keys(MobilePlansActivationError)).toHaveLength(29 + 7);
    for (const [k, v] of Object.entries(MobilePlansActivationError)) expect(v).toBe(k);
  });

  it('maps the package errors of a flow', () => {
    const e = (
      code: ConstructorParameters<typeof MobileBroadbandError>[0],
      details?: Record<string, unknown>,
    ) => new MobileBroadbandError(code, 'x', { details });
    expect(
      activationResultOfError(e('ERR_ESIM_OPERATION', { status: 'insufficientSpaceOnCard' })),
    ).toBe('insufficientSpaceOnCard');
    expect(activationResultOfError(e('ERR_ESIM_OPERATION', { status: 'brandNew' }))).toBe(
      'unknownError',
    );
    expect(activationResultOfError(e('ERR_INVALID_ACTIVATION_CODE'))).toBe('invalidActivationCode');
    expect(activationResultOfError(e('ERR_INVALID_ICCID'))).toBe('invalidIccid');
    expect(activationResultOfError(e('ERR_NO_MODEM'))).toBe('modemNotFound');
    expect(activationResultOfError(new Error('boom'))).toBe('unknownError');
  });

  it('registration states are the strings the callbacks send', () => {
    expect(Object.values(MobilePlansNetworkRegistrationState)).toEqual([
      'none',
      'deregistered',
      'searching',
      'home',
      'roaming',
      'partner',
      'denied',
    ]);
  });
});

describe('networkRegistrationInterval', () => {
  it.each([
    [0, 0],
    [1, 15],
    [5, 15],
    [15, 15],
    [15.5, 30],
    [16, 30],
    [45, 45],
    [46, 60],
  ])('%d minutes wait %d', (given, waited) => {
    expect(roundRegistrationInterval(given)).toBe(waited);
  });

  it.each([-1, Number.NaN, Infinity, '5', undefined])('refuses %s', (value) => {
    expect(() => roundRegistrationInterval(value)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});

describe('allowedOrigins', () => {
  it('takes full origins only', () => {
    expect([
      ...checkAllowedOrigins(['https://portal.contoso.example', 'http://127.0.0.1:8080'], 'x'),
    ]).toEqual(['https://portal.contoso.example', 'http://127.0.0.1:8080']);
    for (const bad of [
      [],
      ['portal.contoso.example'],
      ['https://portal.contoso.example/buy'],
      ['*'],
      ['ftp://a.example'],
      [7],
    ]) {
      expect(() => checkAllowedOrigins(bad, 'x')).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
  });
});
