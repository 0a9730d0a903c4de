/** Option parsing for `micropurse trends`: numbers from flags, and core schemas whose errors name the flag. */
import { InvalidArgumentError } from 'commander';
import { InputError, formatIssuePath } from '@micropurse/core';

/** A commander parser for a finite number (range checks are the schemas'). */
export function numberFlag(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} must be a number, got "${value}"`);
    return n;
  };
}

/** A commander parser for a whole number. */
export function integerFlag(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n)) throw new InvalidArgumentError(`${flag} must be a whole number, got "${value}"`);
    return n;
  };
}

/**
 * Parses options with a core schema; the first failure becomes an InputError naming the flag
 * the field came from (`flags` maps a top-level field, or a whole path, to its flag), else the
 * field's path under `root`.
 */
/** What parseWith needs of a zod schema (the CLI does not depend on zod itself). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export function parseWith<T>(
  schema: Schema<T>,
  value: unknown,
  flags: Readonly<Record<string, string>> | ((path: readonly PropertyKey[]) => string | undefined),
  root: string,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const head = issue.path[0];
  const flag = typeof flags === 'function' ? flags(issue.path) : typeof head === 'string' ? flags[head] : undefined;
  throw new InputError(flag ?? `${root}${issue.path.length > 0 ? `.${formatIssuePath(issue.path)}` : ''}`, issue.message);
}

/** The bootstrap flags every resampling subcommand takes, as schema fields. */
export const BOOTSTRAP_FLAGS = { replicates: '--replicates', seed: '--seed', level: '--level' } as const;
