/**
 * The pieces of designInterior's search: the kit as units (one per copy) with their allowed
 * orientations, the candidate lengths of a side, the bounds that settle a box before fit(), and
 * the comparisons of lengths and boxes up to float noise that the search and the oracle share.
 *
 * Candidates are the normal-pattern lengths (Herz 1972; Christofides & Whitlock 1977): in a
 * packing pushed towards the origin every side can shrink to a sum of item extents along it.
 * fit() decides a box by its squeezed pieces (soft items at their smallest; full sizes only
 * shape the layout it returns), so the least box has every free side a sum of squeezed extents,
 * and those sums are the only candidates.
 */
import { distinctOrientations, type Orientation } from '../geometry/orientation.js';
import { EPS, VOLUME_REL_EPS } from '../geometry/tolerance.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';

/** Candidate lengths per side at most; past it the list is cut and the answer is not exact. */
export const MAX_SIDE_CANDIDATES = 100_000;

/** Float noise between sums of the same lengths in another order (mm); far below EPS. */
export const NOISE = 1e-9;
/** Relative slack on volumes: float sums of the same lengths in another order must compare equal. */
export const REL = 1e-9;

export type Vec3 = [number, number, number];
export type Fix = [number | undefined, number | undefined, number | undefined];

/** A unit's allowed orientations, at full size and (soft items) squeezed, within the fixed sides. */
export interface Unit {
  readonly item: number;
  readonly copy: number;
  readonly full: readonly Orientation[];
  readonly squeezed: readonly Orientation[];
}

/** Units (one per copy) with the orientations that keep within the fixed sides, full size and squeezed. */
export function toUnits(items: readonly Item[], fix: Fix): Unit[] {
  const within = (o: Orientation) => o.ext.every((e, ax) => fix[ax] === undefined || e <= fix[ax]! + EPS);
  return items.flatMap((item, i) => {
    const full = distinctOrientations(packedDims(item), item.rotation).filter(within);
    const squeezed = distinctOrientations(squeezedDims(item), item.rotation).filter(within);
    return Array.from({ length: item.quantity }, (_, copy) => ({ item: i, copy, full, squeezed }));
  });
}

/**
 * The sums of squeezed unit extents along axis ax in [lo, hi], ascending: each unit adds nothing
 * or one of its extents. Past `cap` sums only the least are kept, and when `spent` says so the
 * sums are left unfinished: both make the list `capped` (some lengths in range are missing).
 */
export function sideCandidates(
  units: readonly Unit[],
  ax: number,
  lo: number,
  hi: number,
  cap = MAX_SIDE_CANDIDATES,
  spent: () => boolean = () => false,
): { values: number[]; capped: boolean } {
  let sums = new Float64Array([0]);
  let capped = false;
  for (const u of units) {
    if (spent()) {
      capped = true;
      break;
    }
    const shifts = [0, ...new Set(u.squeezed.map((o) => o.ext[ax]!))];
    // A k-way merge of the sorted shifted copies, keeping what is within hi.
    const ends = shifts.map((e) => upTo(sums, hi + EPS - e));
    const heads = shifts.map(() => 0);
    const next = new Float64Array(Math.min(ends.reduce((t, n) => t + n, 0), cap + 1));
    let n = 0;
    while (n < next.length) {
      let k = -1;
      let v = Infinity;
      for (let j = 0; j < shifts.length; j++) {
        if (heads[j]! < ends[j]!) {
          const x = sums[heads[j]!]! + shifts[j]!;
          if (x < v) {
            v = x;
            k = j;
          }
        }
      }
      if (k < 0) break;
      heads[k]!++;
      // Sums equal but for float noise are one length; the larger stands for them (the safer box).
      if (n > 0 && v - next[n - 1]! <= NOISE) next[n - 1] = v;
      else next[n++] = v;
    }
    if (n > cap) {
      n = cap;
      capped = true;
    }
    sums = next.subarray(0, n);
  }
  let from = 0;
  while (from < sums.length && sums[from]! < lo - EPS) from++;
  return { values: Array.from(sums.subarray(from)), capped };
}

/** How many of the ascending values are at most v. */
function upTo(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Proofs that a box cannot hold the kit, without fit(), over boxes given in roles (side k of a
 * box lies along axis axes[k]). For each unit, its least extent along each side over the
 * orientations that fit; then:
 * - a unit with no orientation that fits;
 * - the volume: the units' least volumes add up to more than the box;
 * - stacks: two units that can lie side by side along neither of two sides (their least extents
 *   along it sum to more than the side) must be apart along the third; a set of such units,
 *   pairwise so, is a stack along the third side, at least the sum of their least extents along
 *   it. The set is grown greedily, longest first: any such set gives a bound, the largest the
 *   best one.
 */
export class BoxBounds {
  /** Per unit, its orientations' extents in role order, three numbers each. */
  private readonly ext: readonly Float64Array[];
  private readonly least: Float64Array;
  private readonly order: number[];

  constructor(
    units: readonly Unit[],
    axes: readonly number[],
    private readonly itemsVolume: number,
  ) {
    this.ext = units.map((u) => Float64Array.from(u.squeezed.flatMap((o) => [o.ext[axes[0]!]!, o.ext[axes[1]!]!, o.ext[axes[2]!]!])));
    this.least = new Float64Array(3 * units.length);
    this.order = units.map((_, i) => i);
  }

  /** Does a bound prove that box q cannot hold the kit? */
  excludes(q: Vec3): boolean {
    if (this.itemsVolume > q[0] * q[1] * q[2] * (1 + VOLUME_REL_EPS)) return true;
    if (!this.leastWithin(q, -1)) return true;
    return this.stack(q, 0) > q[0] + EPS || this.stack(q, 1) > q[1] + EPS || this.stack(q, 2) > q[2] + EPS;
  }

  /**
   * A lower bound on side `role` of a box whose other two sides are those of q (q[role] is not
   * read): the volume, and the stack along it within the other two (Infinity: some unit has no
   * orientation within them).
   */
  floor(q: Vec3, role: number): number {
    const [p, r] = [0, 1, 2].filter((k) => k !== role) as [number, number];
    const byVolume = (this.itemsVolume / (q[p]! * q[r]!)) * (1 - VOLUME_REL_EPS);
    if (!this.leastWithin(q, role)) return Infinity;
    return Math.max(byVolume, this.stack(q, role) - EPS);
  }

  /** Each unit's least extents over orientations within q (side `free` unbounded); false if one has none. */
  private leastWithin(q: Vec3, free: number): boolean {
    const lim0 = free === 0 ? Infinity : q[0] + EPS;
    const lim1 = free === 1 ? Infinity : q[1] + EPS;
    const lim2 = free === 2 ? Infinity : q[2] + EPS;
    const least = this.least;
    for (let u = 0; u < this.ext.length; u++) {
      const e = this.ext[u]!;
      let m0 = Infinity;
      let m1 = Infinity;
      let m2 = Infinity;
      for (let o = 0; o < e.length; o += 3) {
        const x = e[o]!;
        const y = e[o + 1]!;
        const z = e[o + 2]!;
        if (x > lim0 || y > lim1 || z > lim2) continue;
        if (x < m0) m0 = x;
        if (y < m1) m1 = y;
        if (z < m2) m2 = z;
      }
      if (m0 === Infinity) return false;
      least[3 * u] = m0;
      least[3 * u + 1] = m1;
      least[3 * u + 2] = m2;
    }
    return true;
  }

  /** The longest stack along side `role` found greedily, from the least extents last computed. */
  private stack(q: Vec3, role: number): number {
    const [p, r] = [0, 1, 2].filter((k) => k !== role) as [number, number];
    const least = this.least;
    const order = this.order.sort((i, j) => least[3 * j + role]! - least[3 * i + role]!);
    const stack: number[] = [];
    let sum = 0;
    for (const i of order) {
      let apart = true;
      for (const j of stack) {
        if (least[3 * i + p]! + least[3 * j + p]! <= q[p]! + EPS || least[3 * i + r]! + least[3 * j + r]! <= q[r]! + EPS) {
          apart = false;
          break;
        }
      }
      if (apart) {
        stack.push(i);
        sum += least[3 * i + role]!;
      }
    }
    return sum;
  }
}

/** First index whose value is >= v (up to EPS). */
export function lowerBound(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < v - EPS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is beyond v (more than float noise above it). */
export function firstAbove(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= v + NOISE) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is box p inside box q (each side at most, up to float noise)? */
export function inside(p: Vec3, q: Vec3): boolean {
  return p[0] <= q[0] + NOISE && p[1] <= q[1] + NOISE && p[2] <= q[2] + NOISE;
}
