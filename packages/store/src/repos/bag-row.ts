/**
 * A CatalogBag to its table rows and back, exactly: optional interior fields stay absent (not
 * false, not 0) when they were absent, and wear modes and finishes keep their order.
 */
import { bagColourFamily, interiorBounds, type CatalogBag, type Interior } from '@micropurse/core';
import type { Selectable } from 'kysely';
import type { BagsTable } from '../schema/tables.js';

export type BagRow = Selectable<BagsTable>;

const flag = (b: boolean): number => (b ? 1 : 0);

export function bagToRow(bag: CatalogBag): BagRow {
  const i = bag.interior;
  const fit = interiorBounds(i);
  return {
    id: bag.id,
    brand: bag.brand,
    model: bag.model,
    tier: bag.tier,
    price: bag.price,
    currency: bag.currency,
    price_usd: bag.price_usd,
    exterior_w: bag.exterior.w,
    exterior_h: bag.exterior.h,
    exterior_d: bag.exterior.d,
    interior_shape: i.shape,
    interior_w: i.w,
    interior_h: i.h,
    interior_d: i.d,
    interior_w_narrow: i.shape === 'trapezoid' ? i.w_narrow : null,
    interior_narrow_at: i.shape === 'trapezoid' ? i.narrow_at : null,
    interior_opening_length: i.opening?.length ?? null,
    interior_opening_gape: i.opening?.gape ?? null,
    interior_give: i.give ?? null,
    interior_derived: i.derived === undefined ? null : flag(i.derived),
    shape: bag.shape,
    closure: bag.closure,
    strap: bag.strap,
    strap_detachable: flag(bag.strap_detachable),
    material: bag.material,
    color_name: bag.color_name,
    color_hex: bag.color_hex,
    // Multicolour when the name says so ("red/black"), else measured from the hex.
    color_family: bagColourFamily(bag.color_name, bag.color_hex),
    texture: bag.texture,
    brand_key: bag.brand.toLowerCase(),
    texture_key: bag.texture.toLowerCase(),
    novelty: flag(bag.novelty),
    source: bag.source,
    source_note: bag.source_note,
    sku: bag.sku,
    gtin: bag.gtin,
    mpn: bag.mpn,
    item_group_id: bag.item_group_id,
    first_seen: bag.first_seen,
    last_seen: bag.last_seen,
    fit_s1: fit.s1,
    fit_s2: fit.s2,
    fit_s3: fit.s3,
    fit_volume: fit.volume,
  };
}

/** The interior columns of a bag row. */
export type InteriorColumns = Pick<
  BagRow,
  'interior_shape' | 'interior_w' | 'interior_h' | 'interior_d' | 'interior_w_narrow' | 'interior_narrow_at' | 'interior_opening_length' | 'interior_opening_gape' | 'interior_give' | 'interior_derived'
>;

export const INTERIOR_COLUMNS = [
  'interior_shape',
  'interior_w',
  'interior_h',
  'interior_d',
  'interior_w_narrow',
  'interior_narrow_at',
  'interior_opening_length',
  'interior_opening_gape',
  'interior_give',
  'interior_derived',
] as const satisfies readonly (keyof InteriorColumns)[];

export function interiorFromRow(r: InteriorColumns): Interior {
  const common = {
    w: r.interior_w,
    h: r.interior_h,
    d: r.interior_d,
    ...(r.interior_derived === null ? {} : { derived: r.interior_derived === 1 }),
    ...(r.interior_give === null ? {} : { give: r.interior_give }),
    ...(r.interior_opening_length === null || r.interior_opening_gape === null
      ? {}
      : { opening: { length: r.interior_opening_length, gape: r.interior_opening_gape } }),
  };
  const shape = r.interior_shape as Interior['shape'];
  switch (shape) {
    case 'trapezoid':
      return {
        shape,
        ...common,
        w_narrow: r.interior_w_narrow ?? r.interior_w,
        narrow_at: r.interior_narrow_at === 'bottom' ? 'bottom' : 'top',
      };
    case 'box':
    case 'half-moon':
    case 'round':
    case 'cylinder':
      return { shape, ...common };
  }
}

/** Columns are only ever written by bagToRow from a validated bag, so their values are the schema's. */
export function bagFromRow(r: BagRow, wearModes: readonly string[], finishes: readonly string[]): CatalogBag {
  return {
    id: r.id,
    brand: r.brand,
    model: r.model,
    tier: r.tier as CatalogBag['tier'],
    price: r.price,
    currency: r.currency,
    price_usd: r.price_usd,
    exterior: { w: r.exterior_w, h: r.exterior_h, d: r.exterior_d },
    interior: interiorFromRow(r),
    shape: r.shape as CatalogBag['shape'],
    closure: r.closure as CatalogBag['closure'],
    strap: r.strap as CatalogBag['strap'],
    strap_detachable: r.strap_detachable === 1,
    wear_modes: wearModes as CatalogBag['wear_modes'],
    material: r.material,
    color_name: r.color_name,
    color_hex: r.color_hex,
    texture: r.texture,
    finish: finishes as CatalogBag['finish'],
    novelty: r.novelty === 1,
    source: r.source,
    source_note: r.source_note,
    sku: r.sku,
    gtin: r.gtin,
    mpn: r.mpn,
    item_group_id: r.item_group_id,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
  };
}
