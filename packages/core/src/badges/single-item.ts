/**
 * One item in one bag, decided without a search, exactly as the engine (fit.ts) decides it:
 * a single box fits an interior iff it passes the opening and some allowed orientation of it,
 * squeezed as far as it may be, fits on its own (bestSpotAlone's test is exact for one box, see
 * shapes.ts). So the verdict is never undecided.
 *
 * Cheapest first, over the fit index's typed arrays (no allocation per check):
 * 1. the sorted-dimension bound (a box fits in a box only if its sorted sides are no longer than
 *    the box's sorted sides): settles most pairs of a catalog, both ways for a box interior and an
 *    item free to turn;
 * 2. the opening, sorted (exact for one item: kit-bounds.ts openingNeeds);
 * 3. the closed-form single-box test familyHoldsBox per orientation (no tolerance, so a yes is a
 *    yes for bestSpotAlone too), and the same test on the box shrunk by 2 EPS, which is at least as
 *    lenient as bestSpotAlone's tolerance: failing it is a sure no. Only a box between the two,
 *    within a millionth of a millimetre of the wall, goes to bestSpotAlone itself.
 */
import type { FitIndex } from '../catalog/fit-index.js';
import { FITS, TOO_SMALL } from '../catalog/fit-classify.js';
import { verifyLayout } from '../fit/verify.js';
import { distinctOrientations, type OrientationCode } from '../geometry/orientation.js';
import { familyHoldsBox } from '../geometry/shape-family.js';
import { bestSpotAlone, bestSpotAloneInto, effectiveInterior } from '../geometry/shapes.js';
import { EPS } from '../geometry/tolerance.js';
import type { Interior } from '../model/bag.js';
import type { Placement } from '../model/fit.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';
import { singleFitChar } from './payload.js';

/** One way to lay the item down: full size first, then squeezed (the engine's preference). */
interface Candidate {
  readonly code: OrientationCode;
  readonly ext: readonly [number, number, number];
  /** Its stored slot character (payload.ts), as a char code. */
  readonly char: number;
}

/**
 * The placement singleItemChar verifies, reused for every bag: its position and extents live in a
 * Float64Array, read by the verifier through getters. Storing a number with a fraction into an
 * ordinary object's field allocates a new heap number on every store in this V8 (six a badge,
 * the larger part of a catalog run's garbage); storing it into a typed array does not.
 */
class ScratchPlacement implements Placement {
  readonly item = 0;
  readonly copy = 0;
  orientation: OrientationCode = 'whd';
  /** x, y, z, w, h, d. */
  readonly at = new Float64Array(6);
  constructor(readonly name: string) {}
  get x(): number {
    return this.at[0]!;
  }
  get y(): number {
    return this.at[1]!;
  }
  get z(): number {
    return this.at[2]!;
  }
  get w(): number {
    return this.at[3]!;
  }
  get h(): number {
    return this.at[4]!;
  }
  get d(): number {
    return this.at[5]!;
  }
}

/** An item prepared once for checks against many bags. */
export interface ItemProbe {
  readonly item: Item;
  /** Squeezed dims sorted longest first. */
  readonly s1: number;
  readonly s2: number;
  readonly s3: number;
  /** True when every orientation is allowed: then the sorted bound is sufficient for a box interior. */
  readonly free: boolean;
  /** The allowed orientations' extents (squeezed), 3 numbers each. */
  readonly orients: Float64Array;
  /** The layouts to try, in the engine's order (singleItemLayout's). */
  readonly candidates: readonly Candidate[];
  /** Reused by singleItemChar for every bag, so verifying a fit allocates nothing. */
  readonly scratch: ScratchPlacement;
  /** Reused for the spot bestSpotAloneInto finds, for the same reason. */
  readonly spot: Float64Array;
  readonly items: readonly Item[];
  readonly layout: readonly Placement[];
}

export function itemProbe(item: Item): ItemProbe {
  const dims = squeezedDims(item);
  const [s1, s2, s3] = [...dims].sort((a, b) => b - a) as [number, number, number];
  const orients = Float64Array.from(distinctOrientations(dims, item.rotation).flatMap((o) => o.ext));
  const sizes = item.soft && item.soft.squeeze > 0 ? [packedDims(item), squeezedDims(item)] : [packedDims(item)];
  const candidates = sizes.flatMap((d, k) => distinctOrientations(d, item.rotation).map((o) => ({ code: o.code, ext: o.ext, char: singleFitChar(o.code, k === 1) })));
  const scratch = new ScratchPlacement(item.name);
  return { item, s1, s2, s3, free: item.rotation === 'all', orients, candidates, scratch, spot: new Float64Array(3), items: [item], layout: [scratch] };
}

/** FITS or TOO_SMALL for the item alone in the bag of index row `i`. */
export function checkItem(index: FitIndex, i: number, p: ItemProbe): number {
  const sides = index.sides;
  const s = 3 * i;
  if (sides[s]! + EPS < p.s1 || sides[s + 1]! + EPS < p.s2 || sides[s + 2]! + EPS < p.s3) return TOO_SMALL;
  const long = index.opening[2 * i]!;
  // NaN (no opening) fails both comparisons, so it passes.
  if (long + EPS < p.s2 || index.opening[2 * i + 1]! + EPS < p.s3) return TOO_SMALL;
  const f = index.family[i]!;
  if (f === 0 && p.free) return FITS;
  const L = index.lengths;
  const o = p.orients;
  for (let k = 0; k < o.length; k += 3) if (familyHoldsBox(f, L, 4 * i, o[k]!, o[k + 1]!, o[k + 2]!)) return FITS;
  let near = false;
  for (let k = 0; k < o.length && !near; k += 3) near = familyHoldsBox(f, L, 4 * i, o[k]! - 2 * EPS, o[k + 1]! - 2 * EPS, o[k + 2]! - 2 * EPS);
  if (!near) return TOO_SMALL;
  const e = effectiveInterior(index.interiors[i]!);
  for (let k = 0; k < o.length; k += 3) if (bestSpotAlone(e, o[k]!, o[k + 1]!, o[k + 2]!)) return FITS;
  return TOO_SMALL;
}

/**
 * The layout of the item alone: at full size where it fits so (as the engine prefers), else
 * squeezed; placed where bestSpotAlone puts it and checked by the independent verifier. Null when
 * no orientation fits (checkItem said TOO_SMALL) or, never expected, the verifier refuses.
 */
export function singleItemLayout(interior: Interior, item: Item): Placement[] | null {
  const e = effectiveInterior(interior);
  const sizes = item.soft && item.soft.squeeze > 0 ? [packedDims(item), squeezedDims(item)] : [packedDims(item)];
  for (const dims of sizes) {
    for (const o of distinctOrientations(dims, item.rotation)) {
      const spot = bestSpotAlone(e, o.ext[0], o.ext[1], o.ext[2]);
      if (!spot) continue;
      const placements: Placement[] = [{ name: item.name, item: 0, copy: 0, orientation: o.code, x: spot[0], y: spot[1], z: spot[2], w: o.ext[0], h: o.ext[1], d: o.ext[2] }];
      if (verifyLayout(interior, [item], placements).ok) return placements;
    }
  }
  return null;
}

/**
 * singleItemLayout as a stored slot character (payload.ts): the same layout, tried in the same
 * order and accepted only by the verifier, but written into the probe's scratch placement instead
 * of a new one, and encoded by its orientation alone (the position is bestSpotAlone's, rebuilt on
 * reading). 0 when no orientation fits.
 */
export function singleItemChar(interior: Interior, p: ItemProbe): number {
  const e = effectiveInterior(interior);
  const pl = p.scratch;
  const at = pl.at;
  const spot = p.spot;
  for (const c of p.candidates) {
    if (!bestSpotAloneInto(spot, e, c.ext[0], c.ext[1], c.ext[2])) continue;
    // Field by field: destructuring would allocate an iterator per badge.
    pl.orientation = c.code;
    at[0] = spot[0]!;
    at[1] = spot[1]!;
    at[2] = spot[2]!;
    at[3] = c.ext[0];
    at[4] = c.ext[1];
    at[5] = c.ext[2];
    if (verifyLayout(interior, p.items, p.layout).ok) return c.char;
  }
  return 0;
}
