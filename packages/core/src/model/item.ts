import { z } from 'zod';
import { ORIENTATION_CODES } from '../geometry/orientation.js';
import { DimsSchema } from './dims.js';

/**
 * Which orientations an item may take: all six (default), "upright" (a quarter turn about the
 * vertical only: a perfume that must not lie down), "fixed", or an explicit list of codes.
 */
export const RotationSchema = z.union([
  z.enum(['all', 'upright', 'fixed']),
  z.array(z.enum(ORIENTATION_CODES)).min(1, { error: 'needs at least one orientation' }),
]);

/**
 * The item's solid. Only boxes for now; cylinders (lipsticks) and soft items are added here by
 * the real-shapes work, as new members of this union, so existing inputs keep their meaning.
 */
export const ItemShapeSchema = z.enum(['box']);

export const ItemSchema = z.object({
  /** Built-in id ("e03") when the item came from the essentials data. */
  id: z.string().optional(),
  name: z.string().min(1, { error: 'must not be empty' }),
  dims: DimsSchema,
  quantity: z.number().int({ error: 'must be a whole number' }).positive().max(100).default(1),
  rotation: RotationSchema.default('all'),
  shape: ItemShapeSchema.default('box'),
  /** Higher is more wanted; used by leave-behind advice. */
  priority: z.number().finite().optional(),
});
export type Item = z.infer<typeof ItemSchema>;
export type ItemInput = z.input<typeof ItemSchema>;
