import { describe, expect, it } from 'vitest';
import type { EsimInfo } from '../../lib/backend.js';
import { decodeEsimRecords, type EsimRecordHandler } from '../../lib/native/event-records.js';
import { RecordEncoder } from './record-encoder.js';

const esim: EsimInfo = {
  id: '89049032123451234512345678901235',
  eid: '89049032123451234512345678901235',
  firmwareVersion: '3.2.1',
  availableMemoryBytes: 412_000,
  modemDeviceId: '\\\\?\\USB#modem-a',
  state: 'busy',
  slotIndex: 0,
  policy: { shouldEnableManagingUi: true },
  profiles: [
    {
      id: '8944501234567890123',
      class: 'provisioning',
      nickname: 'Wörk ✓',
      providerId: '310410',
      providerName: 'Contoso',
      state: 'enabled',
      policy: { canDelete: false, canDisable: true, isManagedByEnterprise: true },
    },
  ],
};

function collect(words: Int32Array, text: string): unknown[] {
  const out: unknown[] = [];
  const handler: EsimRecordHandler = {
    esim: (kind, value) => out.push([kind, value]),
    enumerationCompleted: () => out.push(['enumerationCompleted']),
    stopped: () => out.push(['stopped']),
    overflow: (n) => out.push(['overflow', n]),
    error: (hresult, call, esimId) =>
      out.push(esimId === undefined ? ['error', hresult, call] : ['error', hresult, call, esimId]),
  };
  decodeEsimRecords(words, text, handler);
  return out;
}

describe('decodeEsimRecords', () => {
  it('decodes every record kind in order, with every field', () => {
    const noOptional = {
      ...esim,
      availableMemoryBytes: undefined,
      slotIndex: undefined,
      profiles: [],
    };
    const [words, text] = new RecordEncoder()
      .esim('added', esim)
      .control('enumerationCompleted')
      .esim('updated', noOptional)
      .overflow(42)
      .esim('removed', { ...esim, state: 'removed' })
      .error(0x800706ba, 'ESim.Eid')
      .control('stopped')
      .batch();
    expect(collect(words, text)).toEqual([
      ['added', esim],
      ['enumerationCompleted'],
      ['updated', noOptional],
      ['overflow', 42],
      ['removed', { ...esim, state: 'removed' }],
      ['error', 0x800706ba, 'ESim.Eid'],
      ['stopped'],
    ]);
  });

  it('gives an eSIM without an EID the id modem:<device id>', () => {
    const [words, text] = new RecordEncoder().esim('added', { ...esim, eid: '' }).batch();
    const [[, decoded]] = collect(words, text) as [[string, EsimInfo]];
    expect(decoded.id).toBe('modem:\\\\?\\USB#modem-a');
  });

  it('maps enum values newer than this version to unknown where the enum has one', () => {
    const encoder = new RecordEncoder().esim('added', esim);
    const stateIndex = 1 + 3 + 2; // kind, three strings, optional memory
    encoder.words[stateIndex] = 9;
    const [[, decoded]] = collect(...encoder.batch()) as [[string, EsimInfo]];
    expect(decoded.state).toBe('unknown');
  });

  it('reports a record with an unknown profile class as an error and goes on', () => {
    const encoder = new RecordEncoder().esim('added', esim);
    const classIndex = 1 + 3 + 2 + 1 + 2 + 1 + 1 + 1; // …, policy, profile count, profile id
    encoder.words[classIndex] = 7;
    encoder.control('enumerationCompleted');
    const out = collect(...encoder.batch());
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual(['error', 0x8000ffff, expect.stringContaining('ESimProfileClass 7')]);
    expect(out[1]).toEqual(['enumerationCompleted']);
  });

  it('delivers an eSIM read in part, then the read that failed, naming the eSIM', () => {
    // A removed eSIM whose profiles Windows no longer lists: identity and what could be read.
    const partial: EsimInfo = { ...esim, firmwareVersion: '', profiles: [] };
    const failure = { hresult: 0x800706ba, call: 'ESim.FirmwareVersion' };
    const encoder = new RecordEncoder().esim('removed', partial, failure);
    encoder.control('enumerationCompleted');
    expect(collect(...encoder.batch())).toEqual([
      ['removed', partial],
      ['error', 0x800706ba, 'ESim.FirmwareVersion', partial.id],
      ['enumerationCompleted'],
    ]);
  });

  it('reports a truncated or unknown record once and stops reading the batch', () => {
    const [words, text] = new RecordEncoder().control('stopped').raw(99, 1, 2).batch();
    expect(collect(words, text)).toEqual([
      ['stopped'],
      ['error', 0x8000ffff, expect.stringContaining('unknown event record kind 99')],
    ]);
    const truncated = new RecordEncoder().esim('added', esim).batch();
    expect(collect(truncated[0].subarray(0, 10), truncated[1])).toEqual([
      ['error', 0x8000ffff, expect.stringContaining('truncated')],
    ]);
  });
});
