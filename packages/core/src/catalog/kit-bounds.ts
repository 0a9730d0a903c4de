/**
 * Necessary conditions for a kit to fit a bag, cheap enough to test on every bag of a catalog and
 * simple enough for a database to index (the store keeps fit_s1..3 and fit_volume as columns):
 * - a box fits in a box only if its sorted sides are no longer than the box's sorted sides, so a
 *   bag's interior bounding box (give included), sorted s1 >= s2 >= s3, must be at least the
 *   largest such side of any item on each, and at least the kit's volume;
 * - an opening must pass every item (openingNeeds, exact).
 */
import { effectiveInterior } from '../geometry/shapes.js';
import { EPS, VOLUME_REL_EPS } from '../geometry/tolerance.js';
import type { Interior } from '../model/bag.js';
import { squeezedDims, type Item } from '../model/item.js';

export const sortDesc = (v: readonly number[]) => [...v].sort((a, b) => b - a) as [number, number, number];

export interface KitBounds {
  readonly s1: number;
  readonly s2: number;
  readonly s3: number;
  readonly volume: number;
}

/** The necessary condition on a bag's sorted interior bounding box (see the file's comment). */
export function kitBounds(items: readonly Item[]): KitBounds {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let volume = 0;
  for (const it of items) {
    const [a, b, c] = sortDesc(squeezedDims(it));
    s1 = Math.max(s1, a);
    s2 = Math.max(s2, b);
    s3 = Math.max(s3, c);
    volume += it.quantity * a * b * c;
  }
  return { s1, s2, s3, volume };
}

/** A bag's sorted interior bounding box with its give: what the store indexes as fit_s1..3, fit_volume. */
export function interiorBounds(interior: Interior): KitBounds {
  const e = effectiveInterior(interior);
  const [s1, s2, s3] = sortDesc([e.w, e.h, e.d]);
  return { s1, s2, s3, volume: s1 * s2 * s3 };
}

/**
 * What an opening must admit for every item to pass it (exactly, not only as a bound): an item
 * with sides a >= b >= c passes through its b x c cross-section if through any, so the whole kit
 * passes iff the opening's longer side is at least the largest b and its shorter side at least
 * the largest c (squeezed sizes, as the engine's opening test).
 */
export function openingNeeds(items: readonly Item[]): { pass_long: number; pass_short: number } {
  let long = 0;
  let short = 0;
  for (const it of items) {
    const [, b, c] = sortDesc(squeezedDims(it));
    long = Math.max(long, b);
    short = Math.max(short, c);
  }
  return { pass_long: long, pass_short: short };
}

export function meetsBounds(bag: KitBounds, kit: KitBounds): boolean {
  return bag.s1 + EPS >= kit.s1 && bag.s2 + EPS >= kit.s2 && bag.s3 + EPS >= kit.s3 && bag.volume * (1 + VOLUME_REL_EPS) >= kit.volume;
}
