/** GET /healthz (the process answers) and GET /readyz (and its store does). Never rate-limited. */
import { HttpProblem, problemResponses } from '../problems.js';
import { HealthSchema, ReadySchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';

export function healthRoutes(app: App, { store }: RouteDeps): void {
  app.get(
    '/healthz',
    { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'Readiness: the store answers', response: { 200: ReadySchema, ...problemResponses(503) } } },
    async (request) => {
      try {
        return { status: 'ready' as const, store: store.kind, bags: await store.bags.count() };
      } catch (e) {
        request.log.error({ err: e }, 'store not answering');
        throw new HttpProblem(503, 'unavailable', 'Not ready', 'The store does not answer.');
      }
    },
  );
}
