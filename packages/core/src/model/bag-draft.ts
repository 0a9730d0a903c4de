/**
 * A bag as a feed describes it, before the catalog fills in what the feed left out: what every
 * importer (the project's CSV, Google Merchant TSV and XML, schema.org JSON-LD) produces, and
 * what `catalogBagFromDraft` (catalog/bag-from-draft.ts) turns into a CatalogBag. Lengths already
 * in mm, prices in their currency.
 */
import { z } from 'zod';
import { BagShapeSchema } from '../catalog/records.js';
import { ConstructionSchema, TierSchema, WearModeSchema } from './bag.js';
import { ClosureSchema, CurrencySchema, IsoDateSchema, StrapSchema } from './catalog.js';
import { DimsSchema } from './dims.js';

/** Exterior sides above this are not a micro-bag (nor any handbag): an absurd row. */
export const MAX_BAG_SIDE_MM = 1000;

const Side = z.number().finite().positive({ error: 'must be greater than 0 mm' }).max(MAX_BAG_SIDE_MM, { error: `must be at most ${MAX_BAG_SIDE_MM} mm` });

export const BagDraftSchema = z.object({
  /** Built-in id when the row is the project's own CSV; otherwise derived from source and SKU. */
  id: z.string().min(1).optional(),
  brand: z.string().trim().min(1, { error: 'is missing' }),
  model: z.string().trim().min(1, { error: 'is missing' }),
  /** When the feed does not say, the catalog guesses from the price (catalog/bag-from-draft.ts). */
  tier: TierSchema.optional(),
  price: z.number().finite().nonnegative().max(1_000_000).nullable().default(null),
  currency: CurrencySchema.nullable().default(null),
  exterior: z.object({ w: Side, h: Side, d: Side }),
  /** Published interior, when the feed has one. */
  interior: DimsSchema.optional(),
  shape: BagShapeSchema.default('box'),
  construction: ConstructionSchema.optional(),
  closure: ClosureSchema.default('zip'),
  strap: StrapSchema.default('fixed'),
  wear_modes: z.array(WearModeSchema).default([]),
  material: z.string().default(''),
  color_name: z.string().default(''),
  texture: z.string().default(''),
  pattern: z.string().default(''),
  source: z.string().min(1),
  source_note: z.string().default(''),
  sku: z.string().nullable().default(null),
  gtin: z.string().nullable().default(null),
  mpn: z.string().nullable().default(null),
  item_group_id: z.string().nullable().default(null),
  /** When the feed was observed (the import date unless the feed says). */
  seen: IsoDateSchema,
});
export type BagDraft = z.infer<typeof BagDraftSchema>;
export type BagDraftInput = z.input<typeof BagDraftSchema>;
