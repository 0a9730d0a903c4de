/**
 * The project's own CSV (data/bags.csv; see data/README.md): exterior sides in mm, a price in US
 * dollars, wear modes separated by ";". A row becomes the same draft as the built-in record
 * would (draftFromRecord in the core): its id kept, and as its SKU too.
 */
import {
  BagShapeSchema,
  ClosureSchema,
  ConstructionSchema,
  StrapSchema,
  TierSchema,
  WearModeSchema,
  type BagDraftInput,
} from '@micropurse/core';
import type { FeedContext } from './feed-types.js';
import { fieldsByPath } from './read-rows.js';
import type { RowReader } from './row-reader.js';

export const MICROPURSE_COLUMNS = [
  'id',
  'brand',
  'model',
  'tier',
  'price_usd',
  'exterior_w_mm',
  'exterior_h_mm',
  'exterior_d_mm',
  'shape',
  'closure',
  'strap',
  'wear_modes',
  'material',
  'color',
  'texture',
  'source_note',
] as const;

export const MICROPURSE_REQUIRED = ['id', 'brand', 'model', 'exterior_w_mm', 'exterior_h_mm', 'exterior_d_mm'] as const;

/** Columns only the project's CSV has. */
export function isMicropurseHeader(names: readonly string[]): boolean {
  return ['exterior_w_mm', 'exterior_h_mm', 'exterior_d_mm', 'price_usd'].some((c) => names.includes(c));
}

const SIDES = [
  ['w', 'exterior_w_mm'],
  ['h', 'exterior_h_mm'],
  ['d', 'exterior_d_mm'],
] as const;

export function micropurseDraft(r: RowReader, ctx: FeedContext): BagDraftInput {
  const id = r.required('id');
  const brand = r.required('brand');
  const model = r.required('model');
  const tier = r.oneOf('tier', TierSchema.options);
  const price = r.amount('price_usd');
  const exterior = { w: 0, h: 0, d: 0 };
  for (const [axis, column] of SIDES) {
    const mm = r.length(column, { unitless: 'mm', only: 'mm' });
    if (mm === null && !r.has(column)) r.fail(column, 'is missing.');
    exterior[axis] = mm ?? 0;
  }
  const shape = r.oneOf('shape', BagShapeSchema.options);
  const construction = r.oneOf('construction', ConstructionSchema.options);
  const closure = r.oneOf('closure', ClosureSchema.options);
  const strap = r.oneOf('strap', StrapSchema.options);
  const wearModes = r.listOf('wear_modes', WearModeSchema.options, ';');
  return {
    id,
    brand,
    model,
    ...(tier ? { tier } : {}),
    price,
    currency: price === null ? null : 'USD',
    exterior,
    ...(shape ? { shape } : {}),
    ...(construction ? { construction } : {}),
    ...(closure ? { closure } : {}),
    ...(strap ? { strap } : {}),
    wear_modes: wearModes,
    material: r.text('material'),
    color_name: r.text('color'),
    texture: r.text('texture'),
    pattern: '',
    source: ctx.source,
    source_note: r.text('source_note'),
    sku: id,
    gtin: null,
    mpn: null,
    item_group_id: null,
    seen: ctx.seen,
  };
}

export const micropurseFieldOf = fieldsByPath({
  'exterior.w': 'exterior_w_mm',
  'exterior.h': 'exterior_h_mm',
  'exterior.d': 'exterior_d_mm',
  price: 'price_usd',
  currency: 'price_usd',
  color_name: 'color',
  sku: 'id',
});
