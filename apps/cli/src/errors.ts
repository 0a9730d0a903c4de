/**
 * The one place where failures become exit codes and messages. 0: success (a "does not fit"
 * verdict is a success); 2: bad input (names the field); 1: anything else (a bug or I/O failure).
 */
import { CommanderError } from 'commander';
import { isInputError } from '@micropurse/core';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export function reportError(e: unknown, stderr: (s: string) => void): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  if (isInputError(e)) {
    stderr(`micropurse: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  stderr(`micropurse: ${err.message}\n`);
  if (process.env['MICROPURSE_DEBUG']) stderr(`${err.stack ?? ''}\n`);
  return EXIT_FAILURE;
}
