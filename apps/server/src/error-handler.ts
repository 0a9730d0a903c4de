/**
 * The one place where failures become HTTP answers: every error, whoever threw it, leaves as an
 * RFC 9457 problem (application/problem+json) with the request id, never with a stack trace.
 * 4xx are logged at info (the client's mistake), 5xx at error with the stack (ours).
 */
import { isInputError } from '@micropurse/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemType, type Problem, type ProblemSlug } from './problems.js';
import { RequestValidationError } from './validation.js';

interface Mapped {
  readonly status: number;
  readonly slug: ProblemSlug;
  readonly title: string;
  readonly detail: string;
  readonly extras?: Partial<Problem>;
  readonly headers?: Readonly<Record<string, string>>;
}

const PART_PREFIX = { body: '', querystring: '', params: '', headers: 'header ' } as const;

/** The body limit of the route that refused a body, for the 413 answer. */
export type BodyLimitOf = (request: FastifyRequest) => number;

function mapError(error: unknown, request: FastifyRequest, bodyLimitOf: BodyLimitOf): Mapped {
  if (error instanceof HttpProblem) return { status: error.status, slug: error.slug, title: error.title, detail: error.detail, extras: error.extras, headers: error.headers };
  if (error instanceof RequestValidationError) {
    const first = error.issues[0] ?? { field: '(root)', message: 'is not valid' };
    const where = error.part === 'body' ? 'The body' : error.part === 'querystring' ? 'The query string' : error.part === 'params' ? 'The path' : 'A header';
    const field = `${PART_PREFIX[error.part]}${first.field}`;
    return {
      status: 400,
      slug: 'invalid-request',
      title: 'Invalid request',
      detail: `${where} does not match the schema: ${first.field}: ${first.message}`,
      extras: { field, errors: error.issues.map((i) => ({ field: `${PART_PREFIX[error.part]}${i.field}`, message: i.message })) },
    };
  }
  if (isInputError(error)) {
    const detail = error.message;
    return {
      status: 422,
      slug: 'unprocessable-input',
      title: 'Unprocessable input',
      detail,
      extras: { field: error.field, ...(error.candidates.length > 0 ? { candidates: error.candidates.map(({ id, name }) => ({ id, name })) } : {}) },
    };
  }
  const fe = error as Partial<FastifyError>;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = bodyLimitOf(request);
      return { status: 413, slug: 'body-too-large', title: 'Body too large', detail: `The body is larger than this endpoint takes (${limit} bytes).`, extras: { limit } };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type', detail: `This endpoint does not read ${request.headers['content-type'] ?? 'a body without a content type'}; send application/json.` };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, slug: 'malformed-body', title: 'Malformed body', detail: 'The body is not valid JSON.', extras: { field: '(root)' } };
  }
  // Fastify's other client errors (a malformed URL, a bad Content-Length, prototype poisoning in the JSON...) carry safe messages.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, slug: 'invalid-request', title: 'Bad request', detail: fe.message ?? 'The request is malformed.' };
  }
  return { status: 500, slug: 'internal-error', title: 'Internal error', detail: 'Something went wrong on our side; quote the request id when reporting it.' };
}

export function problemBody(m: Mapped, request: FastifyRequest): Problem {
  return {
    type: problemType(m.slug),
    title: m.title,
    status: m.status,
    detail: m.detail,
    instance: request.url.split('?')[0] ?? request.url,
    request_id: String(request.id),
    ...m.extras,
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, m: Mapped): FastifyReply {
  for (const [k, v] of Object.entries(m.headers ?? {})) reply.header(k, v);
  // Also here: the router's refusals are answered before any hook has run.
  reply.header('x-request-id', request.id);
  return reply.code(m.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problemBody(m, request)));
}

export function errorHandler(bodyLimitOf: BodyLimitOf) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const m = mapError(error, request, bodyLimitOf);
    if (m.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: m.status, problem: m.slug, field: m.extras?.field }, m.detail);
    return sendProblem(reply, request, m);
  };
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, request, { status: 404, slug: 'not-found', title: 'Not found', detail: `No route ${request.method} ${request.url.split('?')[0] ?? ''}; GET /docs lists them.` });
}
