/**
 * `import()` for the bundle's code: ES-module-only dependencies (`@clack/prompts`), optional
 * ones (`playwright-core`) and the user's own modules (`wmbb serve --handler`).
 *
 * Why not `import()` where it is used: the executable runs the bundle as a `vm` script with
 * V8's code cache (code-cache.ts), and Node 20 lets such a script call `import()` only with
 * `--experimental-vm-modules`, or through an experimental loader that prints a warning on the
 * user's terminal. This module stays a file of its own that Node loads as any other
 * (scripts/bundle-dist.cjs keeps it out of the bundle, and refuses a bundle that still calls
 * `import()`), so its `import()` is Node's own.
 *
 * `specifier` is a package name, a `node:` module or a `file:` URL: a relative one would
 * resolve from dist/, not from its caller.
 *
 * @module
 * @internal
 */

/** `import(specifier)`, typed by the caller (`importModule<typeof Prompts>('@clack/prompts')`). */
export function importModule<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
