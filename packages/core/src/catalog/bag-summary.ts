import type { BagSummary, PlacedBox } from '../model/bag-summary.js';
import type { CatalogBag } from '../model/catalog.js';
import type { Placement } from '../model/fit.js';

/** The fields that name a bag in every result that lists bags (search rows, style recommendations). */
export function bagIdentity(bag: CatalogBag): Pick<BagSummary, 'bag_id' | 'brand' | 'model' | 'tier' | 'price_usd'> {
  return { bag_id: bag.id, brand: bag.brand, model: bag.model, tier: bag.tier, price_usd: bag.price_usd };
}

/** A catalog bag as a search result; with `placements` (the kit's layout in it) when a kit was asked about. */
export function bagSummary(bag: CatalogBag, placements?: readonly Placement[]): BagSummary {
  return {
    ...bagIdentity(bag),
    shape: bag.shape,
    interior_mm: { w: bag.interior.w, h: bag.interior.h, d: bag.interior.d },
    interior_derived: bag.interior.derived === true,
    ...(placements ? { verdict: 'fits' as const, placements: placements.map(placedBox) } : {}),
  };
}

export function placedBox({ name, x, y, z, w, h, d }: Placement): PlacedBox {
  return { name, x, y, z, w, h, d };
}
