/**
 * Which names of elements and attributes hold secrets, wherever they appear in a document:
 * their values become {@link Secret}s, so `JSON.stringify`, `provision show --json` and logs
 * print `********`.
 *
 * The rule (documented in docs/provisioning.md): a name is secret-named when it contains, in
 * any case, `password`, `passphrase`, `passwd`, `secret`, `credential`, `token`, `psk` or
 * `keymaterial`, or when one of its words (split at camelCase, digits, `-`, `_` and `.`) is
 * `key`, `pin`, `puk`, `cred` or `pwd`. Words, for the short ones, so `Mapping` or `Monkey`
 * are not secrets while `SimPin`, `PIN`, `NetworkKey` and `UserLogonCred` are.
 *
 * @module
 */

const secretSubstrings = /password|passphrase|passwd|secret|credential|token|psk|keymaterial/i;
const secretWords = new Set(['key', 'pin', 'puk', 'cred', 'pwd']);

/** Whether an element or attribute named `name` (its local name) holds a secret. */
export function isSecretName(name: string): boolean {
  if (secretSubstrings.test(name)) return true;
  const words = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  return words.some((word) => secretWords.has(word.toLowerCase()));
}
