/** GET /v1/items: the everyday items a kit is made of. */
import { z } from 'zod';
import { problemResponses } from '../problems.js';
import { ItemsPageSchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';

const ItemsQuerySchema = z.strictObject({
  category: z.string().min(1).max(100).optional().describe('only this category: phone, earbuds, card, beauty...'),
  q: z.string().min(1).max(200).optional().describe('only items whose name or id contains this, case-insensitively'),
});

export function itemsRoute(app: App, { store }: RouteDeps): void {
  app.get(
    '/v1/items',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The everyday items',
        description: 'Every item a kit can name, with its measured dimensions (mm, upright) and where they come from.',
        querystring: ItemsQuerySchema,
        response: { 200: ItemsPageSchema, ...problemResponses(400, 429) },
      },
    },
    async (request) => {
      const { category, q } = request.query;
      const needle = q?.toLowerCase();
      const items = (await store.items.all()).filter(
        (it) => (category === undefined || it.category === category.toLowerCase()) && (needle === undefined || it.name.toLowerCase().includes(needle) || it.id === needle),
      );
      return { items, total: items.length };
    },
  );
}
