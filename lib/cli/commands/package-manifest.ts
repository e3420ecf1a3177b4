/**
 * `wmbb package manifest --name <identity> --exe <path> [--electron] …`: prints the AppxManifest
 * fragments and the component's INI file an operator app needs (lib/packaging), each titled
 * with where it goes, or all five as one JSON object with `--json`. Pure: reads and writes no
 * file, needs no Windows and no backend.
 *
 * @module
 */

import type { Command } from 'commander';
import { MobileBroadbandError } from '../../errors.js';
import {
  checkOperatorManifestOptions,
  type CheckedOperatorManifestOptions,
  type OperatorManifestOptionLabels,
} from '../../packaging/operator-manifest-options.js';
import {
  operatorManifestFragments,
  type OperatorManifestFragments,
} from '../../packaging/operator-manifest.js';
import { operatorTaskIniName } from '../../packaging/operator-component.js';
import { checkApplicationId, packageFamilyName } from '../../packaging/package-family-name.js';
import { quoteUserValue } from '../../text/quote-user-value.js';
import type { CliContext } from '../cli-context.js';
import { paint, type CliIo } from '../cli-io.js';

interface PackageManifestFlags {
  name: string;
  exe: string;
  electron?: boolean;
  arch?: string;
  componentPath?: string;
  esim?: boolean;
  entitlementDefault?: string;
  entitlementReason?: string;
  entitlementDeadlineMs?: string;
  publisher?: string;
  appId?: string;
  json?: boolean;
}

/** How errors name the options: as the flags the user typed. */
const flagNames: OperatorManifestOptionLabels = {
  name: '--name',
  exe: '--exe',
  electron: '--electron',
  arch: '--arch',
  componentPath: '--component-path',
  esim: '--esim',
  entitlementDefault: '--entitlement-default',
  entitlementReason: '--entitlement-reason',
  entitlementDeadlineMs: '--entitlement-deadline-ms',
};

/** Registers `package` and its `manifest` subcommand on the program. */
export function registerPackage(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  const pkg = program
    .command('package')
    .description("what an operator app's MSIX package declares (docs/packaging.md)");
  pkg
    .command('manifest')
    .description(
      'print the AppxManifest fragments and wmbb-operator-task.ini an operator app needs, each with where it goes',
    )
    .requiredOption('--name <identity>', 'the package identity name (<Identity Name>)')
    .requiredOption('--exe <path>', "the app's executable inside the package (app\\MyApp.exe)")
    .option(
      '--electron',
      'an Electron app (COM starts it with --wmbb-serve); else a Node single executable (serve)',
    )
    .option('--arch <arch>', 'x64 or arm64: which build of the component (default x64)')
    .option(
      '--component-path <path>',
      'where the package holds wmbb-operator-task.dll (default: beside --exe)',
    )
    .option('--esim', 'also declare the eSIM custom capability')
    .option(
      '--entitlement-default <answer>',
      'allow or deny when the app cannot answer a check (default deny)',
    )
    .option('--entitlement-reason <text>', 'the reason shown with a default denial')
    .option(
      '--entitlement-deadline-ms <n>',
      'how long the component waits for the app, 1000 to 25000 (default 20000)',
    )
    .option('--publisher <dn>', "the package's Publisher (CN=…), to print the exact COSA AppID")
    .option('--app-id <id>', "the manifest's Application Id, for the COSA AppID")
    .option(
      '--json',
      'one JSON object: { namespaces, packageExtensions, applicationExtensions, capabilities, taskConfig }',
    )
    .action((flags: PackageManifestFlags) => {
      done(Promise.resolve().then(() => packageManifest(context.io, flags)));
    });
}

function packageManifest(io: CliIo, flags: PackageManifestFlags): void {
  const options = {
    name: flags.name,
    exe: flags.exe,
    electron: flags.electron === true,
    esim: flags.esim === true,
    ...(flags.arch === undefined ? {} : { arch: flags.arch as 'x64' }),
    ...(flags.componentPath === undefined ? {} : { componentPath: flags.componentPath }),
    ...(flags.entitlementDefault === undefined
      ? {}
      : { entitlementDefault: flags.entitlementDefault as 'deny' }),
    ...(flags.entitlementReason === undefined
      ? {}
      : { entitlementReason: flags.entitlementReason }),
    ...(flags.entitlementDeadlineMs === undefined
      ? {}
      : { entitlementDeadlineMs: milliseconds(flags.entitlementDeadlineMs) }),
  };
  // The option values are the user's: the checks (in lib/packaging) decide, and name the flag.
  const checked = checkOperatorManifestOptions(options, flagNames);
  const fragments = operatorManifestFragments(checked, flagNames);
  const family =
    flags.publisher === undefined
      ? undefined
      : packageFamilyName(checked.name, flags.publisher, '--publisher');
  const appId = flags.appId === undefined ? undefined : checkApplicationId(flags.appId, '--app-id');
  if (flags.json === true) {
    io.out(`${JSON.stringify(fragments, null, 2)}\n`);
    return;
  }
  io.out(
    describeFragments(io, checked, fragments) +
      describeAppId(checked.name, family, appId) +
      'Walkthrough: docs/packaging.md\n',
  );
}

/** The COSA AppID line: exact when the publisher (and Application Id) are known. */
function describeAppId(
  name: string,
  family: string | undefined,
  appId: string | undefined,
): string {
  const id = `${family ?? `${name}_<publisher id>`}!${appId ?? '<Application Id>'}`;
  const how =
    family === undefined
      ? ` (--publisher computes the publisher id; after installing, (Get-AppxPackage -Name ${name}).PackageFamilyName shows it)`
      : '';
  return `Windows runs the task only for the app the operator's COSA entry names: AppID = ${id}${how}\n`;
}

/** A whole number of milliseconds as typed; anything else is the flag's typed error. */
function milliseconds(text: string): number {
  if (!/^[0-9]{1,9}$/.test(text))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${flagNames.entitlementDeadlineMs} must be a whole number of milliseconds from 1000 to 25000, got ${quoteUserValue(text)}`,
      { details: { option: 'entitlementDeadlineMs' } },
    );
  return Number(text);
}

function describeFragments(
  io: CliIo,
  options: CheckedOperatorManifestOptions,
  fragments: OperatorManifestFragments,
): string {
  const kind = options.electron ? 'Electron app' : 'Node single executable';
  const iniPath = `${options.componentPath.slice(0, options.componentPath.lastIndexOf('\\') + 1)}${operatorTaskIniName}`;
  const section = (title: string, where: string, body: string): string =>
    `${paint(io, 'bold', title)}: ${where}\n\n${body}\n\n`;
  return (
    `${paint(io, 'bold', `Operator app manifest for ${options.name}`)} (${kind}, ${options.arch})\n\n` +
    section(
      '1. Namespaces',
      'attributes of the <Package> start tag (add the ones it lacks)',
      fragments.namespaces,
    ) +
    section(
      '2. Package extensions',
      'inside <Package><Extensions>, after </Applications> (add <Extensions> there if the package has none)',
      fragments.packageExtensions,
    ) +
    section(
      '3. Application extensions',
      "inside the <Application>'s <Extensions>, after <uap:VisualElements>",
      fragments.applicationExtensions,
    ) +
    section(
      '4. Capabilities',
      'inside <Capabilities>, before any <DeviceCapability>',
      fragments.capabilities,
    ) +
    section(
      `5. ${operatorTaskIniName}`,
      `in the package at ${iniPath}, beside the component (UTF-16LE with a BOM if the reason is not plain ASCII)`,
      fragments.taskConfig.replace(/\r\n/g, '\n').trimEnd(),
    )
  );
}
