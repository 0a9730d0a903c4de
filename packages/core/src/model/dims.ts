import { z } from 'zod';

/** A length in millimetres: finite and strictly positive. */
export const MmSchema = z
  .number({ error: 'must be a number of millimetres' })
  .finite({ error: 'must be a finite number of millimetres' })
  .positive({ error: 'must be greater than 0 mm' });

/** Width, height, depth in mm (the bag's axes: w across the front, h up, d front to back). */
export const DimsSchema = z.object({ w: MmSchema, h: MmSchema, d: MmSchema });
export type Dims = z.infer<typeof DimsSchema>;
