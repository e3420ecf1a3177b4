/**
 * A dependency loaded on first use, not when the package is required: `require()` of the
 * package stays cheap for callers that never parse XML or patterns (issue 17: start-up).
 *
 * @module
 * @internal
 */

/** Returns a function that runs `load` once, on its first call, and then returns its result. */
export function loadOnFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
