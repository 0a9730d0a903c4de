/**
 * POST /v1/style: the body is the outfit file of `micropurse style --outfit FILE` (core
 * OutfitSchema: occasion, garments, and the budget, tier and wear-mode constraints) with the
 * command's options as fields: `top`, `stack`, and `kit` (entries as in POST /v1/fit). The answer
 * is the contract `style --json` prints (core StyleContractSchema).
 */
import { DEFAULT_STYLE_TOP, OutfitSchema, StyleContractSchema } from '@micropurse/core';
import { z } from 'zod';
import { KitSchema, TimeLimitSchema } from './requests.js';

/** The longest list of recommendations, as a page of GET /v1/bags; the list is never longer than the bags ranked. */
export const MAX_STYLE_TOP = 100;

/** The README's oversized black suit for work (the sample wardrobe's g01 and g04): the first example. */
export const SUIT_EXAMPLE = {
  occasion: 'work',
  garments: [
    { category: 'blazer', silhouette: 'oversized', colors: ['#1C1C1C'], pattern: 'solid', material: 'wool' },
    { category: 'trousers', silhouette: 'relaxed', colors: ['#3B3B3B'], pattern: 'pinstripe', material: 'wool' },
  ],
  budget_usd: 2000,
};

export const StyleRequestSchema = OutfitSchema.extend({
  top: z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(MAX_STYLE_TOP, { error: `must be at most ${MAX_STYLE_TOP}` })
    .default(DEFAULT_STYLE_TOP)
    .describe(`how many bags to list, best first (default ${DEFAULT_STYLE_TOP}, at most ${MAX_STYLE_TOP})`),
  stack: z.boolean({ error: 'must be true or false' }).default(false).describe('also choose two or three bags to wear together (their ids in `stack`)'),
  kit: KitSchema.optional().describe('only bags the fit engine proves hold this kit (entries as in POST /v1/fit); a bag it cannot settle within the budget is left out'),
  time_limit_ms: TimeLimitSchema,
})
  .describe('An outfit, as the file `micropurse style --outfit FILE` reads, with the command\'s options.')
  .meta({
    examples: [
      SUIT_EXAMPLE,
      {
        occasion: 'evening',
        garments: [{ category: 'dress', silhouette: 'bodycon', colors: ['#101010'], pattern: 'solid', material: 'satin' }],
        top: 3,
        stack: true,
        kit: ['lipstick', 'credit card x2'],
        wear_modes: ['hand', 'wrist', 'crossbody'],
      },
    ],
  });
export type StyleRequest = z.infer<typeof StyleRequestSchema>;

export const StyleResponseSchema = StyleContractSchema;
