/**
 * A Google Merchant Center item (a TSV row or an RSS <item>, by attribute name without the "g:"
 * prefix) as a draft.
 *
 * Axes: Merchant Center's product_length is the bag's w (the longest horizontal side of the
 * front, the project's width), product_height its h and product_width its d (front to back),
 * which is how brands' "L x H x W" reads (data/README.md). When none of the three is given, a
 * `size` written as sides ("16x10x7.5 cm") is read as w x h x d; a size label ("One Size") is not
 * dimensions. Units: cm, mm, in (inch, inches, "), to mm.
 *
 * Model: the title less the brand (model-name.ts). Tier: a custom_label_0..4 that is a tier
 * (luxury, contemporary, fast-fashion), else a product_type path segment that is one, else left
 * to the catalog. The item's id is the draft's SKU.
 */
import { TierSchema, type BagDraftInput } from '@micropurse/core';
import { quote } from './cell-text.js';
import type { FeedContext } from './feed-types.js';
import { looksLikeSides } from './lengths.js';
import { modelFromTitle } from './model-name.js';
import { fieldsByPath } from './read-rows.js';
import type { RowReader } from './row-reader.js';

type Tier = (typeof TierSchema.options)[number];

const AXES = [
  ['w', 'product_length'],
  ['h', 'product_height'],
  ['d', 'product_width'],
] as const;

const NO_SIDES = 'is missing: give product_length, product_width and product_height, or size as W x H x D with a unit.';

/** "Product Length", "g:product_length", "item group id" -> the attribute name. */
export function gmcAttributeName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/^g:/, '')
    .replace(/[\s-]+/g, '_');
}

export function gmcDraft(r: RowReader, ctx: FeedContext): BagDraftInput {
  const sku = r.required('id', 'is missing; Merchant Center requires an id for every item.');
  const brand = r.required('brand');
  const title = r.required('title');
  const model = brand === '' ? title : modelFromTitle(title, brand);
  if (title !== '' && model === '') r.fail('title', `is only the brand (${quote(title)}); it names no model.`);
  const price = r.price('price');
  const exterior = gmcExterior(r);
  const tier = gmcTier(r);
  const text = (field: string): string | null => r.text(field) || null;
  return {
    brand,
    model,
    ...(tier ? { tier } : {}),
    price: price?.amount ?? null,
    currency: price?.currency ?? null,
    exterior,
    material: r.text('material'),
    color_name: r.text('color'),
    pattern: r.text('pattern'),
    source: ctx.source,
    sku,
    gtin: r.gtin('gtin'),
    mpn: text('mpn'),
    item_group_id: text('item_group_id'),
    seen: ctx.seen,
  };
}

function gmcExterior(r: RowReader): { w: number; h: number; d: number } {
  if (!AXES.some(([, field]) => r.has(field))) {
    if (looksLikeSides(r.peek('size'))) return r.sides('size') ?? { w: 0, h: 0, d: 0 };
    const label = r.text('size');
    r.fail('product_length', label === '' ? NO_SIDES : `${NO_SIDES.slice(0, -1)} (size ${quote(label)} is a label, not sides).`);
    return { w: 0, h: 0, d: 0 };
  }
  const exterior = { w: 0, h: 0, d: 0 };
  for (const [axis, field] of AXES) {
    if (!r.has(field)) r.fail(field, NO_SIDES);
    exterior[axis] = r.length(field) ?? 0;
  }
  return exterior;
}

function gmcTier(r: RowReader): Tier | undefined {
  for (let i = 0; i <= 4; i++) {
    const tier = asTier(r.text(`custom_label_${i}`));
    if (tier) return tier;
  }
  for (const segment of r.text('product_type').split(/[>,|/]/)) {
    const tier = asTier(segment);
    if (tier) return tier;
  }
  return undefined;
}

function asTier(text: string): Tier | undefined {
  const v = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return TierSchema.options.find((t) => t === v);
}

export const gmcFieldOf = fieldsByPath({
  brand: 'brand',
  model: 'title',
  price: 'price',
  currency: 'price',
  'exterior.w': 'product_length',
  'exterior.h': 'product_height',
  'exterior.d': 'product_width',
  color_name: 'color',
  sku: 'id',
});
