/**
 * POST /v1/style: which of the store's bags go with an outfit, ranked, with the reasons; the
 * object `micropurse style --outfit FILE --json` prints (core scoreOutfit and styleContract).
 * The candidates are the store's bags (the built-in catalog is seeded there; imported bags count).
 * With a kit, each bag is checked by the fit engine with an equal share of the request's budget.
 */
import { scoreOutfit, styleContract } from '@micropurse/core';
import { problemResponses } from '../problems.js';
import { engineBudget, resolveKit } from '../resolve.js';
import { StyleRequestSchema, StyleResponseSchema } from '../schemas/style.js';
import type { App, RouteDeps } from '../types.js';

export function styleRoute(app: App, { store, config }: RouteDeps): void {
  app.post(
    '/v1/style',
    {
      schema: {
        tags: ['style'],
        summary: 'Which bags go with this outfit',
        description:
          'The store\'s bags ranked for the outfit by five rules (proportion, occasion, colour, texture, practicality; points summing to at most 100), each with its sentence; ' +
          'with `stack`, two or three to wear together. `budget_usd`, `tiers`, `wear_modes` and `kit` leave bags out rather than lowering them. ' +
          'A malformed outfit is a 400 naming the field ("garments[1].colors[0]").',
        body: StyleRequestSchema,
        response: { 200: StyleResponseSchema, ...problemResponses(400, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const { top, stack, kit: entries, time_limit_ms, ...outfit } = request.body;
      const kit = entries === undefined ? undefined : resolveKit(entries, config.maxKitPieces, 'kit');
      const { bags } = await store.bags.search({});
      // The kit check is the costly part: each bag gets an equal share of the budget (and the core's node limit per bag).
      const perBagMs = engineBudget(config, time_limit_ms) / Math.max(1, bags.length);
      const result = scoreOutfit({ outfit, bags, ...(kit ? { kit, options: { kit_time_limit_ms: perBagMs } } : {}) });
      return styleContract(result, top, stack);
    },
  );
}
