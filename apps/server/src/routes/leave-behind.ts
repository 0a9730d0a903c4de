/** POST /v1/fit/leave-behind: the most wanted part of a kit that fits (`micropurse fit --leave-behind --json`). */
import { LeaveBehindResultSchema, leaveBehind } from '@micropurse/core';
import { problemResponses } from '../problems.js';
import { engineBudget, resolveBag, resolveKit } from '../resolve.js';
import { LeaveBehindRequestSchema } from '../schemas/requests.js';
import type { App, RouteDeps } from '../types.js';

export function leaveBehindRoute(app: App, { store, config }: RouteDeps): void {
  app.post(
    '/v1/fit/leave-behind',
    {
      schema: {
        tags: ['fit'],
        summary: 'What to take and what to leave behind',
        description: 'The set of pieces of highest total priority that fits (priority 1 when absent; higher is more wanted), with its layout; `exact` when no better set was left undecided.',
        body: LeaveBehindRequestSchema,
        response: { 200: LeaveBehindResultSchema, ...problemResponses(400, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const { interior } = await resolveBag(store, request.body.bag, 'bag');
      const items = resolveKit(request.body.items, config.maxKitPieces);
      return leaveBehind({ bag: interior, items, options: { timeLimitMs: engineBudget(config, request.body.time_limit_ms) } });
    },
  );
}
