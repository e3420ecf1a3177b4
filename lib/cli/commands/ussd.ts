/**
 * `wmbb ussd "<code>" [--account <id>] [--json]`: sends a USSD string and prints the network's
 * reply. While the network asks for a reply (`actionRequired`) the dialogue goes on at a prompt
 * on a terminal; without one the command stops after the first reply, says a reply is
 * expected, and exits 0 (the menu is left unanswered and the session closed). `--json`: one
 * JSON object per reply (NDJSON).
 *
 * @module
 */

import type * as Prompts from '@clack/prompts';
import type { Command } from 'commander';
import { importModule } from '../../import-module.js';
import type { UssdReply } from '../../backend.js';
import { checkUssdText, maxUssdSeptets } from '../../ussd/ussd-text.js';
import { connectForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { paint, type CliIo } from '../cli-io.js';
import type { CliTerminal } from '../cli-terminal.js';
import { processTerminal } from '../cli-terminal.js';
import { cancelledAtPrompt } from '../esim/ask.js';

interface UssdOptions {
  account?: string;
  json?: boolean;
}

/** How many replies one run answers at most: a menu that never ends does not keep it forever. */
const maxExchanges = 50;

/** Registers `ussd` on the program. */
export function registerUssd(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('ussd')
    .description(
      'send a USSD code (such as *100#) and print the reply; a menu goes on at a prompt on a terminal',
    )
    .argument('<code>', `the USSD string: GSM 7-bit characters, at most ${maxUssdSeptets}`)
    .option('--account <id>', 'the network account to use (default: the first)')
    .option('--json', 'one JSON object per reply (NDJSON)')
    .action((code: string, _options: UssdOptions, command: Command) => {
      done(ussd(context, code, command.optsWithGlobals<GlobalOptions & UssdOptions>()));
    });
}

async function ussd(
  context: CliContext,
  code: string,
  options: GlobalOptions & UssdOptions,
): Promise<void> {
  const { io } = context;
  // A bad string fails before anything is opened.
  checkUssdText(code, 'wmbb ussd <code>');
  const terminal = context.terminal ?? processTerminal();
  const mbb = await connectForCli(context, options);
  try {
    const session = await mbb.ussd.open(
      options.account === undefined ? {} : { networkAccountId: options.account },
    );
    try {
      let text = code;
      for (let exchange = 1; ; exchange++) {
        const reply = await session.send(
          text,
          context.signal === undefined ? {} : { signal: context.signal },
        );
        print(io, reply, options.json === true);
        if (reply.resultCode !== 'actionRequired') return;
        if (!terminal.interactive) {
          io.err(
            paint(
              io,
              'yellow',
              'wmbb: the network expects a reply; run wmbb ussd on a terminal to answer (the menu was left unanswered)\n',
            ),
          );
          return;
        }
        if (exchange >= maxExchanges) {
          io.err(
            paint(io, 'yellow', `wmbb: stopped after ${maxExchanges} replies; the menu was left\n`),
          );
          return;
        }
        text = await askReply(terminal, context.signal);
      }
    } finally {
      await session.close();
    }
  } finally {
    await mbb.close();
  }
}

function print(io: CliIo, reply: UssdReply, json: boolean): void {
  if (json) {
    io.out(`${JSON.stringify({ resultCode: reply.resultCode, message: reply.message ?? null })}\n`);
    return;
  }
  // The CLI's output escapes every control character but line breaks and tabs.
  if (reply.message !== undefined && reply.message !== '')
    io.out(`${reply.message.replace(/\r\n?/g, '\n')}\n`);
  if (reply.resultCode !== 'noActionRequired' && reply.resultCode !== 'actionRequired')
    io.err(paint(io, 'yellow', `wmbb: ${resultWords[reply.resultCode]}\n`));
}

const resultWords: Readonly<Record<UssdReply['resultCode'], string>> = {
  noActionRequired: 'the dialogue is over',
  actionRequired: 'the network expects a reply',
  terminated: 'the network ended the dialogue (terminated)',
  otherLocalClient: 'another app on this machine holds the USSD session (otherLocalClient)',
  operationNotSupported:
    'the network or the modem does not support this request (operationNotSupported)',
  networkTimeout: 'the network did not answer in time (networkTimeout)',
};

/** The next string of the dialogue, from a prompt; Ctrl+C or Escape exits 130. */
async function askReply(terminal: CliTerminal, signal: AbortSignal | undefined): Promise<string> {
  const { text, isCancel } = await importModule<typeof Prompts>('@clack/prompts');
  const answer = await text({
    message: 'Reply',
    input: terminal.stdin,
    output: terminal.stderr,
    withGuide: false,
    validate: (value) => {
      if (value === undefined || value === '') return 'Type a reply (Ctrl+C to leave)';
      try {
        checkUssdText(value, 'reply');
        return undefined;
      } catch (error) {
        return (error as Error).message.replace(/^reply: /, '');
      }
    },
    ...(signal === undefined ? {} : { signal }),
  });
  if (isCancel(answer)) throw cancelledAtPrompt();
  return answer;
}
