/**
 * What `operatorManifestFragments()` and `wmbb package manifest` take, and the checks that turn
 * it into values the fragments can hold: each rule is the one the manifest schema states for the
 * attribute the value ends up in, so a value that passes makes a manifest MakeAppx accepts, and
 * one that does not is an `ERR_INVALID_ARGUMENT` naming the option (never XML that breaks, or
 * says something else).
 *
 * @module
 */

import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { platformPackageName } from '../package-info.js';
import { quoteUserValue } from '../text/quote-user-value.js';
import {
  operatorTaskArchitectures,
  operatorTaskDllName,
  type OperatorTaskArchitecture,
} from './operator-component.js';

/** Options of {@link operatorManifestFragments}. */
export interface OperatorManifestOptions {
  /**
   * The package identity name (`<Identity Name>`): 3 to 50 characters of letters, digits, `.`
   * and `-`, and not a reserved device name (`CON`, `NUL`, `COM1` …).
   */
  name: string;
  /**
   * The app's executable, relative to the package root, ending in `.exe` (`MyOperatorApp.exe`,
   * or `app\MyOperatorApp.exe` in an electron-builder package). COM starts it to serve.
   */
  exe: string;
  /**
   * An Electron app: COM starts it with `--wmbb-serve` (and `-Embedding`), and the component
   * is looked for under `resources\app.asar.unpacked`. Otherwise a Node single executable,
   * started with `serve`.
   */
  electron?: boolean;
  /** The package's architecture, which picks the component's build. Default `x64`. */
  arch?: OperatorTaskArchitecture;
  /**
   * Where the package holds `wmbb-operator-task.dll`, relative to the package root. Default:
   * beside the executable, in the platform package npm installs with this one,
   * `[resources\app.asar.unpacked\]node_modules\windows-mobile-broadband-win32-<arch>\
   * prebuilds\win32-<arch>\wmbb-operator-task.dll`.
   */
  componentPath?: string;
  /** Also declare the eSIM custom capability (`Microsoft.eSIMManagement_8wekyb3d8bbwe`). */
  esim?: boolean;
  /** The component's own answer when the app cannot answer an entitlement check. Default `deny`. */
  entitlementDefault?: 'allow' | 'deny';
  /** The reason Windows shows with a default denial: one line, at most 512 characters. */
  entitlementReason?: string;
  /** How long the component waits for the app's answer: 1000 to 25000 ms. Default 20000. */
  entitlementDeadlineMs?: number;
}

/** {@link OperatorManifestOptions} checked, with every default filled in. */
export interface CheckedOperatorManifestOptions {
  name: string;
  exe: string;
  electron: boolean;
  arch: OperatorTaskArchitecture;
  componentPath: string;
  esim: boolean;
  entitlementDefault: 'allow' | 'deny';
  entitlementReason: string;
  entitlementDeadlineMs: number;
}

/** How an error names an option: its property name, or a CLI flag (`--name`). */
export type OperatorManifestOptionLabels = Partial<Record<keyof OperatorManifestOptions, string>>;

/** The reason a default denial gives when none is configured (the component's own default). */
export const defaultEntitlementReason =
  'The operator app could not check your plan; try again in a minute.';
/** The deadline the component uses when none is configured. */
export const defaultEntitlementDeadlineMs = 20_000;
/** The shortest and longest deadlines the component accepts. */
export const entitlementDeadlineRange = { min: 1_000, max: 25_000 } as const;
/** The longest reason accepted. */
export const maxEntitlementReasonChars = 512;
/** The longest package-relative path accepted (`com:ExeServer Executable`: 1 to 256). */
export const maxPackagePathChars = 256;

// "A string with a value between 3 and 50 characters in length that consists of alpha-numeric,
// period, and dash characters. Additionally, it cannot be any of the following string values:
// CON, PRN, AUX, NUL, COM1…COM9, LPT1…LPT9" (uapmanifestschema "element-identity", Name).
const identityName = /^[A-Za-z0-9.-]{3,50}$/;
const reservedNames = /^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/i;
// `com:ExeServer Executable`: "must end with .exe and cannot contain these characters: <, >, :,
// ", |, ?, or *" ("element-com-exeserver"); control characters cannot be in a Windows path.
// eslint-disable-next-line no-control-regex -- control characters are what it refuses.
const notInPath = /[<>:"|?*\u0000-\u001f\u007f]/;
// One line a person reads: no controls (C0, DEL, C1), no line or paragraph separators, no lone
// surrogates. INI values cannot span lines, and Windows shows the reason as given.
const notInReason =
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses.
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks `options` and fills in the defaults; throws `ERR_INVALID_ARGUMENT` (with
 * `details.option`) for the first option that cannot go into a manifest.
 */
export function checkOperatorManifestOptions(
  options: OperatorManifestOptions,
  labels: OperatorManifestOptionLabels = {},
): CheckedOperatorManifestOptions {
  const fail = (option: keyof OperatorManifestOptions, problem: string): never => {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${labels[option] ?? option} ${problem}`,
      {
        details: { option },
      },
    );
  };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `the manifest options must be an object, got ${describeKind(options)}`,
    );

  const name = options.name as unknown;
  if (typeof name !== 'string') return fail('name', `must be a string, got ${describeKind(name)}`);
  if (!identityName.test(name))
    fail(
      'name',
      `must be a package identity name: 3 to 50 letters, digits, "." and "-", got ${quoteUserValue(name)}`,
    );
  if (reservedNames.test(name))
    fail('name', `cannot be ${quoteUserValue(name)}: Windows reserves that name for a device`);

  const exe = packagePath(options.exe, 'exe', '.exe', fail);
  const arch = (options.arch ?? 'x64') as unknown;
  if (!operatorTaskArchitectures.includes(arch as OperatorTaskArchitecture))
    fail(
      'arch',
      `must be ${operatorTaskArchitectures.join(' or ')} (the architectures the component ships for), got ${typeof arch === 'string' ? quoteUserValue(arch) : describeKind(arch)}`,
    );
  const electron = flag(options.electron, 'electron', fail);
  const componentPath =
    options.componentPath === undefined
      ? defaultComponentPath(exe, electron, arch as OperatorTaskArchitecture)
      : packagePath(options.componentPath, 'componentPath', '.dll', fail);
  const fileName = componentPath.slice(componentPath.lastIndexOf('\\') + 1);
  if (fileName.toLowerCase() !== operatorTaskDllName)
    fail(
      'componentPath',
      `must name the component's own file, ${operatorTaskDllName} (its settings file is found beside it by that name), got ${quoteUserValue(fileName)}`,
    );

  const entitlementDefault = (options.entitlementDefault ?? 'deny') as unknown;
  if (entitlementDefault !== 'allow' && entitlementDefault !== 'deny')
    fail(
      'entitlementDefault',
      `must be allow or deny, got ${typeof entitlementDefault === 'string' ? quoteUserValue(entitlementDefault) : describeKind(entitlementDefault)}`,
    );
  const reason = (options.entitlementReason ?? defaultEntitlementReason) as unknown;
  if (typeof reason !== 'string')
    return fail('entitlementReason', `must be a string, got ${describeKind(reason)}`);
  if (reason.length === 0 || reason.length > maxEntitlementReasonChars)
    fail(
      'entitlementReason',
      `must be 1 to ${maxEntitlementReasonChars} characters, got ${reason.length}`,
    );
  if (notInReason.test(reason))
    fail(
      'entitlementReason',
      `must be one line of text without control characters, got ${quoteUserValue(reason)}`,
    );
  if (reason.trim() !== reason)
    fail(
      'entitlementReason',
      `cannot start or end with white space (Windows' INI reader drops it), got ${quoteUserValue(reason)}`,
    );
  const deadline = (options.entitlementDeadlineMs ?? defaultEntitlementDeadlineMs) as unknown;
  if (
    typeof deadline !== 'number' ||
    !Number.isInteger(deadline) ||
    deadline < entitlementDeadlineRange.min ||
    deadline > entitlementDeadlineRange.max
  )
    fail(
      'entitlementDeadlineMs',
      `must be a whole number of milliseconds from ${entitlementDeadlineRange.min} to ${entitlementDeadlineRange.max}, got ${describeKind(deadline)}`,
    );

  return {
    name,
    exe,
    electron,
    arch: arch as OperatorTaskArchitecture,
    componentPath,
    esim: flag(options.esim, 'esim', fail),
    entitlementDefault: entitlementDefault as 'allow' | 'deny',
    entitlementReason: reason,
    entitlementDeadlineMs: deadline as number,
  };
}

/**
 * The component's path when the app does not name one: the package's copy of the platform
 * package for `arch` (`windows-mobile-broadband-win32-<arch>`, which npm installs beside this
 * one) beside the executable (under `resources\app.asar.unpacked` for Electron, where native
 * files must be unpacked from the asar archive to be loadable).
 */
export function defaultComponentPath(
  exe: string,
  electron: boolean,
  arch: OperatorTaskArchitecture,
): string {
  const dir = exe.includes('\\') ? exe.slice(0, exe.lastIndexOf('\\') + 1) : '';
  return `${dir}${electron ? 'resources\\app.asar.unpacked\\' : ''}node_modules\\${platformPackageName('win32', arch)}\\prebuilds\\win32-${arch}\\${operatorTaskDllName}`;
}

/** A relative path inside the package, with `\` separators, ending in `suffix`. */
function packagePath(
  value: unknown,
  option: 'exe' | 'componentPath',
  suffix: string,
  fail: (option: keyof OperatorManifestOptions, problem: string) => never,
): string {
  if (typeof value !== 'string')
    return fail(option, `must be a string, got ${describeKind(value)}`);
  const what = `a path inside the package (relative to its root, like app\\MyApp${suffix})`;
  if (value.length === 0 || value.length > maxPackagePathChars)
    fail(option, `must be ${what} of 1 to ${maxPackagePathChars} characters, got ${value.length}`);
  if (notInPath.test(value))
    fail(
      option,
      `must be ${what}, without < > : " | ? * or control characters, got ${quoteUserValue(value)}`,
    );
  const path = value.replace(/\//g, '\\');
  const segments = path.split('\\');
  if (
    segments.some((s) => s === '' || s === '.' || s === '..' || s.trim() !== s || s.endsWith('.'))
  )
    fail(
      option,
      `must be ${what}: no leading or doubled separators, no . or .. parts, no part that starts or ends with a space or ends with a dot; got ${quoteUserValue(value)}`,
    );
  if (!path.toLowerCase().endsWith(suffix) || path.length === suffix.length)
    fail(option, `must name a ${suffix} file, got ${quoteUserValue(value)}`);
  return path;
}

function flag(
  value: unknown,
  option: 'electron' | 'esim',
  fail: (option: keyof OperatorManifestOptions, problem: string) => never,
): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    return fail(option, `must be a boolean, got ${describeKind(value)}`);
  return value;
}
