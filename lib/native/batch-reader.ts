/**
 * A cursor over one batch of the addon's records (native/winrt/core/event-records.h): 32-bit
 * words, and one string holding every string of the batch back to back. Shared by every
 * capability's decoder. A read past the end throws RangeError: the batch cannot be framed.
 *
 * @module
 * @internal
 */

export class BatchReader {
  #word = 0;
  #char = 0;
  constructor(
    readonly words: Int32Array,
    readonly text: string,
  ) {}
  get done(): boolean {
    return this.#word >= this.words.length;
  }
  int(): number {
    if (this.#word >= this.words.length) throw new RangeError('truncated event record');
    return this.words[this.#word++]!;
  }
  bool(): boolean {
    return this.int() !== 0;
  }
  string(): string {
    const length = this.int();
    const start = this.#char;
    this.#char += length;
    if (length < 0 || this.#char > this.text.length) throw new RangeError('truncated event text');
    return this.text.slice(start, this.#char);
  }
  optionalInt(): number | undefined {
    const present = this.int();
    const value = this.int();
    return present !== 0 ? value : undefined;
  }
  /** Two words, low then high (RecordBatch::Int64); exact up to 2^53 (a DateTime in ms is). */
  int64(): number {
    const low = this.int() >>> 0;
    const high = this.int();
    return high * 2 ** 32 + low;
  }
}
