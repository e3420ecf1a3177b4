/**
 * Small byte arrays for decoded results.
 *
 * V8 allocates a typed array of more than 64 bytes outside the heap, which costs about ten
 * times the rest of decoding a PDU. Like Node's `Buffer` pool, arrays above that size are
 * carved from shared 8 KiB slabs: each region is handed out once (never reused), so a decoded
 * message never sees another's bytes, though several may share one `ArrayBuffer`.
 *
 * @module
 */

const slabSize = 8192;
/** Up to this size V8 keeps a typed array on the heap, where allocation is cheap. */
const onHeapMax = 64;

let slab = new ArrayBuffer(slabSize);
let used = 0;

/** A zero-filled array of `length` bytes that nothing else holds. */
export function allocateBytes(length: number): Uint8Array {
  if (length <= onHeapMax || length > slabSize >> 2) return new Uint8Array(length);
  if (used + length > slabSize) {
    slab = new ArrayBuffer(slabSize);
    used = 0;
  }
  const view = new Uint8Array(slab, used, length);
  used += length;
  return view;
}

/** A copy of `source[start..end)`. */
export function copyBytes(source: Uint8Array, start = 0, end: number = source.length): Uint8Array {
  const out = allocateBytes(end - start);
  for (let i = start; i < end; i++) out[i - start] = source[i]!;
  return out;
}
