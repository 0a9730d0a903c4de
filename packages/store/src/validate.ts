import { InputError, formatIssuePath } from '@micropurse/core';
import type { z } from 'zod';

/**
 * Parses what a caller hands the store, or throws the InputError the shells map to exit codes
 * and HTTP statuses, naming the first failing field under `root` ("bag.interior.w").
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue ? formatIssuePath(issue.path) : '(root)';
  throw new InputError(path === '(root)' ? root : `${root}.${path}`, issue?.message ?? 'is not valid');
}
