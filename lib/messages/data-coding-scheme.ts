/**
 * The SMS data coding scheme, TP-DCS (3GPP TS 23.038 §4): character set, message class,
 * compression, automatic deletion and message-waiting indications.
 *
 * @module
 */

import { alphabetOfBits, type Alphabet, type MessageClass } from './alphabet.js';
import { checkByte } from './check-byte.js';

/** The coding groups of TS 23.038 §4 (bits 7..4 of the DCS). */
export type SmsCodingGroup =
  /** `00xx`: general data coding. */
  | 'general'
  /** `01xx`: general data coding, and the message is marked for automatic deletion. */
  | 'automaticDeletion'
  /** `1000`–`1011`: reserved; receivers treat the text as GSM 7-bit. */
  | 'reserved'
  /** `1100`: message waiting indication; the text may be discarded. */
  | 'messageWaitingDiscard'
  /** `1101`: message waiting indication; store the message (GSM 7-bit). */
  | 'messageWaitingStore'
  /** `1110`: message waiting indication; store the message (UCS-2). */
  | 'messageWaitingStoreUcs2'
  /** `1111`: data coding and message class. */
  | 'dataCodingMessageClass';

/** What kind of message is waiting (bits 1..0 of the message-waiting groups). */
export type MessageWaitingKind = 'voicemail' | 'fax' | 'email' | 'other';

/** A message waiting indication carried in the DCS (groups `1100`–`1110`). */
export interface MessageWaitingIndication {
  /** What is waiting. */
  readonly kind: MessageWaitingKind;
  /** True: set the indication (something waits); false: clear it. */
  readonly active: boolean;
  /** True for groups `1101`/`1110` (store the message); false for `1100` (may discard it). */
  readonly store: boolean;
}

/** A TP-DCS byte, described. See {@link describeDataCodingScheme}. */
export interface DataCodingScheme {
  /** The byte itself. */
  readonly value: number;
  /** The coding group (bits 7..4). */
  readonly group: SmsCodingGroup;
  /** The character set; `'reserved'` codes are decoded as GSM 7-bit, as TS 23.038 requires. */
  readonly alphabet: Alphabet;
  /** The message class, where the DCS gives one. */
  readonly messageClass: MessageClass | undefined;
  /** The text is compressed (TS 23.042). The decoders do not decompress it. */
  readonly compressed: boolean;
  /** The message is marked for automatic deletion after reading (group `01xx`). */
  readonly automaticDeletion: boolean;
  /** The message-waiting indication, for groups `1100`–`1110`. */
  readonly messageWaiting: MessageWaitingIndication | undefined;
}

const waitingKinds: readonly MessageWaitingKind[] = ['voicemail', 'fax', 'email', 'other'];

/**
 * Describes an SMS data coding scheme byte (TP-DCS) per 3GPP TS 23.038 §4.
 *
 * @example
 * ```ts
 * import { describeDataCodingScheme } from 'windows-mobile-broadband/messages';
 * const dcs = describeDataCodingScheme(0x18); // UCS-2, class 0 ("flash")
 * console.log(dcs.alphabet, dcs.messageClass); // 'ucs2' 0
 * ```
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` when `dcs` is not an integer 0–255.
 */
export function describeDataCodingScheme(dcs: number): DataCodingScheme {
  checkByte(dcs, 'The data coding scheme');
  const group = dcs >> 4;
  if (group < 0b1000) {
    // 00xx and 01xx share bits 5..0: compression, class meaning, alphabet, class.
    return {
      value: dcs,
      group: group < 0b0100 ? 'general' : 'automaticDeletion',
      alphabet: alphabetOfBits(dcs),
      messageClass: (dcs & 0x10) !== 0 ? ((dcs & 3) as MessageClass) : undefined,
      compressed: (dcs & 0x20) !== 0,
      automaticDeletion: group >= 0b0100,
      messageWaiting: undefined,
    };
  }
  if (group === 0b1111) {
    return {
      value: dcs,
      group: 'dataCodingMessageClass',
      alphabet: (dcs & 0x04) !== 0 ? '8bit' : 'gsm7',
      messageClass: (dcs & 3) as MessageClass,
      compressed: false,
      automaticDeletion: false,
      messageWaiting: undefined,
    };
  }
  if (group >= 0b1100) {
    return {
      value: dcs,
      group:
        group === 0b1100
          ? 'messageWaitingDiscard'
          : group === 0b1101
            ? 'messageWaitingStore'
            : 'messageWaitingStoreUcs2',
      alphabet: group === 0b1110 ? 'ucs2' : 'gsm7',
      messageClass: undefined,
      compressed: false,
      automaticDeletion: false,
      messageWaiting: {
        kind: waitingKinds[dcs & 3]!,
        active: (dcs & 0x08) !== 0,
        store: group !== 0b1100,
      },
    };
  }
  return {
    value: dcs,
    group: 'reserved',
    alphabet: 'reserved',
    messageClass: undefined,
    compressed: false,
    automaticDeletion: false,
    messageWaiting: undefined,
  };
}
