/**
 * Request validation with the zod schemas themselves (the same ones the OpenAPI document is
 * generated from). A failure keeps zod's issues, with their paths, so that the problem response
 * can name the failing field as "items[2].w" (core's formatIssuePath), rather than the flattened
 * JSON pointers fastify's stock compilers produce.
 */
import { formatIssuePath } from '@micropurse/core';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

export interface FieldIssue {
  /** Where, in the part named by `in`: "items[2].w"; "(root)" for the whole part. */
  readonly field: string;
  readonly message: string;
}

/** The HTTP part that failed: the JSON body, the query string, the path parameters or the headers. */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: RequestPart,
    readonly issues: readonly FieldIssue[],
  ) {
    super(`${part}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'RequestValidationError';
  }
}

type Issue = z.core.$ZodIssue;

/** How far into the value an issue reached: a branch that failed deeper is the one the value was meant for. */
function reach(issue: Issue): number {
  return issue.path.length + (issue.code === 'invalid_type' ? 0 : 0.5);
}

/**
 * The issues worth showing. A union's issue is replaced by the issues of the branch the value
 * came closest to matching; when every branch failed at once on the value's type, by one issue
 * listing what was expected.
 */
export function fieldIssues(issues: readonly Issue[], base: readonly PropertyKey[] = []): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: formatIssuePath([...path, key]), message: 'is not a known field' }));
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ field: formatIssuePath(path), message: issue.message }];
    const branches = issue.errors.filter((b) => b.length > 0);
    const depth = (b: readonly Issue[]) => Math.max(...b.map(reach));
    const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a), branches[0]!);
    if (depth(best) > 0) return fieldIssues(best, path);
    const expected = [...new Set(branches.flatMap((b) => b.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : []))))];
    return [{ field: formatIssuePath(path), message: expected.length > 0 ? `must be one of: ${expected.join(', ')}` : issue.message }];
  });
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = (httpPart ?? 'body') as RequestPart;
  return (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    return { error: new RequestValidationError(part, fieldIssues(r.error.issues)) };
  };
};
