import { z } from 'zod';
import { InteriorSchema } from './bag.js';
import { MAX_PIECES, PlacementSchema } from './fit.js';
import { ItemSchema } from './item.js';

/**
 * The budget of one call of an advice entry (leave-behind, stack, design), shared by all the
 * fit() calls it makes. Defined once here and reused by the other two advice models. The default
 * is whyNot's DEFAULT_ADVICE_TIME_LIMIT_MS (advice/why-not.ts), which a model may not import.
 */
export const AdviceOptionsSchema = z.object({
  /** Total wall-clock budget, ms, over every fit() call of the advice. */
  timeLimitMs: z.number().positive().max(600_000).default(2000),
  /** Search nodes allowed to each fit() call; unlimited when absent. A reproducible budget for tests. */
  nodeLimit: z.number().int().positive().optional(),
});

export const LeaveBehindInputSchema = z.object({
  bag: InteriorSchema,
  /** priority: higher is more wanted, 1 when absent; each copy (quantity) may be left on its own. */
  items: z.array(ItemSchema).max(MAX_PIECES, { error: `at most ${MAX_PIECES} items` }),
  options: AdviceOptionsSchema.default({ timeLimitMs: 2000 }),
});
export type LeaveBehindInput = z.infer<typeof LeaveBehindInputSchema>;
export type LeaveBehindInputRaw = z.input<typeof LeaveBehindInputSchema>;

/** Copies kept of the input item `item` (index into the input list); items with none kept are absent. */
export const KeptCountSchema = z.object({ item: z.number().int().nonnegative(), copies: z.number().int().positive() });

/**
 * What to take: the kept units fit (placements, verified), and no set of units of higher total
 * priority fits when `exact`. Ties go to more units, then to keeping lower-index items.
 */
export const LeaveBehindResultSchema = z.object({
  /** Always 'fits': leaving everything behind fits any bag. */
  verdict: z.literal('fits'),
  /** Names of the kept units, one per copy, in input order; `leave` the same for the rest. */
  keep: z.array(z.string()),
  leave: z.array(z.string()),
  kept: z.array(KeptCountSchema),
  priority_kept: z.number(),
  priority_total: z.number(),
  /**
   * The kept units' layout: `item` indexes the input list, `copy` counts 0..k-1 over the k copies
   * kept; it verifies against the input items with their quantities cut to the kept counts.
   */
  placements: z.array(PlacementSchema),
  /**
   * True when every set of units ranked above the answer was proved not to fit. False when one of
   * them was left undecided (time or node budget, a shaped interior) or the kit was too large to
   * rank every subset (more than MAX_SUBKITS of them; then the answer is greedy).
   */
  exact: z.boolean(),
  stats: z.object({ fit_calls: z.number().int(), subkits_judged: z.number().int() }),
});
export type LeaveBehindResult = z.infer<typeof LeaveBehindResultSchema>;
