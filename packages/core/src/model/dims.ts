import { z } from 'zod';

/** A length in millimetres: finite and strictly positive. */
export const MmSchema = z
  .number({ error: 'must be a number of millimetres' })
  .finite({ error: 'must be a finite number of millimetres' })
  .positive({ error: 'must be greater than 0 mm' });

/** Width, height, depth in mm (the bag's axes: w across the front, h up, d front to back). */
export const DimsSchema = z.object({ w: MmSchema, h: MmSchema, d: MmSchema });
export type Dims = z.infer<typeof DimsSchema>;

const DIMS_TEXT = /^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$/i;

/** "100x70x30" (mm, w x h x d) to dims, or null when the text is not of that form. */
export function parseDimsText(text: string): Dims | null {
  const m = DIMS_TEXT.exec(text);
  if (!m) return null;
  return { w: Number(m[1]), h: Number(m[2]), d: Number(m[3]) };
}
