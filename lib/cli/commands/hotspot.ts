/**
 * `wmbb hotspot status | on | off | clients | config | doctor`, each with `--json`: the Windows
 * mobile hotspot from the command line. The passphrase never comes from the arguments (other
 * users see them in the process list): a masked prompt on a terminal, `--passphrase-stdin`
 * or `--passphrase-file`; it is never printed whole. JSON shapes: docs/hotspot.md.
 *
 * @module
 */

import type * as Prompts from '@clack/prompts';
import type { Command } from 'commander';
import { promises as fsPromises } from 'node:fs';
import type { AccessPointConfiguration, TetheringOperationResult } from '../../backend.js';
import { connect } from '../../connect.js';
import { isMobileBroadbandError, MobileBroadbandError } from '../../errors.js';
import { importModule } from '../../import-module.js';
import type { MobileBroadband } from '../../mobile-broadband.js';
import { escapeControlCharacters } from '../../text/quote-user-value.js';
import {
  checkAuthenticationKind,
  checkBand,
  checkSsid,
  maxPassphraseLength,
  tetheringAuthenticationKinds,
  tetheringBands,
} from '../../tethering/check-access-point.js';
import { backendForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { processTerminal } from '../cli-terminal.js';
import { cancelledAtPrompt } from '../esim/ask.js';
import { readStdinSecret } from '../esim/read-stdin-secret.js';
import { createStatusFake } from '../status/status-fake.js';

interface JsonOption {
  json?: boolean;
}

interface OnOptions extends JsonOption {
  keepOn?: boolean;
  ssid?: string;
  band?: string;
  auth?: string;
}

interface ConfigOptions extends JsonOption {
  ssid?: string;
  band?: string;
  auth?: string;
  passphraseStdin?: boolean;
  passphraseFile?: string;
}

/** The access point as the CLI shows it: the passphrase masked. */
export interface MaskedAccessPoint {
  ssid: string;
  /** `********` and the length, never the passphrase. */
  passphrase: string;
  band: string;
  authenticationKind: string;
}

/** A passphrase as the CLI shows it: its length only. */
export function maskPassphrase(passphrase: string): string {
  return `******** (${[...passphrase].length} characters)`;
}

function masked(ap: AccessPointConfiguration): MaskedAccessPoint {
  return {
    ssid: ap.ssid,
    passphrase: maskPassphrase(ap.passphrase),
    band: ap.band ?? 'auto',
    authenticationKind: ap.authenticationKind ?? 'wpa2',
  };
}

const safe = (text: string): string => escapeControlCharacters(text);

/** A value Windows may lack (an API newer than it): `null` when `ERR_NOT_SUPPORTED`. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isMobileBroadbandError(error, 'ERR_NOT_SUPPORTED')) return null;
    throw error;
  }
}

/** Registers `hotspot` and its subcommands on the program. */
export function registerHotspot(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  const hotspot = program
    .command('hotspot')
    .description('the mobile hotspot: status, on, off, clients, config, doctor');
  const run =
    <O extends object>(body: (mbb: MobileBroadband, options: O & GlobalOptions) => Promise<void>) =>
    (_options: O, command: Command): void => {
      done(
        (async () => {
          const options = command.optsWithGlobals<O & GlobalOptions>();
          const mbb = await connect({
            backend: await backendForCli(context, options, createStatusFake),
          });
          try {
            await body(mbb, options);
          } finally {
            await mbb.close();
          }
        })(),
      );
    };
  const { io } = context;
  const json = (value: unknown): void => io.out(`${JSON.stringify(value)}\n`);

  hotspot
    .command('status')
    .description('capability, state, clients, access point and idle timeout of the hotspot')
    .option('--json', 'one JSON object (docs/hotspot.md)')
    .action(
      run<JsonOption>(async (mbb, options) => {
        const t = mbb.tethering;
        const status = await t.status();
        const accessPoint = masked(await t.accessPoint());
        const noConnectionsTimeout = await orNull(() => t.isNoConnectionsTimeoutEnabled());
        if (options.json === true) {
          json({ ...status, noConnectionsTimeout, accessPoint });
          return;
        }
        io.out(
          [
            `Hotspot      ${status.operationalState}`,
            `Capability   ${status.capability}`,
            `Clients      ${status.clientCount} of ${status.maxClientCount}`,
            `SSID         ${safe(accessPoint.ssid)}`,
            `Passphrase   ${accessPoint.passphrase}`,
            `Band         ${accessPoint.band}`,
            `Security     ${accessPoint.authenticationKind}`,
            `Idle timeout ${noConnectionsTimeout === null ? 'not available on this Windows' : noConnectionsTimeout ? 'on (Windows turns an idle hotspot off)' : 'off (stays on without clients)'}`,
            '',
          ].join('\n'),
        );
      }),
    );

  hotspot
    .command('on')
    .description('turn the hotspot on; --ssid/--band/--auth for this session only (Windows 26100)')
    .option('--keep-on', 'keep it on without clients (disables the no-connections timeout)')
    .option('--ssid <ssid>', 'network name for this session (1 to 32 bytes)')
    .option('--band <band>', `band for this session: ${tetheringBands.join(', ')}`)
    .option(
      '--auth <kind>',
      `security for this session: ${tetheringAuthenticationKinds.join(', ')}`,
    )
    .option('--json', 'one JSON object (docs/hotspot.md)')
    .action(
      run<OnOptions>(async (mbb, options) => {
        const session: Partial<AccessPointConfiguration> = {};
        if (options.ssid !== undefined) session.ssid = checkSsid(options.ssid, '--ssid');
        if (options.band !== undefined) session.band = checkBand(options.band, '--band');
        if (options.auth !== undefined)
          session.authenticationKind = checkAuthenticationKind(options.auth, '--auth');
        if (options.keepOn === true) await mbb.tethering.disableNoConnectionsTimeout();
        const result = await mbb.tethering.start(
          Object.keys(session).length === 0 ? {} : { session },
        );
        report(result, 'on', options, options.keepOn === true);
      }),
    );

  hotspot
    .command('off')
    .description('turn the hotspot off')
    .option('--json', 'one JSON object (docs/hotspot.md)')
    .action(
      run<JsonOption>(async (mbb, options) => {
        report(await mbb.tethering.stop(), 'off', options, undefined);
      }),
    );

  function report(
    result: TetheringOperationResult,
    what: 'on' | 'off',
    options: JsonOption,
    keepOn: boolean | undefined,
  ): void {
    const ok = result.status === 'success' || (what === 'on' && result.status === 'alreadyOn');
    if (options.json === true) json({ ok, ...result, ...(keepOn === undefined ? {} : { keepOn }) });
    else if (ok)
      io.out(
        `Hotspot ${what}${result.status === 'alreadyOn' ? ' (it already was)' : ''}${keepOn === true ? '; it stays on without clients' : ''}\n`,
      );
    if (!ok)
      throw new Error(
        `the hotspot did not turn ${what}: ${result.status}${result.additionalErrorMessage === '' ? '' : ` (${safe(result.additionalErrorMessage)})`}${what === 'on' ? '; run wmbb hotspot doctor' : ''}`,
      );
  }

  hotspot
    .command('clients')
    .description('the devices on the hotspot: MAC address and host names')
    .option('--json', 'a JSON array (docs/hotspot.md)')
    .action(
      run<JsonOption>(async (mbb, options) => {
        const clients = await mbb.tethering.clients();
        if (options.json === true) {
          json(clients);
          return;
        }
        if (clients.length === 0) io.out('No devices on the hotspot\n');
        for (const c of clients)
          io.out(`${c.macAddress}  ${c.hostNames.map(safe).join(', ') || '(no host name)'}\n`);
      }),
    );

  hotspot
    .command('config')
    .description('show or change the stored access point (the passphrase never from arguments)')
    .option('--ssid <ssid>', 'new network name (1 to 32 bytes)')
    .option('--band <band>', `new band: ${tetheringBands.join(', ')}`)
    .option('--auth <kind>', `new security: ${tetheringAuthenticationKinds.join(', ')}`)
    .option(
      '--passphrase-stdin',
      'new passphrase: the first line of stdin (a masked prompt on a terminal)',
    )
    .option('--passphrase-file <file>', 'new passphrase: the first line of a file')
    .option('--json', 'the access point as one JSON object, passphrase masked (docs/hotspot.md)')
    .action(
      run<ConfigOptions>(async (mbb, options) => {
        if (options.passphraseStdin === true && options.passphraseFile !== undefined)
          throw new MobileBroadbandError(
            'ERR_INVALID_ARGUMENT',
            'give the passphrase one way: --passphrase-stdin or --passphrase-file',
          );
        const change: Partial<AccessPointConfiguration> = {};
        if (options.ssid !== undefined) change.ssid = options.ssid;
        if (options.band !== undefined) change.band = checkBand(options.band, '--band');
        if (options.auth !== undefined)
          change.authenticationKind = checkAuthenticationKind(options.auth, '--auth');
        if (options.passphraseStdin === true) change.passphrase = await askPassphrase(context);
        else if (options.passphraseFile !== undefined)
          change.passphrase = await passphraseFromFile(options.passphraseFile);
        const changed = Object.keys(change).length > 0;
        if (changed) await mbb.tethering.configure(change);
        const accessPoint = masked(await mbb.tethering.accessPoint());
        if (options.json === true) {
          json({ changed, accessPoint });
          return;
        }
        io.out(
          [
            ...(changed ? ['Access point changed'] : []),
            `SSID         ${safe(accessPoint.ssid)}`,
            `Passphrase   ${accessPoint.passphrase}`,
            `Band         ${accessPoint.band}`,
            `Security     ${accessPoint.authenticationKind}`,
            '',
          ].join('\n'),
        );
      }),
    );

  hotspot
    .command('doctor')
    .description(
      'why the hotspot cannot start, with remedies (exit 0 when it can start, 1 when not)',
    )
    .option('--json', 'one JSON object (docs/hotspot.md)')
    .action(
      run<JsonOption>(async (mbb, options) => {
        const diagnosis = await mbb.tethering.diagnose();
        if (options.json === true) json(diagnosis);
        else {
          for (const f of diagnosis.findings) {
            io.out(`${f.ok ? 'ok  ' : 'FAIL'}  ${f.summary}\n`);
            if (f.remedy !== null) io.out(`      ${f.remedy}\n`);
          }
        }
        if (!diagnosis.canStart) {
          const blocking = diagnosis.findings.filter((f) => !f.ok).length;
          throw new Error(
            `the hotspot cannot start: ${blocking} problem${blocking === 1 ? '' : 's'} found`,
          );
        }
        if (options.json !== true) io.out('The hotspot can start.\n');
      }),
    );
}

/** The passphrase from stdin (piped), or a masked prompt when stdin is a terminal. */
async function askPassphrase(context: CliContext): Promise<string> {
  const terminal = context.terminal ?? processTerminal();
  if (!terminal.interactive) return readStdinSecret(terminal.stdin, 'passphrase', context.signal);
  const { password, isCancel } = await importModule<typeof Prompts>('@clack/prompts');
  const answer = await password({
    message: 'New hotspot passphrase (8 to 63 characters)',
    mask: '*',
    input: terminal.stdin,
    output: terminal.stderr,
    withGuide: false,
    validate: (value) =>
      value === undefined || value.length < 8 || value.length > maxPassphraseLength
        ? `8 to ${maxPassphraseLength} characters`
        : undefined,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  if (isCancel(answer)) throw cancelledAtPrompt();
  return answer;
}

/** The first line of a file, without its line break; bounded; never quoted. */
async function passphraseFromFile(file: string): Promise<string> {
  let text: string;
  try {
    const handle = await fsPromises.open(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `--passphrase-file: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const line = (text.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '');
  if (line === '')
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', '--passphrase-file: the file is empty');
  return line;
}
