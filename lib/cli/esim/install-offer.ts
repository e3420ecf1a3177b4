/**
 * The second half of `wmbb esim download` (and of `discover --install`): a profile on offer
 * is shown, accepted (asked on a terminal unless `--yes`), given its confirmation code when it
 * needs one, and installed with progress. Ctrl+C cancels the running step through its
 * AbortSignal; the confirmation code is never shown.
 *
 * @module
 */

import type { EsimInfo, EsimProfileMetadataInfo } from '../../backend.js';
import { isMobileBroadbandError, type MobileBroadbandError } from '../../errors.js';
import { adviceText } from '../describe-error.js';
import { askConfirmationCode, askYesNo } from './ask.js';
import { withSignal, type EsimSession } from './esim-session.js';
import { formatMetadata, metadataJson } from './esim-view.js';
import type { DownloadReporter } from './install-progress.js';

export interface InstallOfferOptions {
  json?: boolean;
  yes?: boolean;
  confirmationCodeStdin?: boolean;
}

/** Tries of a confirmation code typed at the prompt (Windows may allow fewer). */
const maxPromptAttempts = 3;

/** Shows `metadata`, then installs it on `esim` once accepted. */
export async function installOffer(
  session: EsimSession,
  esim: EsimInfo,
  metadata: EsimProfileMetadataInfo,
  reporter: DownloadReporter,
  options: InstallOfferOptions,
): Promise<void> {
  const { mbb, terminal, context } = session;
  const { io } = context;
  if (options.json === true)
    session.json({ event: 'metadata', metadata: metadataJson(metadata, session.id) });
  else io.out(formatMetadata(metadata, session.id));
  if (options.yes !== true && terminal.interactive) {
    if (!(await askYesNo(terminal, 'Install this profile?', session.signal))) {
      // The operator learns the user may install it later (rather than refused it).
      await mbb.esim.declineInstall(metadata, 'postpone');
      throw new Error('did not install the profile: you answered no (postponed)');
    }
  }
  try {
    await confirmWithCode(session, metadata, reporter, options);
  } catch (error) {
    reporter.stop();
    if (isMobileBroadbandError(error, 'ERR_ABORTED') && session.signal?.aborted === true)
      io.err('wmbb: cancelled; the profile was not installed\n');
    throw error;
  }
  reporter.stage('installed');
  const after = await mbb.esim.list(withSignal(session));
  const number =
    after.find((e) => e.id === esim.id)?.profiles.findIndex((p) => p.id === metadata.id) ?? -1;
  if (options.json === true)
    session.json({ event: 'installed', metadata: metadataJson(metadata, session.id) });
  else if (number >= 0)
    io.out(`Profile ${number + 1}, disabled; enable it with: wmbb esim enable ${number + 1}\n`);
}

async function confirmWithCode(
  session: EsimSession,
  metadata: EsimProfileMetadataInfo,
  reporter: DownloadReporter,
  options: InstallOfferOptions,
): Promise<void> {
  const { terminal } = session;
  for (let attempt = 1; ; attempt++) {
    const confirmationCode = metadata.isConfirmationCodeRequired
      ? await askConfirmationCode(
          terminal,
          { fromStdin: options.confirmationCodeStdin === true, ...withSignal(session) },
          attempt,
        )
      : undefined;
    reporter.stage('installing');
    try {
      await session.mbb.esim.confirmInstall(metadata, {
        ...(confirmationCode === undefined ? {} : { confirmationCode }),
        onProgress: (progress) => reporter.progress(progress),
        ...withSignal(session),
      });
      return;
    } catch (error) {
      reporter.stop();
      // A code typed at the prompt may be typed again; a piped one cannot be asked again.
      const again =
        isMobileBroadbandError(error, 'ERR_ESIM_OPERATION') &&
        error.details?.status === 'incorrectConfirmationCode' &&
        terminal.interactive &&
        attempt < maxPromptAttempts;
      if (!again) throw error;
      session.context.io.err(`${wrongCode(error)}\n`);
    }
  }
}

function wrongCode(error: MobileBroadbandError): string {
  return adviceText(error) ?? 'The operator did not accept that code.';
}
