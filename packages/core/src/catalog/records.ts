import { z } from 'zod';
import { ConstructionSchema, TierSchema, WearModeSchema } from '../model/bag.js';
import { DimsSchema } from '../model/dims.js';

/** An everyday item from the built-in essentials, measured upright (see data/README.md). */
export const EssentialRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  dims: DimsSchema,
  /** "cylinder": w = d = diameter, h = length. Packed as its bounding box for now. */
  solid: z.enum(['box', 'cylinder']),
  rigid: z.boolean(),
  weight_g: z.number(),
  source_note: z.string(),
});
export type EssentialRecord = z.infer<typeof EssentialRecordSchema>;

export const BagShapeSchema = z.enum(['box', 'trapezoid', 'round', 'half-moon', 'cylinder', 'novelty']);

/** A bag from the built-in catalog: exterior dims as published. */
export const BagRecordSchema = z.object({
  id: z.string(),
  brand: z.string(),
  model: z.string(),
  tier: TierSchema,
  price_usd: z.number().nullable(),
  exterior: DimsSchema,
  shape: BagShapeSchema,
  closure: z.enum(['zip', 'flap', 'clasp', 'drawstring', 'open', 'kiss-lock']),
  strap: z.enum(['detachable', 'fixed', 'none', 'chain']),
  wear_modes: z.array(WearModeSchema),
  material: z.string(),
  color: z.string(),
  texture: z.string(),
  construction: ConstructionSchema.optional(),
  source_note: z.string(),
});
export type BagRecord = z.infer<typeof BagRecordSchema>;

/**
 * A swap a person might accept (data/alternatives.csv): carry `to_id` instead of `from_id`, both
 * essentials ids. give_up says how much they lose by it, 1 (almost nothing: the same notes folded)
 * to 5 (a different thing altogether); swap advice ranks by it.
 */
export const AlternativeRecordSchema = z.object({
  from_id: z.string(),
  to_id: z.string(),
  give_up: z.number().int().min(1).max(5),
  note: z.string().min(1),
});
export type AlternativeRecord = z.infer<typeof AlternativeRecordSchema>;
