/**
 * The questions `wmbb esim` asks a person: "are you sure?" before a change that loses
 * something, and the confirmation code a profile needs. Asked on the terminal (stderr, so
 * stdout stays clean for `--json`); the prompt library is loaded only when a question is
 * asked. Without a terminal nothing is asked: a change needs `--yes`, a code
 * `--confirmation-code-stdin`. A code is never echoed, logged or taken from the arguments.
 *
 * @module
 */

import type * as Prompts from '@clack/prompts';
import { MobileBroadbandError } from '../../errors.js';
import { importModule } from '../../import-module.js';
import type { CliTerminal } from '../cli-terminal.js';
import { maxConfirmationCodeLength } from '../../esim/esim-validation.js';
import { readStdinSecret } from './read-stdin-secret.js';

/** The error of a question the user cancelled (Escape or Ctrl+C at a prompt): exits 130. */
export function cancelledAtPrompt(): MobileBroadbandError {
  return new MobileBroadbandError('ERR_ABORTED', 'cancelled at the prompt', {
    details: { byUser: true },
  });
}

/**
 * Resolves when the user agrees to `action` (`--yes`, or "yes" at the prompt); rejects when
 * they decline, when there is no terminal to ask on, or on Ctrl+C.
 *
 * @param action What is about to happen, for the question and the refusal (`delete Contoso …`).
 */
export async function confirmAction(
  terminal: CliTerminal,
  action: string,
  options: { yes?: boolean; signal?: AbortSignal },
): Promise<void> {
  if (options.yes === true) return;
  if (!terminal.interactive) {
    throw new Error(
      `refusing to ${action} without confirmation: no terminal to ask on; pass --yes to go ahead`,
    );
  }
  if (!(await askYesNo(terminal, `${capitalise(action)}?`, options.signal)))
    throw new Error(`did not ${action}: you answered no`);
}

/** Asks a yes/no question on the terminal (default no); rejects on Ctrl+C or Escape. */
export async function askYesNo(
  terminal: CliTerminal,
  question: string,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const { confirm, isCancel } = await importModule<typeof Prompts>('@clack/prompts');
  const answer = await confirm({
    message: question,
    initialValue: false,
    input: terminal.stdin,
    output: terminal.stderr,
    withGuide: false,
    ...(signal === undefined ? {} : { signal }),
  });
  if (isCancel(answer)) throw cancelledAtPrompt();
  return answer;
}

/**
 * The confirmation code for a profile that needs one: from stdin with `--confirmation-code-stdin`
 * (piped; a terminal on stdin gets the masked prompt instead), else from a masked prompt.
 *
 * @param attempt 1 for the first question; later ones say the code was wrong.
 */
export async function askConfirmationCode(
  terminal: CliTerminal,
  options: { fromStdin?: boolean; signal?: AbortSignal },
  attempt: number,
): Promise<string> {
  if (options.fromStdin === true && !terminal.interactive) {
    return readStdinSecret(terminal.stdin, 'confirmation code', options.signal);
  }
  if (!terminal.interactive) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'this profile needs the confirmation code the operator gave you: pipe it in with --confirmation-code-stdin (it is never taken from the arguments, which other users of the machine can see)',
    );
  }
  const { password, isCancel } = await importModule<typeof Prompts>('@clack/prompts');
  const answer = await password({
    message:
      attempt === 1
        ? 'Confirmation code from the operator'
        : 'That code was not accepted. Confirmation code',
    mask: '*',
    input: terminal.stdin,
    output: terminal.stderr,
    withGuide: false,
    validate: (value) =>
      value === undefined || value.trim() === ''
        ? 'Type the code (Ctrl+C to cancel)'
        : value.length > maxConfirmationCodeLength
          ? `At most ${maxConfirmationCodeLength} characters`
          : undefined,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (isCancel(answer)) throw cancelledAtPrompt();
  return answer.trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
