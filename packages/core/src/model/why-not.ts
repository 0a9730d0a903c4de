import { z } from 'zod';
import { ReasonSchema, VerdictSchema } from './fit.js';

/** An interior axis: w across the front, h up, d front to back. */
export const AxisSchema = z.enum(['w', 'h', 'd']);
export type Axis = z.infer<typeof AxisSchema>;

/**
 * What the advice adds to the engine's own reasons. The engine says why its verdict is proved;
 * these say how far off the kit is and what would change it, for people and for machines.
 */
export const AdviceReasonSchema = z.discriminatedUnion('code', [
  /**
   * How full the bag is, always given. items_mm3: the items' bounding boxes at full size (cases
   * included, soft items unsqueezed); bag_mm3: the interior's own volume for its shape, with any
   * give; ratio = items_mm3 / bag_mm3. Above 1 only squeezing can help; below 1 is no promise.
   */
  z.object({ code: z.literal('volume-ratio'), ratio: z.number(), items_mm3: z.number(), bag_mm3: z.number() }),
  /**
   * An item that does not fit the empty bag on its own (index `item` in the input), by
   * overshoot_mm at best: the least, over its orientations, of its largest overshoot (the engine's
   * item-too-large figure). axis: the interior side it overshoots in that best orientation, for a
   * box interior when a single side is to blame.
   */
  z.object({
    code: z.literal('bottleneck'),
    item: z.number().int(),
    name: z.string(),
    overshoot_mm: z.number(),
    axis: AxisSchema.optional(),
  }),
  /**
   * Every item fits the bag alone, but the kit does not fit together. leave_one_out: for each
   * input item, the verdict for the kit less one unit of it ('fits' names the items whose removal
   * is enough).
   */
  z.object({
    code: z.literal('fits-alone-not-together'),
    leave_one_out: z.array(z.object({ item: z.number().int(), name: z.string(), verdict: VerdictSchema })),
  }),
  /**
   * Box interiors: the least growth of this one side, mm, that makes the whole kit fit, the other
   * sides unchanged. Exact: the engine proved the kit fits with it and does not fit with the next
   * smaller length that could matter (see advice/why-not.ts). Absent for an axis whose growth
   * cannot help, or which was not settled (then named in advice-unsettled).
   */
  z.object({ code: z.literal('short-by'), axis: AxisSchema, mm: z.number() }),
  /**
   * Checks that the time budget (or an undecided fit) left unsettled, so that a missing reason
   * is not read as a "no": 'fits-alone', 'leave-one-out', 'short-by-w', 'short-by-h', 'short-by-d'.
   */
  z.object({
    code: z.literal('advice-unsettled'),
    checks: z.array(z.enum(['fits-alone', 'leave-one-out', 'short-by-w', 'short-by-h', 'short-by-d'])),
  }),
]);
export type AdviceReason = z.infer<typeof AdviceReasonSchema>;
export type UnsettledCheck = Extract<AdviceReason, { code: 'advice-unsettled' }>['checks'][number];

/**
 * whyNot's answer: the kit's verdict, then the engine's reasons (passed through as they are,
 * 'blocked-by-opening' among them), then the advice's.
 */
export const WhyNotResultSchema = z.object({
  verdict: VerdictSchema,
  reasons: z.array(z.union([ReasonSchema, AdviceReasonSchema])),
});
export type WhyNotResult = z.infer<typeof WhyNotResultSchema>;
