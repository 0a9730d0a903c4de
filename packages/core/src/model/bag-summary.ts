import { z } from 'zod';
import { BagShapeSchema } from '../catalog/records.js';
import { TierSchema } from './bag.js';
import { PlacementSchema } from './fit.js';

/** A placement as the catalog contracts print it: the name, the min corner and the extents, mm. */
export const PlacedBoxSchema = PlacementSchema.pick({ name: true, x: true, y: true, z: true, w: true, h: true, d: true });
export type PlacedBox = z.infer<typeof PlacedBoxSchema>;

/**
 * One result of a catalog search, as `micropurse search --json` prints it and `GET /v1/bags`
 * returns it (a machine contract). `verdict` and `placements` only when a kit was asked about:
 * then every result fits, with its layout.
 */
export const BagSummarySchema = z.object({
  bag_id: z.string(),
  brand: z.string(),
  model: z.string(),
  tier: TierSchema,
  price_usd: z.number().nullable(),
  shape: BagShapeSchema,
  /** The interior's bounding box, mm. */
  interior_mm: z.object({ w: z.number(), h: z.number(), d: z.number() }),
  /** True when the interior was computed from the exterior and construction. */
  interior_derived: z.boolean(),
  verdict: z.literal('fits').optional(),
  placements: z.array(PlacedBoxSchema).optional(),
});
export type BagSummary = z.infer<typeof BagSummarySchema>;
