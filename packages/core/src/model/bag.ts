import { z } from 'zod';
import { MmSchema } from './dims.js';

/** The mouth of the bag, in its top face: how long it is and how far it gapes open, mm. */
export const OpeningSchema = z.object({ length: MmSchema, gape: MmSchema });
export type Opening = z.infer<typeof OpeningSchema>;

/**
 * Fields every interior shape has. w, h, d are always the bounding box (w across the front,
 * h up, d front to back), so code that only needs a box can read them from any shape.
 */
const common = {
  w: MmSchema,
  h: MmSchema,
  d: MmSchema,
  /** True when computed from exterior dims and construction rather than published. */
  derived: z.boolean().optional(),
  /** mm a soft bag stretches in depth (added to d). */
  give: z.number().min(0, { error: 'must be 0 mm or more' }).max(50, { error: 'must be at most 50 mm' }).optional(),
  opening: OpeningSchema.optional(),
};

export const BoxInteriorSchema = z.object({ shape: z.literal('box'), ...common });

/** Front face a trapezoid: w wide at its wide edge, w_narrow at the other, narrow at top or bottom. */
export const TrapezoidInteriorSchema = z
  .object({ shape: z.literal('trapezoid'), ...common, w_narrow: MmSchema, narrow_at: z.enum(['top', 'bottom']).default('top') })
  .refine((t) => t.w_narrow <= t.w, { path: ['w_narrow'], message: 'must be at most w, the wide edge' });

/** Front face the lower half of an ellipse (a saddle bag): flat edge w wide at the top, h deep. */
export const HalfMoonInteriorSchema = z.object({ shape: z.literal('half-moon'), ...common });

/** Front face an ellipse w x h (a disc on its side), extruded d. */
export const RoundInteriorSchema = z.object({ shape: z.literal('round'), ...common });

/** Upright elliptic cylinder (a bucket bag): cross-section w x d, height h. */
export const CylinderInteriorSchema = z.object({ shape: z.literal('cylinder'), ...common });

export const InteriorSchema = z.discriminatedUnion('shape', [
  BoxInteriorSchema,
  TrapezoidInteriorSchema,
  HalfMoonInteriorSchema,
  RoundInteriorSchema,
  CylinderInteriorSchema,
]);
export type Interior = z.infer<typeof InteriorSchema>;
export type InteriorShape = Interior['shape'];

export const TierSchema = z.enum(['luxury', 'contemporary', 'fast-fashion']);
export const WearModeSchema = z.enum(['crossbody', 'shoulder', 'hand', 'belt', 'necklace', 'wrist', 'bag-charm']);
/** How a bag is built, which sets how much its walls take from the exterior. */
export const ConstructionSchema = z.enum(['soft', 'structured', 'rigid']);
export type Construction = z.infer<typeof ConstructionSchema>;
