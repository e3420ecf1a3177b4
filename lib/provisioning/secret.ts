/**
 * A value that must not be shown: passwords of provisioning documents.
 *
 * @module
 */

import { inspect } from 'node:util';

/** What every textual form of a {@link Secret} prints. */
export const secretMask = '********';

/**
 * Holds a secret string so that it cannot leak by accident: `String(secret)`, template
 * literals, `JSON.stringify` and `util.inspect` (so `console.log`) all print `********`.
 * Only {@link Secret.reveal} gives the value, for the code that really needs it (applying a
 * document to Windows, writing it back with `serializeProvisioning`).
 *
 * @example
 * ```ts
 * import { Secret } from 'windows-mobile-broadband/provisioning';
 * const password = new Secret('hunter2');
 * console.log(`${password}`); // ********
 * console.log(JSON.stringify({ password })); // {"password":"********"}
 * password.reveal(); // 'hunter2'
 * ```
 */
export class Secret {
  // A private field: invisible to JSON, inspect, structuredClone and Object.keys.
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret value itself. Call it only where the value must leave the process. */
  reveal(): string {
    return this.#value;
  }

  /** Whether the secret is the empty string (which is not secret). */
  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  /** Whether two secrets hold the same value, without revealing either. */
  equals(other: Secret): boolean {
    return this.#value === other.#value;
  }

  /** Always `********`. */
  toString(): string {
    return secretMask;
  }

  /** Always `********`, so JSON output never carries the value. */
  toJSON(): string {
    return secretMask;
  }

  /** Always `********`, also in `'' + secret`. */
  [Symbol.toPrimitive](): string {
    return secretMask;
  }

  /** `Secret(********)` in `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `Secret(${secretMask})`;
  }
}
