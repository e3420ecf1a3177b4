/**
 * `wmbb esim download <activation code>`: downloads the metadata of the profile the code
 * offers, then shows, confirms and installs it (see `esim/install-offer.ts`). The activation
 * code is shown masked.
 *
 * @module
 */

import { MobileBroadbandError } from '../../errors.js';
import { parseActivationCode } from '../../esim/activation-code.js';
import type { CliContext } from '../cli-context.js';
import { runEsimCommand, withSignal, type EsimCommonOptions } from '../esim/esim-session.js';
import { installOffer, type InstallOfferOptions } from '../esim/install-offer.js';
import { createDownloadReporter } from '../esim/install-progress.js';
import { downloadOrSettings } from '../esim/settings-door.js';

export type EsimDownloadOptions = EsimCommonOptions &
  InstallOfferOptions & {
    /** Refused: a code in the arguments is visible to every user of the machine. */
    confirmationCode?: string;
    /** When the process may not manage eSIMs: open Settings' activation flow without asking. */
    viaSettings?: boolean;
  };

export function esimDownload(
  context: CliContext,
  activationCode: string,
  options: EsimDownloadOptions,
): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    if (options.confirmationCode !== undefined) {
      // Said without the code: the usage error of an unknown option would quote it whole.
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'a confirmation code is never taken from the arguments (every user of the machine can read them): pipe it in with --confirmation-code-stdin, or let wmbb ask for it on a terminal',
      );
    }
    const code = parseActivationCode(activationCode);
    await downloadOrSettings(
      session,
      code,
      { viaSettings: options.viaSettings === true, json: options.json === true },
      async () => {
        const esim = await session.target();
        const reporter = await createDownloadReporter(
          context.io,
          session.terminal,
          options.json === true,
        );
        try {
          reporter.stage('downloadingMetadata', `for ${String(code)}`);
          const metadata = await session.mbb.esim.downloadProfileMetadata(
            esim.id,
            code,
            withSignal(session),
          );
          await installOffer(session, esim, metadata, reporter, options);
        } finally {
          reporter.stop();
        }
      },
    );
  });
}
