import { z } from 'zod';
import { MmSchema } from './dims.js';

/**
 * A bag's usable interior. A box for now; the real-shapes work adds trapezoid, half-moon, round
 * and cylinder interiors (and an opening) as further members of this union.
 */
export const BoxInteriorSchema = z.object({
  shape: z.literal('box'),
  w: MmSchema,
  h: MmSchema,
  d: MmSchema,
  /** True when computed from exterior dims by a wall allowance rather than published. */
  derived: z.boolean().optional(),
});
export const InteriorSchema = z.discriminatedUnion('shape', [BoxInteriorSchema]);
export type Interior = z.infer<typeof InteriorSchema>;

export const TierSchema = z.enum(['luxury', 'contemporary', 'fast-fashion']);
export const WearModeSchema = z.enum(['crossbody', 'shoulder', 'hand', 'belt', 'necklace', 'wrist', 'bag-charm']);
export const ConstructionSchema = z.enum(['soft', 'structured', 'rigid']);
