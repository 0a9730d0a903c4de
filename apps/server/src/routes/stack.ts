/** POST /v1/fit/stack: split a kit across two or three bags worn together (`micropurse stack --json`). */
import { StackResultSchema, stackKit, type Interior } from '@micropurse/core';
import { problemResponses } from '../problems.js';
import { engineBudget, resolveBag, resolveKit } from '../resolve.js';
import { StackRequestSchema } from '../schemas/requests.js';
import type { App, RouteDeps } from '../types.js';

const boxName = (i: Interior) => `${i.shape} ${i.w} x ${i.h} x ${i.d} mm`;

export function stackRoute(app: App, { store, config }: RouteDeps): void {
  app.post(
    '/v1/fit/stack',
    {
      schema: {
        tags: ['fit'],
        summary: 'Split a kit across two or three bags',
        description: 'Each bag\'s share of the kit with its layout when the kit fits across the bags, else why not.',
        body: StackRequestSchema,
        response: { 200: StackResultSchema, ...problemResponses(400, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const bags = [];
      for (const [i, ref] of request.body.bags.entries()) {
        const r = await resolveBag(store, ref, `bags[${i}]`);
        bags.push({ name: r.bag?.name ?? boxName(r.interior), interior: r.interior });
      }
      const items = resolveKit(request.body.items, config.maxKitPieces);
      return stackKit({ bags, items, options: { timeLimitMs: engineBudget(config, request.body.time_limit_ms) } });
    },
  );
}
