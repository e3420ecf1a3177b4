/**
 * `wmbb esim discover [--server <address>] [--matching-id <id>]`: asks the default SM-DS (or
 * the given server) what it holds for this eSIM — events naming an SM-DP+ and a matching id
 * to download from, or a profile ready to install (`--install` installs it as `download`
 * does). Matching ids are masked unless `--reveal`.
 *
 * @module
 */

import { maskMatchingId } from '../../esim/activation-code.js';
import type { CliContext } from '../cli-context.js';
import { runEsimCommand, withSignal, type EsimCommonOptions } from '../esim/esim-session.js';
import { installOffer, type InstallOfferOptions } from '../esim/install-offer.js';
import { createDownloadReporter } from '../esim/install-progress.js';
import { formatMetadata, metadataJson } from '../esim/esim-view.js';
import { printableUserText } from '../../text/quote-user-value.js';

export type EsimDiscoverOptions = EsimCommonOptions &
  InstallOfferOptions & { server?: string; matchingId?: string; install?: boolean };

export function esimDiscover(context: CliContext, options: EsimDiscoverOptions): Promise<void> {
  const { io } = context;
  return runEsimCommand(context, options, async (session) => {
    const esim = await session.target();
    const outcome = await session.mbb.esim.discover(esim.id, {
      ...(options.server === undefined ? {} : { server: options.server }),
      ...(options.matchingId === undefined ? {} : { matchingId: options.matchingId }),
      ...withSignal(session),
    });
    const matching = (id: string): string =>
      options.reveal === true ? id : id === '' ? '(none)' : maskMatchingId(id);
    const events = outcome.kind === 'events' ? outcome.events : [];
    if (options.json === true)
      session.json({
        event: 'discovered',
        kind: outcome.kind,
        events: events.map((e) => ({
          rspServerAddress: e.rspServerAddress,
          matchingId: matching(e.matchingId),
        })),
      });
    if (outcome.kind === 'profileMetadata') {
      if (options.install !== true) {
        if (options.json === true)
          session.json({ event: 'metadata', metadata: metadataJson(outcome.metadata, session.id) });
        else
          io.out(
            `${formatMetadata(outcome.metadata, session.id)}Install it with: wmbb esim discover --install (and the same --server and --matching-id)\n`,
          );
        return;
      }
      const reporter = await createDownloadReporter(io, session.terminal, options.json === true);
      try {
        await installOffer(session, esim, outcome.metadata, reporter, options);
      } finally {
        reporter.stop();
      }
      return;
    }
    if (options.json === true) return;
    if (events.length === 0) {
      io.out('Nothing waits for this eSIM on the server\n');
      return;
    }
    for (const e of events)
      io.out(
        `SM-DP+ ${printableUserText(e.rspServerAddress, 255)}  matching id ${matching(e.matchingId)}\n`,
      );
    io.out(
      'Download one with: wmbb esim download "LPA:1$<SM-DP+>$<matching id>" (wmbb esim discover --reveal shows the ids whole)\n',
    );
  });
}
