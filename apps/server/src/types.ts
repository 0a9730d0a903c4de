import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '@micropurse/store';
import type { ServerConfig } from './config.js';

/** The Fastify app with zod schemas as its type provider: request and reply types come from the schemas. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every route is given. */
export interface RouteDeps {
  readonly store: Store;
  readonly config: ServerConfig;
}
