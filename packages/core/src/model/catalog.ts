/**
 * The catalog's entities as stored and exchanged: a bag (with where its data came from), a
 * dated listing (a bag seen on sale at a price), and a garment. Items are the essentials
 * (catalog/records.ts). Lengths in mm; prices in their own currency, with a USD figure when the
 * rate is known (catalog/currency.ts); dates as ISO yyyy-mm-dd.
 */
import { z } from 'zod';
import { BagShapeSchema } from '../catalog/records.js';
import { InteriorSchema, TierSchema, WearModeSchema } from './bag.js';
import { DimsSchema } from './dims.js';

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date yyyy-mm-dd' });
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD' });
export const HexColorSchema = z.string().regex(/^#[0-9a-f]{6}$/, { error: 'must be a colour #rrggbb' });

/** Special finishes, derived from texture and material (catalog/finish.ts). */
export const FinishSchema = z.enum(['metallic', 'glitter', 'sequin', 'crystal', 'beaded', 'pearlescent', 'patent', 'satin', 'matte']);
export type Finish = z.infer<typeof FinishSchema>;

export const ClosureSchema = z.enum(['zip', 'flap', 'clasp', 'drawstring', 'open', 'kiss-lock']);
export const StrapSchema = z.enum(['detachable', 'fixed', 'none', 'chain']);

export const CatalogBagSchema = z.object({
  /** Stable id: the built-in id ("b05") or one derived from source and SKU. */
  id: z.string().min(1),
  brand: z.string().min(1),
  model: z.string().min(1),
  tier: TierSchema,
  price: z.number().nonnegative().nullable(),
  currency: CurrencySchema.nullable(),
  /** The price in US dollars at the documented rate, null when there is no price or rate. */
  price_usd: z.number().nonnegative().nullable(),
  exterior: DimsSchema,
  /** Usable interior, its shape and opening; `interior.derived` when computed from the exterior. */
  interior: InteriorSchema,
  shape: BagShapeSchema,
  closure: ClosureSchema,
  strap: StrapSchema,
  strap_detachable: z.boolean(),
  wear_modes: z.array(WearModeSchema),
  material: z.string(),
  color_name: z.string(),
  color_hex: HexColorSchema,
  texture: z.string(),
  finish: z.array(FinishSchema),
  /** A novelty silhouette (a ladybug, a pearl, a shoe). */
  novelty: z.boolean(),
  /** Where the data came from: "builtin", a feed's file name, a retailer. */
  source: z.string().min(1),
  source_note: z.string(),
  sku: z.string().nullable(),
  gtin: z.string().nullable(),
  mpn: z.string().nullable(),
  item_group_id: z.string().nullable(),
  first_seen: IsoDateSchema,
  last_seen: IsoDateSchema,
});
export type CatalogBag = z.infer<typeof CatalogBagSchema>;

/** A dated observation of a bag on sale at a price (the raw material of trends). */
export const ListingSchema = z.object({
  bag_id: z.string().min(1),
  date: IsoDateSchema,
  price: z.number().nonnegative(),
  currency: CurrencySchema,
  price_usd: z.number().nonnegative().nullable(),
  source: z.string().min(1),
});
export type Listing = z.infer<typeof ListingSchema>;

export const GarmentSchema = z.object({
  id: z.string().min(1),
  category: z.enum(['blazer', 'trousers', 'dress', 'coat', 'top', 'skirt', 'jeans', 'jumpsuit']),
  silhouette: z.enum(['oversized', 'relaxed', 'regular', 'fitted', 'bodycon']),
  occasion: z.enum(['day', 'work', 'evening', 'casual']),
  color_hex: HexColorSchema,
  pattern: z.string(),
  material: z.string(),
});
export type Garment = z.infer<typeof GarmentSchema>;
