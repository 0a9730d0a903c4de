import { z } from 'zod';
import { InteriorSchema } from './bag.js';
import { MAX_PIECES, PlacementSchema, VerdictSchema } from './fit.js';
import { ItemSchema } from './item.js';
import { AdviceOptionsSchema } from './leave-behind.js';

/** A bag worn with the others: a name to report it by, and its interior. */
export const StackBagSchema = z.object({ name: z.string().min(1, { error: 'must not be empty' }), interior: InteriorSchema });

export const StackInputSchema = z.object({
  /** Two or three bags worn together. */
  bags: z.array(StackBagSchema).min(2, { error: 'needs at least 2 bags' }).max(3, { error: 'at most 3 bags' }),
  items: z.array(ItemSchema).max(MAX_PIECES, { error: `at most ${MAX_PIECES} items` }),
  options: AdviceOptionsSchema.default({ timeLimitMs: 2000 }),
});
export type StackInput = z.infer<typeof StackInputSchema>;
export type StackInputRaw = z.input<typeof StackInputSchema>;

/** Why a split was or was not found, in codes and the numbers behind them. */
export const StackReasonSchema = z.discriminatedUnion('code', [
  /** An item that every bag proved too small for, on its own: no split can place it. */
  z.object({ code: z.literal('item-fits-no-bag'), item: z.number().int(), name: z.string() }),
  /** Every split of the kit over the bags was tried and each was proved not to fit (some bag's share does not). */
  z.object({ code: z.literal('no-split'), tried: z.number().int() }),
  /** Splits whose fit stayed undecided (budget, or a shaped interior): the search could not rule them out. */
  z.object({ code: z.literal('undecided-splits'), count: z.number().int() }),
  /** The budget ran out after `tried` of `splits` splits. */
  z.object({ code: z.literal('time-limit'), limit_ms: z.number(), tried: z.number().int(), splits: z.number().int() }),
  /** More splits than the exact search enumerates; only a greedy split was tried. */
  z.object({ code: z.literal('split-limit'), splits: z.number(), limit: z.number().int() }),
]);
export type StackReason = z.infer<typeof StackReasonSchema>;

/**
 * One bag's share of a split: the names of its units (one per copy) and their layout, whose
 * `item` indexes the input list and `copy` counts 0..k-1 over the k copies in this bag. It
 * verifies against the input items with their quantities cut to this bag's counts.
 */
export const StackBagShareSchema = z.object({
  name: z.string(),
  items: z.array(z.string()),
  placements: z.array(PlacementSchema),
});

/**
 * 'fits': `bags` (in input order) hold every unit exactly once, each share verified. 'does-not-fit'
 * only from proofs (every split fails, or an item fits no bag); 'undecided' otherwise. `bags` is
 * empty unless the verdict is 'fits'.
 */
export const StackResultSchema = z.object({
  verdict: VerdictSchema,
  bags: z.array(StackBagShareSchema),
  reasons: z.array(StackReasonSchema),
  stats: z.object({ fit_calls: z.number().int(), splits: z.number(), tried: z.number().int() }),
});
export type StackResult = z.infer<typeof StackResultSchema>;
