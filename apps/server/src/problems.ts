/**
 * RFC 9457 problem details: the one shape of every error response (application/problem+json),
 * and the server's own error family. Bad input the core or the store detects is core's
 * InputError; what only HTTP knows (a missing key, a missing bag, a limit) is an HttpProblem.
 * error-handler.ts maps them all, in one place.
 */
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The problem types this server answers with; `type` is "urn:micropurse:problem:<slug>". */
export const PROBLEM_SLUGS = [
  'invalid-request',
  'malformed-body',
  'unprocessable-input',
  'kit-too-large',
  'feed-refused',
  'unauthorized',
  'not-found',
  'body-too-large',
  'unsupported-media-type',
  'rate-limited',
  'unavailable',
  'internal-error',
] as const;
export type ProblemSlug = (typeof PROBLEM_SLUGS)[number];

export const problemType = (slug: ProblemSlug): string => `urn:micropurse:problem:${slug}`;

export const ProblemSchema = z
  .object({
    type: z.string().describe('urn:micropurse:problem:<slug>, one per kind of problem'),
    title: z.string().describe('the kind of problem, the same for every occurrence'),
    status: z.number().int(),
    detail: z.string().describe('this occurrence, for people'),
    instance: z.string().describe('the request path'),
    request_id: z.string().describe('also in the X-Request-Id header and the server log'),
    field: z.string().optional().describe('the failing field: a JSON path in the body ("items[2].w"), or a query or path parameter'),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional().describe('every failing field, when validation found several'),
    candidates: z.array(z.object({ id: z.string(), name: z.string() })).optional().describe('what an ambiguous or unknown name might have meant'),
    limit: z.number().optional().describe('the limit that was exceeded (bytes, pieces, requests)'),
    retry_after_s: z.number().optional().describe('429: seconds until the client may retry'),
  })
  .describe('An RFC 9457 problem: every error response has this shape.');
export type Problem = z.infer<typeof ProblemSchema>;

type ProblemExtras = Partial<Pick<Problem, 'field' | 'errors' | 'candidates' | 'limit' | 'retry_after_s'>>;

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: ProblemSlug,
    readonly title: string,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
    /** Response headers that go with it (WWW-Authenticate, Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string, id: string, field: string): HttpProblem =>
  new HttpProblem(404, 'not-found', 'Not found', `There is no ${what} "${id}".`, { field });

export const unauthorized = (detail: string): HttpProblem =>
  new HttpProblem(401, 'unauthorized', 'API key required', detail, {}, { 'www-authenticate': 'Bearer realm="micropurse"' });

export const kitTooLarge = (pieces: number, limit: number, field: string): HttpProblem =>
  new HttpProblem(422, 'kit-too-large', 'Kit too large', `The kit has ${pieces} pieces (quantities counted); this server takes at most ${limit} per request.`, { field, limit });

export const rateLimited = (retryAfterS: number, limit: number): HttpProblem =>
  new HttpProblem(429, 'rate-limited', 'Too many requests', `This client made more than ${limit} requests in the window; retry in ${retryAfterS} s.`, { limit, retry_after_s: retryAfterS }, { 'retry-after': String(retryAfterS) });

/** Error responses as the OpenAPI document lists them, for a route's `response` map. */
export function problemResponses(...statuses: number[]): Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }> {
  const described: Record<number, string> = {
    400: 'The request does not match its schema (field names the first failing one), or its JSON is malformed.',
    401: 'The API key is missing, wrong or revoked.',
    404: 'No such resource.',
    413: 'The body is larger than the server takes.',
    415: 'The body is of a media type this endpoint does not read.',
    422: 'Well-formed, but not something the server can act on: an unknown or ambiguous name (candidates listed), a kit over the piece limit, a refused feed.',
    429: 'Rate limit reached for this client; see Retry-After.',
    503: 'Not ready (starting or shutting down).',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: described[s] ?? 'Error.', content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  );
}
