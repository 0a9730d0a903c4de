/**
 * The batch contract's instance shape ({id, bag:{w,h,d}, items:[{name,w,h,d,rot?}]}, a box
 * interior in mm, all six orientations unless `rot` says otherwise), turned into fit() inputs.
 * A bad instance becomes an error naming the instance and the field; the others are unaffected.
 */
import { z } from 'zod';
import { MmSchema } from '../model/dims.js';
import type { FitInput } from '../model/fit.js';
import { RotationSchema } from '../model/item.js';
import { formatIssuePath } from '../model/issues.js';

export const BatchInstanceSchema = z.object({
  id: z.union([z.string(), z.number()]),
  bag: z.object({ w: MmSchema, h: MmSchema, d: MmSchema }),
  items: z.array(
    z.object({
      name: z.string().min(1, { error: 'must not be empty' }),
      w: MmSchema,
      h: MmSchema,
      d: MmSchema,
      rot: RotationSchema.optional(),
    }),
  ),
});

export type BatchParse =
  | { ok: true; id: string | number; input: FitInput }
  | { ok: false; id: string | number; field: string; message: string };

export function parseBatchInstance(raw: unknown, index: number, timeLimitMs: number): BatchParse {
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const fallbackId = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : `#${index}`;
  const parsed = BatchInstanceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, id: fallbackId, field: formatIssuePath(issue.path), message: issue.message };
  }
  const inst = parsed.data;
  return {
    ok: true,
    id: inst.id,
    input: {
      bag: { shape: 'box', w: inst.bag.w, h: inst.bag.h, d: inst.bag.d },
      items: inst.items.map((it) => ({
        name: it.name,
        dims: { w: it.w, h: it.h, d: it.d },
        quantity: 1,
        rotation: it.rot ?? 'all',
        shape: 'box' as const,
      })),
      options: { timeLimitMs },
    },
  };
}
