/**
 * Bad input at an edge: the one error family the shells map to exit codes (CLI) and, later,
 * HTTP problem responses. `field` is the path of the offending input ("items[2]", "bag").
 * "Does not fit" is never an error: it is a verdict.
 */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly candidates: readonly { id: string; name: string }[] = [],
  ) {
    super(`${field}: ${message}`);
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
