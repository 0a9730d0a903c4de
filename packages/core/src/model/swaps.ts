import { z } from 'zod';
import { PlacementSchema, VerdictSchema } from './fit.js';

/** One change to the kit: one unit of `replace` carried as `with` instead. */
export const SwapChangeSchema = z.object({
  /** Name of the item given up, as in the kit. */
  replace: z.string(),
  /** Name of what goes in its place: an essential's name, or e.g. "iPhone 15 (no case)". */
  with: z.string(),
  replace_id: z.string().optional(),
  with_id: z.string().optional(),
  /** 1 (gives up almost nothing) to 5; data/alternatives.csv, or 1 for taking a phone's case off. */
  give_up: z.number().int(),
});
export type SwapChange = z.infer<typeof SwapChangeSchema>;

/**
 * A suggested swap: one change, or two when no single one works. `replace` and `with` join the
 * changes' names with " + "; the ids are set for a single change only (each change keeps its
 * own). give_up is the changes' sum. placements: the layout of the changed kit (item indices into
 * that kit, where the replacement takes the replaced item's place or follows it when only one
 * of several copies is swapped), empty unless the verdict is 'fits'.
 */
export const SwapSchema = z.object({
  replace: z.string(),
  with: z.string(),
  replace_id: z.string().optional(),
  with_id: z.string().optional(),
  give_up: z.number().int(),
  verdict: VerdictSchema,
  placements: z.array(PlacementSchema),
  changes: z.array(SwapChangeSchema).min(1),
});
export type Swap = z.infer<typeof SwapSchema>;

/**
 * swaps' answer. swaps: at most MAX_SWAPS, the ones that fit first (best first), then those the
 * budget left undecided; proved non-fits are left out. Empty when the kit already fits, or when
 * nothing was found. tried: how many changed kits fit() was asked about; untried: how many the
 * time budget left out (so an empty list after untried > 0 is not a "no swap helps").
 */
export const SwapsResultSchema = z.object({ swaps: z.array(SwapSchema), tried: z.number().int(), untried: z.number().int() });
export type SwapsResult = z.infer<typeof SwapsResultSchema>;

/** Suggestions returned at most: a short list people can read. */
export const MAX_SWAPS = 5;
