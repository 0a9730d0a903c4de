/** GET /v1/bags: the catalog, filtered, paginated; with a kit, only the bags that hold it (`micropurse search --json`). */
import { bagSummary } from '@micropurse/core';
import { findBagsThatFit } from '@micropurse/store';
import { problemResponses } from '../problems.js';
import { engineBudget, resolveKit } from '../resolve.js';
import { BagsQuerySchema } from '../schemas/bags-query.js';
import { BagsPageSchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';

/** The engine's time per borderline bag in a fits-my-kit search, ms: a twentieth of the request budget, at most the store's default. */
const perBagMs = (budgetMs: number) => Math.max(1, Math.min(50, budgetMs / 20));

export function bagsRoute(app: App, { store, config }: RouteDeps): void {
  app.get(
    '/v1/bags',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search the catalog',
        description: 'Filters combine with AND; a list filter matches any of its values. With `kit`, only the bags that hold the kit, each with a verified layout; bags the engine cannot settle within the request budget are counted in `undecided`, never listed.',
        querystring: BagsQuerySchema,
        response: { 200: BagsPageSchema, ...problemResponses(400, 422, 429) },
      },
    },
    async (request) => {
      const { kit, sort, limit, page, ...filters } = request.query;
      const offset = (page - 1) * limit;
      if (kit === undefined) {
        const r = await store.bags.search({ ...filters, sort: sort === 'fit' ? 'volume' : sort, limit, offset });
        return { results: r.bags.map((b) => bagSummary(b)), total: r.total, page, limit };
      }
      const items = resolveKit(kit.split(','), config.maxKitPieces, 'kit');
      const budget = engineBudget(config, undefined);
      // The request's budget bounds the whole query: bags still open when it is spent are undecided.
      const r = await findBagsThatFit(store, { filters, items, sort, limit, offset, perBagMs: perBagMs(budget), queryMs: budget });
      return {
        results: r.hits.map((h) => bagSummary(h.bag, h.placements)),
        total: r.total,
        page,
        limit,
        ...(r.undecided > 0 ? { undecided: r.undecided } : {}),
      };
    },
  );
}
