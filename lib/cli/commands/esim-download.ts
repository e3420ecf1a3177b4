/**
 * `wmbb esim download <activation code>`: downloads the metadata of the profile the code
 * offers, then shows, confirms and installs it (see `esim/install-offer.ts`). The activation
 * code is shown masked.
 *
 * @module
 */

import { parseActivationCode } from '../../esim/activation-code.js';
import type { CliContext } from '../cli-context.js';
import { runEsimCommand, withSignal, type EsimCommonOptions } from '../esim/esim-session.js';
import { installOffer, type InstallOfferOptions } from '../esim/install-offer.js';
import { createDownloadReporter } from '../esim/install-progress.js';

export type EsimDownloadOptions = EsimCommonOptions & InstallOfferOptions;

export function esimDownload(
  context: CliContext,
  activationCode: string,
  options: EsimDownloadOptions,
): Promise<void> {
  return runEsimCommand(context, options, async (session) => {
    const code = parseActivationCode(activationCode);
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
  });
}
