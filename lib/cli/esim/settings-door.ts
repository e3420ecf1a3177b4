/**
 * The way round a refused eSIM capability: Windows 11 24H2 lets any process open Settings' own
 * activation flow (`mbb.esim.openActivation`). `wmbb esim download` offers it when the process
 * may not manage eSIMs: it asks on a terminal, and takes `--via-settings` otherwise.
 *
 * @module
 */

import { MobileBroadbandError, isMobileBroadbandError } from '../../errors.js';
import type { ActivationCode } from '../../esim/activation-code.js';
import { askYesNo } from './ask.js';
import type { EsimSession } from './esim-session.js';

const openedNote =
  'opened Windows Settings (Network & internet > Cellular > eSIM profiles): confirm the profile there';

/**
 * Runs `download`; when Windows refuses the process eSIM management, opens Settings' activation
 * flow for `code` instead, if the user agrees on a terminal or asked for it (`viaSettings`).
 */
export async function downloadOrSettings(
  session: EsimSession,
  code: ActivationCode,
  options: { viaSettings: boolean; json: boolean },
  download: () => Promise<void>,
): Promise<void> {
  try {
    await download();
  } catch (error) {
    if (!isMobileBroadbandError(error, 'ERR_NOT_AUTHORIZED')) throw error;
    const agreed =
      options.viaSettings ||
      (session.terminal.interactive &&
        (await askYesNo(
          session.terminal,
          'This process may not manage eSIMs (Windows grants that to operators’ apps). Open Windows Settings to activate the code there?',
          session.signal,
        )));
    if (!agreed) {
      throw new MobileBroadbandError(
        'ERR_NOT_AUTHORIZED',
        `${error.message} (pass --via-settings to open Windows Settings' activation flow instead, Windows 11 24H2 and later)`,
        { details: error.details, cause: error },
      );
    }
    // The code itself is never printed.
    await session.mbb.esim.openActivation(code);
    if (options.json) session.json({ event: 'openedSettings' });
    else session.context.io.out(`${openedNote}\n`);
  }
}
