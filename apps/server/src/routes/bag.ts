/** GET /v1/bags/{id}: one bag, what fits in it, and its schema.org Product JSON-LD. */
import { z } from 'zod';
import { productJsonLd } from '../json-ld.js';
import { notFound, problemResponses } from '../problems.js';
import { BagDetailSchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';
import { whatFits } from '../what-fits.js';

const ParamsSchema = z.object({ id: z.string().min(1).max(200).describe('the bag\'s id, as GET /v1/bags gives it') });

export function bagRoute(app: App, { store, config }: RouteDeps): void {
  app.get(
    '/v1/bags/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One bag, with what fits in it',
        description: 'The bag as stored; each everyday item and a few common kits with its verdict for this bag (read from the stored badges when they are current, else from the engine); and the bag as schema.org Product JSON-LD for a product page.',
        params: ParamsSchema,
        response: { 200: BagDetailSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const bag = await store.bags.get(request.params.id);
      if (!bag) throw notFound('bag', request.params.id, 'id');
      // Stored badges where they are current (whatFits checks the bag's and each subject's hash), the engine for the rest.
      const row = await store.badges.forBag(bag.id);
      const stored = { row, slots: row ? await store.badges.subjects() : [] };
      const fits = whatFits(bag.interior, await store.items.all(), config.budgetMs, stored);
      return { bag, what_fits: fits, json_ld: productJsonLd(bag, fits) };
    },
  );
}
