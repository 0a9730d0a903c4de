/**
 * createApp(deps): the HTTP API as a value. It opens nothing and listens nowhere: the caller
 * (main.ts, a test) owns the store and decides whether to listen or to inject requests.
 */
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '@micropurse/store';
import type { ServerConfig } from './config.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { registerOpenApi } from './openapi.js';
import { OneLineRequestLog } from './request-log.js';
import { rateLimited } from './problems.js';
import { bagRoute } from './routes/bag.js';
import { bagsRoute } from './routes/bags.js';
import { designRoute } from './routes/design.js';
import { fitRoute } from './routes/fit.js';
import { healthRoutes } from './routes/health.js';
import { importsRoute } from './routes/imports.js';
import { itemsRoute } from './routes/items.js';
import { leaveBehindRoute } from './routes/leave-behind.js';
import { stackRoute } from './routes/stack.js';
import { webRoutes } from './routes/web.js';
import { styleRoute } from './routes/style.js';
import { trendsRoutes } from './routes/trends.js';
import type { App, RouteDeps } from './types.js';
import { validatorCompiler } from './validation.js';

export interface AppDeps {
  readonly store: Store;
  readonly config: ServerConfig;
  /** Fastify's logger option: false for none (tests); default pino on stdout at config.logLevel, with request ids. */
  readonly logger?: FastifyServerOptions['logger'];
}

/** A client's own request id when it is a plain token, else a new one: ids go into logs, which must not be forged. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function createApp(deps: AppDeps): App {
  const { config } = deps;
  const onError = errorHandler((request: FastifyRequest) => request.routeOptions.bodyLimit ?? config.bodyLimitBytes);
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestId,
    logController: new OneLineRequestLog(),
    trustProxy: config.trustProxy,
    // Long enough for any id the schemas accept (200), so that a long one is a 400 naming it, not the router's 414.
    routerOptions: { maxParamLength: 512 },
    // The router's own refusals (a malformed URL, a longer parameter still) are problems like any other.
    frameworkErrors: (error, request, reply) => {
      onError(error, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(onError);
  app.setNotFoundHandler(notFoundHandler);
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerOpenApi(app);
  webRoutes(app);
  // Every route registered after this is limited per client unless it says otherwise (health, imports).
  app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    errorResponseBuilder: (_request, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000)), context.max),
  });
  const routeDeps: RouteDeps = { store: deps.store, config };
  app.register(async (scope: App) => {
    // JSON only: a text/plain body is a 415, not a string that fails the schema (imports reads every type itself).
    scope.removeContentTypeParser('text/plain');
    for (const route of [healthRoutes, fitRoute, leaveBehindRoute, stackRoute, designRoute, bagsRoute, bagRoute, itemsRoute, importsRoute, styleRoute, trendsRoutes]) route(scope, routeDeps);
  });
  return app;
}
