/** POST /v1/fit: does this kit fit this bag? The same answer as `micropurse fit --json`. */
import { adviseOnMiss, fit, fitReport } from '@micropurse/core';
import { problemResponses } from '../problems.js';
import { engineBudget, resolveBag, resolveKit } from '../resolve.js';
import { FitRequestSchema } from '../schemas/requests.js';
import { FitResponseSchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';

export function fitRoute(app: App, { store, config }: RouteDeps): void {
  app.post(
    '/v1/fit',
    {
      schema: {
        tags: ['fit'],
        summary: 'Does this kit fit this bag?',
        description:
          'The verdict (fits, does-not-fit, undecided), the layout when it fits, the reasons in codes and numbers, and the swaps that would make it fit. ' +
          'Takes the batch contract\'s instance ({"bag":{"w","h","d"},"items":[{"name","w","h","d"}]}, a box interior in mm) as well as catalog bags and items by id or name. ' +
          'Half the time budget goes to the verdict and half to the advice when it does not fit.',
        body: FitRequestSchema,
        response: { 200: FitResponseSchema, ...problemResponses(400, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const body = request.body;
      const { interior, bag } = await resolveBag(store, body.bag, 'bag');
      const items = resolveKit(body.items, config.maxKitPieces);
      const budget = engineBudget(config, body.time_limit_ms);
      const t0 = performance.now();
      const result = fit({ bag: interior, items, options: { timeLimitMs: budget / 2 } });
      const ms = performance.now() - t0;
      const advice = adviseOnMiss(interior, items, result, budget / 2);
      return { ...(body.id === undefined ? {} : { id: body.id }), ...fitReport({ interior, ...(bag ? { bag } : {}), items, result, advice, ms }) };
    },
  );
}
