/** POST /v1/design/interior: the smallest interior that holds a kit (`micropurse design --json`). */
import { designInterior } from '@micropurse/core';
import { problemResponses } from '../problems.js';
import { engineBudget, resolveKit } from '../resolve.js';
import { DesignRequestSchema } from '../schemas/requests.js';
import { DesignResponseSchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';

export function designRoute(app: App, { config }: RouteDeps): void {
  app.post(
    '/v1/design/interior',
    {
      schema: {
        tags: ['design'],
        summary: 'The smallest interior for a kit',
        description: 'The least-volume box interior that holds the kit (sides in `fix` held), its layout, and the exterior to build around it for the construction.',
        body: DesignRequestSchema,
        response: { 200: DesignResponseSchema, ...problemResponses(400, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const { fix, construction, time_limit_ms } = request.body;
      const items = resolveKit(request.body.items, config.maxKitPieces);
      const result = designInterior({ items, ...(fix ? { fix } : {}), construction, options: { timeLimitMs: engineBudget(config, time_limit_ms) } });
      return { ...result, construction };
    },
  );
}
