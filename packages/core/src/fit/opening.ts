/**
 * The opening test: an item goes in through the mouth of the bag, so some cross-section of it
 * (two of its three sides, the third pointing into the bag) must pass the opening's length and
 * gape, either way round. A soft item passes squeezed. Rotation rules do not apply here: a perfume
 * that must stand upright in the bag can still be tilted on its way in.
 */
import type { Interior } from '../model/bag.js';
import type { Reason } from '../model/fit.js';
import { squeezedDims, type Item } from '../model/item.js';
import { EPS } from '../geometry/tolerance.js';

/** The least overshoot (mm) of the item's best cross-section through an opening; <= 0 passes. */
export function openingOvershoot(dims: readonly [number, number, number], length: number, gape: number): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      if (i === j) continue;
      best = Math.min(best, Math.max(dims[i]! - length, dims[j]! - gape));
    }
  }
  return best;
}

export function proveOpening(bag: Interior, items: readonly Item[]): Reason | null {
  const opening = bag.opening;
  if (!opening) return null;
  for (const [index, item] of items.entries()) {
    const over = openingOvershoot(squeezedDims(item), opening.length, opening.gape);
    if (over > EPS) {
      return { code: 'blocked-by-opening', item: index, name: item.name, opening: { length: opening.length, gape: opening.gape }, by_mm: Math.round(over * 1000) / 1000 };
    }
  }
  return null;
}
