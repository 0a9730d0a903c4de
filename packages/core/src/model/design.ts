import { z } from 'zod';
import { ConstructionSchema } from './bag.js';
import { DimsSchema, MmSchema } from './dims.js';
import { MAX_PIECES, PlacementSchema, ReasonSchema } from './fit.js';
import { ItemSchema } from './item.js';
import { AdviceOptionsSchema } from './leave-behind.js';

export const DesignInputSchema = z.object({
  items: z.array(ItemSchema).min(1, { error: 'needs at least one item' }).max(MAX_PIECES, { error: `at most ${MAX_PIECES} items` }),
  /** Interior sides that are given, mm (a set depth, say); the others are chosen. */
  fix: z.object({ w: MmSchema.optional(), h: MmSchema.optional(), d: MmSchema.optional() }).optional(),
  /** How the bag is built, which sets the walls between interior and exterior. */
  construction: ConstructionSchema.default('soft'),
  options: AdviceOptionsSchema.default({ timeLimitMs: 2000 }),
});
export type DesignInput = z.infer<typeof DesignInputSchema>;
export type DesignInputRaw = z.input<typeof DesignInputSchema>;

/**
 * Why no box was designed: the engine's reasons for an all-fixed box, or an item that no
 * orientation fits within the fixed sides.
 */
export const DesignReasonSchema = z.discriminatedUnion('code', [
  ...ReasonSchema.options,
  z.object({ code: z.literal('item-exceeds-fix'), item: z.number().int(), name: z.string() }),
]);
export type DesignReason = z.infer<typeof DesignReasonSchema>;

const stats = z.object({
  fit_calls: z.number().int(),
  /** fit() calls left undecided (only those that could have mattered make the result inexact). */
  undecided: z.number().int(),
});

/**
 * 'fits': the least-volume box interior found that holds the kit, with its layout (verified in a
 * box of interior_mm) and the exterior to build around it. Least among all boxes with the fixed
 * sides when `exact`; otherwise an undecided fit() call or the work cap left a smaller box possible.
 * Nothing fixed and every item free to turn: sides come out w >= h >= d.
 * 'does-not-fit' / 'undecided': no box, and why (only possible when sides are fixed).
 */
export const DesignResultSchema = z.discriminatedUnion('verdict', [
  z.object({
    verdict: z.literal('fits'),
    interior_mm: DimsSchema,
    volume_mm3: z.number(),
    placements: z.array(PlacementSchema),
    exterior_mm: DimsSchema,
    exact: z.boolean(),
    stats,
  }),
  z.object({ verdict: z.literal('does-not-fit'), reasons: z.array(DesignReasonSchema), stats }),
  z.object({ verdict: z.literal('undecided'), reasons: z.array(DesignReasonSchema), stats }),
]);
export type DesignResult = z.infer<typeof DesignResultSchema>;
