/** The owner window of provisioning.apply(): a bigint, or the Buffer Electron gives. */

import { describe, expect, it } from 'vitest';
import { MobileBroadbandError } from '../../lib/errors.js';
import { ownerWindowHandle } from '../../lib/provisioning/owner-window.js';

function rejects(value: unknown): string {
  try {
    ownerWindowHandle(value, 'provisioning.apply()');
  } catch (error) {
    expect(error).toBeInstanceOf(MobileBroadbandError);
    expect((error as MobileBroadbandError).code).toBe('ERR_INVALID_ARGUMENT');
    return (error as MobileBroadbandError).message;
  }
  throw new Error('accepted');
}

describe('ownerWindowHandle', () => {
  it('takes a bigint from 1 to 2^64 - 1', () => {
    expect(ownerWindowHandle(1n, 'x')).toBe(1n);
    expect(ownerWindowHandle((1n << 64n) - 1n, 'x')).toBe((1n << 64n) - 1n);
  });

  it("reads Electron's Buffer little-endian, 8 or 4 bytes, wherever it sits in its memory", () => {
    const wide = Buffer.alloc(8);
    wide.writeBigUInt64LE(0x0001_0002_0003_0004n);
    expect(ownerWindowHandle(wide, 'x')).toBe(0x0001_0002_0003_0004n);
    const narrow = Buffer.alloc(4);
    narrow.writeUInt32LE(0xfedc_ba98);
    expect(ownerWindowHandle(narrow, 'x')).toBe(0xfedc_ba98n);
    const pooled = Buffer.from([9, 9, 0x44, 0x33, 0x22, 0x11, 0, 0, 0, 0]).subarray(2);
    expect(ownerWindowHandle(pooled, 'x')).toBe(0x1122_3344n);
    expect(ownerWindowHandle(new Uint8Array([1, 0, 0, 0]), 'x')).toBe(1n);
  });

  it('refuses anything else with a message saying what it takes', () => {
    expect(rejects(0n)).toMatch(/from 1 to 2\^64 - 1/);
    expect(rejects(-5n)).toMatch(/from 1 to 2\^64 - 1/);
    expect(rejects(1n << 64n)).toMatch(/from 1 to 2\^64 - 1/);
    expect(rejects(Buffer.alloc(8))).toMatch(/null window handle/);
    expect(rejects(Buffer.alloc(2))).toMatch(/4 or 8 bytes.*got 2 bytes/);
    expect(rejects(12345)).toMatch(/BigInt\(handle\)/);
    expect(rejects('0x1234')).toMatch(/got string/);
    expect(rejects(null)).toMatch(/got null/);
    expect(rejects(12345)).toMatch(/^provisioning\.apply\(\): ownerWindow /);
  });
});
