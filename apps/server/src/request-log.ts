/**
 * One structured log line per request, when it is answered: method, path, status, time, and the
 * request id (pino's child logger adds `reqId` to every line of the request). Fastify's default
 * writes a second line on arrival; at a thousand requests a second that is half the log for no
 * information the completion line lacks (a request that never completes is in the error log).
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
