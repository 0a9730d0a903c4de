/**
 * GET /v1/bags's query string: every filter of the store's BagSearchSchema (its own schemas,
 * so the two cannot drift), read from text: lists as repeated parameters or comma-separated
 * ("tier=luxury,contemporary"), numbers and booleans from their text. Unknown parameters are
 * refused, so that a misspelt filter is an error rather than silently no filter.
 */
import { BagSearchSchema } from '@micropurse/store';
import { z } from 'zod';

function splitList(v: unknown): unknown {
  const parts = (s: string) => s.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (typeof v === 'string') return parts(v);
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? parts(x) : [x]));
  return v;
}

const numberText = (v: unknown): unknown => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);
const booleanText = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);

const list = <T extends z.ZodType>(schema: T) => z.preprocess(splitList, schema);
const num = <T extends z.ZodType>(schema: T) => z.preprocess(numberText, schema);

const S = BagSearchSchema.shape;

export const MAX_PAGE_SIZE = 100;

export const BagsQuerySchema = z.strictObject({
  kit: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe('fits my kit: only the bags that hold it, each with its layout; as for fit ("e03,e20,e24", "iPhone 15, lipstick x2")'),
  price_min_usd: num(S.price_min_usd),
  price_max_usd: num(S.price_max_usd),
  tier: list(S.tier),
  color_family: list(S.color_family).describe('colour families measured in CIELAB from the bag\'s colour'),
  texture: list(S.texture),
  finish: list(S.finish),
  strap_detachable: z.preprocess(booleanText, S.strap_detachable),
  wear_mode: list(S.wear_mode),
  shape: list(S.shape),
  brand: list(S.brand),
  sort: z.enum(['price', 'volume', 'fit']).default('price').describe('price (unpriced last), volume (smallest first), fit (snuggest first; with a kit)'),
  limit: num(z.number().int().min(1).max(MAX_PAGE_SIZE).default(20)),
  page: num(z.number().int().min(1).max(100_000).default(1)),
});
export type BagsQuery = z.infer<typeof BagsQuerySchema>;
