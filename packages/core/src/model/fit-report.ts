import { z } from 'zod';
import { InteriorSchema } from './bag.js';
import { DimsSchema } from './dims.js';
import { FitResultSchema, PlacementSchema, VerdictSchema } from './fit.js';
import { SwapSchema } from './swaps.js';
import { WhyNotResultSchema } from './why-not.js';

/** A swap as reported with a verdict: the swap less its per-change breakdown. */
export const ReportedSwapSchema = SwapSchema.omit({ changes: true });
export type ReportedSwap = z.infer<typeof ReportedSwapSchema>;

/**
 * The answer to "does this kit fit this bag?" that `micropurse fit --json` prints and
 * `POST /v1/fit` returns (a machine contract): the verdict and its layout, why (the engine's
 * reasons and the advice's, empty when it fits), what to swap (empty unless it does not fit),
 * the bag and kit as resolved, the engine's stats and the wall time in ms.
 */
export const FitReportSchema = z.object({
  verdict: VerdictSchema,
  placements: z.array(PlacementSchema),
  reasons: WhyNotResultSchema.shape.reasons,
  swaps: z.array(ReportedSwapSchema),
  bag: z.object({
    /** Set when the bag came from the catalog. */
    id: z.string().optional(),
    name: z.string().optional(),
    interior_mm: InteriorSchema,
  }),
  items: z.array(z.object({ id: z.string().optional(), name: z.string(), dims: DimsSchema, quantity: z.number().int() })),
  stats: FitResultSchema.shape.stats,
  /** Wall time of the engine's verdict, ms (advice not included). */
  ms: z.number(),
});
export type FitReport = z.infer<typeof FitReportSchema>;
