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
 * The item's solid. A cylinder (lipstick, coin, compact) has dims.w = dims.d = its diameter and
 * dims.h = its length, the convention of the essentials data; the engine packs it as its
 * bounding box, which is sound for "fits" (the cylinder lies inside its box).
 */
export const ItemShapeSchema = z.enum(['box', 'cylinder']);

/** A soft item may be squeezed along its thinnest side by up to this fraction (0.4 = to 60%). */
export const SoftSchema = z.object({
  squeeze: z.number().min(0, { error: 'must be between 0 and 0.9' }).max(0.9, { error: 'must be between 0 and 0.9' }),
});

/** mm a phone case adds on every side (published cases add 1-3 mm; see data/README.md). */
export const CASE_ALLOWANCE_MM = 2;

export const ItemSchema = z
  .object({
    /** Built-in id ("e03") when the item came from the essentials data. */
    id: z.string().optional(),
    name: z.string().min(1, { error: 'must not be empty' }),
    dims: DimsSchema,
    quantity: z.number().int({ error: 'must be a whole number' }).positive().max(100).default(1),
    rotation: RotationSchema.default('all'),
    shape: ItemShapeSchema.default('box'),
    soft: SoftSchema.optional(),
    /** In a case: CASE_ALLOWANCE_MM more on every side. */
    withCase: z.boolean().optional(),
    /** Higher is more wanted; used by leave-behind advice. */
    priority: z.number().finite().optional(),
  })
  .superRefine((item, ctx) => {
    if (item.shape === 'cylinder' && Math.abs(item.dims.w - item.dims.d) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['dims', 'd'], message: "a cylinder's w and d are both its diameter and must be equal" });
    }
  });
export type Item = z.infer<typeof ItemSchema>;
export type ItemInput = z.input<typeof ItemSchema>;

/**
 * The box the engine packs for an item, before any squeeze: its dims, grown by the case
 * allowance when it is in a case.
 */
export function packedDims(item: Pick<Item, 'dims' | 'withCase'>): [number, number, number] {
  const c = item.withCase ? 2 * CASE_ALLOWANCE_MM : 0;
  return [item.dims.w + c, item.dims.h + c, item.dims.d + c];
}

/** The dims squeezed as far as allowed: the thinnest side times (1 - squeeze). */
export function squeezedDims(item: Pick<Item, 'dims' | 'withCase' | 'soft'>): [number, number, number] {
  const dims = packedDims(item);
  if (!item.soft || item.soft.squeeze === 0) return dims;
  const thin = dims.indexOf(Math.min(...dims));
  dims[thin] = dims[thin]! * (1 - item.soft.squeeze);
  return dims;
}
