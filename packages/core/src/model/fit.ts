import { z } from 'zod';
import { ORIENTATION_CODES } from '../geometry/orientation.js';
import { InteriorSchema } from './bag.js';
import { ItemSchema } from './item.js';

/** Defaults: one second of search, which decides every kit of up to ten items we have seen. */
export const DEFAULT_TIME_LIMIT_MS = 1000;
/** Items per request, and pieces (quantities counted) the exact search takes: a micro-bag holds far fewer. */
export const MAX_PIECES = 32;

export const FitOptionsSchema = z.object({
  timeLimitMs: z.number().positive().max(600_000).default(DEFAULT_TIME_LIMIT_MS),
  /** Search nodes allowed; unlimited when absent. A reproducible budget for tests. */
  nodeLimit: z.number().int().positive().optional(),
  /**
   * 'scan' (a catalog scan, which has tried the kit's known layouts already and runs on thousands
   * of bags): shaped interiors get the proofs and a shortened corner-tested quick packer only, no
   * search, so a bag they cannot settle is undecided at once. Box interiors are always searched exactly.
   */
  effort: z.enum(['exact', 'scan']).optional(),
});
export type FitOptions = z.infer<typeof FitOptionsSchema>;

export const FitInputSchema = z.object({
  bag: InteriorSchema,
  items: z.array(ItemSchema).max(MAX_PIECES, { error: `at most ${MAX_PIECES} items` }),
  options: FitOptionsSchema.default({ timeLimitMs: DEFAULT_TIME_LIMIT_MS }),
});
export type FitInput = z.infer<typeof FitInputSchema>;
export type FitInputRaw = z.input<typeof FitInputSchema>;

export const VerdictSchema = z.enum(['fits', 'does-not-fit', 'undecided']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One placed piece: min corner (x, y, z) and extents along the bag's w, h, d axes, mm. */
export const PlacementSchema = z.object({
  name: z.string(),
  /** Index of the item in the input list; `copy` counts its quantity from 0. */
  item: z.number().int().nonnegative(),
  copy: z.number().int().nonnegative(),
  orientation: z.enum(ORIENTATION_CODES),
  x: z.number(),
  y: z.number(),
  z: z.number(),
  w: z.number(),
  h: z.number(),
  d: z.number(),
});
export type Placement = z.infer<typeof PlacementSchema>;

/** Why a verdict is what it is: machine codes with the numbers behind them. */
export const ReasonSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('item-too-large'),
    item: z.number().int(),
    name: z.string(),
    /** The least, over the item's orientations, of its largest overshoot of the interior, mm. */
    overshoot_mm: z.number(),
  }),
  z.object({
    code: z.literal('volume'),
    items_mm3: z.number(),
    /** The interior's volume, w x h x d. */
    bag_mm3: z.number(),
    /**
     * The volume that can actually be filled: each side shortened to the longest sum of item
     * extents that fits along it (no packing can use the sliver beyond). Never above bag_mm3.
     */
    usable_mm3: z.number(),
    /** items_mm3 / usable_mm3; above 1 no arrangement can work. */
    ratio: z.number(),
  }),
  z.object({
    code: z.literal('pair-conflict'),
    items: z.tuple([z.number().int(), z.number().int()]),
    names: z.tuple([z.string(), z.string()]),
  }),
  z.object({ code: z.literal('search-exhausted'), nodes: z.number().int() }),
  z.object({ code: z.literal('time-limit'), nodes: z.number().int(), limit_ms: z.number() }),
  z.object({ code: z.literal('node-limit'), nodes: z.number().int() }),
  /** An item that cannot pass through the bag's opening in any orientation, whatever room is inside. */
  z.object({
    code: z.literal('blocked-by-opening'),
    item: z.number().int(),
    name: z.string(),
    opening: z.object({ length: z.number(), gape: z.number() }),
    /** The least, over the item's cross-sections, of its largest overshoot of the opening, mm. */
    by_mm: z.number(),
  }),
  /**
   * The kit fits the shape's bounding box, but no layout inside the curved or slanted walls was
   * found: with such walls the engine is sound but not complete, so it does not guess.
   */
  z.object({ code: z.literal('shape-incomplete'), shape: z.string() }),
  /** More pieces (quantities counted) than the exact search takes; bounds and the quick packer still ran. */
  z.object({ code: z.literal('piece-limit'), pieces: z.number().int(), limit: z.number().int() }),
]);
export type Reason = z.infer<typeof ReasonSchema>;

export const FitResultSchema = z.object({
  verdict: VerdictSchema,
  placements: z.array(PlacementSchema),
  reasons: z.array(ReasonSchema),
  stats: z.object({
    /** Which stage settled it: a bound, the quick constructive packer, or the complete search. */
    method: z.enum(['trivial', 'bound', 'greedy', 'search']),
    nodes: z.number().int(),
  }),
});
export type FitResult = z.infer<typeof FitResultSchema>;
