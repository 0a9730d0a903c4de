/**
 * A "what fits" badge: one (bag, subject) verdict, where a subject is an everyday item on its own
 * or a kit, kept with the layout that proves a fit. Stored a bag at a time (badges/payload.ts),
 * with the content hashes of the bag's interior and of each subject (badges/content-hash.ts), so
 * that it is recomputed only when the bag's interior or the subject changes.
 */
import { z } from 'zod';
import { PlacementSchema, VerdictSchema } from './fit.js';
import { ItemSchema } from './item.js';

/** What a badge is about: an essential on its own ("e03"), or a kit ("kit-evening-out"). */
export const BadgeSubjectSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1),
  kind: z.enum(['item', 'kit']),
  /** The items the verdict is for: one item with quantity 1 for an item subject. */
  items: z.array(ItemSchema).min(1),
});
export type BadgeSubject = z.infer<typeof BadgeSubjectSchema>;

export const BadgeSchema = z.object({
  bag_id: z.string(),
  subject_id: z.string(),
  verdict: VerdictSchema,
  /** A layout the verifier accepted, for "fits"; empty otherwise. */
  placements: z.array(PlacementSchema),
});
export type Badge = z.infer<typeof BadgeSchema>;
