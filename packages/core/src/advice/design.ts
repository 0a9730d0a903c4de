/**
 * designInterior(input): the smallest box interior, by volume, that holds a kit.
 *
 * Idea: normal patterns (Herz 1972; Christofides & Whitlock 1977, as in fit/bounds.ts). Push any
 * packing towards the origin and each side of the box can shrink to a sum of item extents along
 * it. So a least box has every free side equal to such a sum, and a side's candidates are the
 * subset sums of the units' extents along it (each unit adding nothing or one of its extents in
 * an allowed orientation, at full size or squeezed), from the longest least extent of a unit up
 * to what the first box found leaves room for.
 *
 * First box: a row of all the units, built and verified here, so there is always an answer; then
 * coordinate descent (each side in turn cut to the least candidate that still fits, the others
 * held), which gives the search below a small volume to beat.
 *
 * Search: fit() is monotone in each side. The side with the fewest candidates is the outer loop,
 * ascending; for each value a staircase over the other two: the second side ascending and, for
 * each, the least feasible third side by binary search over its candidates. The third side's top
 * only comes down as the second grows (a longer second side never needs a longer third). Bounds
 * settle most boxes before any call: the units' volume; each unit's least extent; and stacks of
 * units that cannot stand side by side in the cross-section (crossSectionBound). Nothing of volume
 * >= the best so far is tried. With nothing fixed and every item free to turn, the problem is the
 * same under any permutation of the sides, so only w >= h >= d is searched. Going up the outer
 * side, small boxes are met early, which matters when the budget ends the search.
 *
 * exact is false when a fit() call left a possibly smaller box undecided, a candidate list was
 * capped, or the budget ran out before the search ended.
 */
import { exteriorDims } from '../catalog/interior.js';
import { fit, type FitEnv } from '../fit/fit.js';
import { verifyLayout } from '../fit/verify.js';
import { distinctOrientations, type Orientation } from '../geometry/orientation.js';
import { EPS } from '../geometry/tolerance.js';
import type { DesignInput, DesignResult } from '../model/design.js';
import type { FitResult, Placement } from '../model/fit.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';
import { startBudget } from './subsets.js';

/** Candidate lengths per side at most; past it the list is cut and the answer is not exact. */
export const MAX_SIDE_CANDIDATES = 20_000;
/**
 * Each fit() call may use 1/PLANNED_CALLS of the time left. The search makes thousands of calls,
 * mostly quick; one that runs out of time is mostly wasted, so none may take much.
 */
const PLANNED_CALLS = 32;
/** Relative slack on volumes: float sums of the same lengths in another order must compare equal. */
const REL = 1e-9;

type Vec3 = [number, number, number];
type Fix = [number | undefined, number | undefined, number | undefined];

/** A unit's allowed orientations, at full size and (soft items) squeezed, within the fixed sides. */
interface Unit {
  readonly item: number;
  readonly copy: number;
  readonly full: readonly Orientation[];
  readonly squeezed: readonly Orientation[];
}

export function designInterior(input: DesignInput, env: FitEnv = {}): DesignResult {
  const now = env.now ?? Date.now;
  const budget = startBudget(input.options, now);
  const fix: Fix = [input.fix?.w, input.fix?.h, input.fix?.d];
  let calls = 0;
  let undecided = 0;
  const stats = () => ({ fit_calls: calls, undecided });
  const tryBox = (L: Vec3, planned = PLANNED_CALLS): FitResult => {
    calls++;
    const r = fit({ bag: { shape: 'box', w: L[0], h: L[1], d: L[2] }, items: input.items, options: budget.next(planned) }, { now });
    if (r.verdict === 'undecided') undecided++;
    return r;
  };
  const found = (L: Vec3, placements: readonly Placement[], exact: boolean): DesignResult => {
    const interior = { w: clean(L[0]), h: clean(L[1]), d: clean(L[2]) };
    return {
      verdict: 'fits',
      interior_mm: interior,
      volume_mm3: clean(interior.w * interior.h * interior.d),
      placements: [...placements],
      exterior_mm: exteriorDims(interior, input.construction),
      exact,
      stats: stats(),
    };
  };

  const units = toUnits(input.items, fix);
  const stuck = units.find((u) => u.squeezed.length === 0);
  if (stuck) {
    const name = input.items[stuck.item]!.name;
    return { verdict: 'does-not-fit', reasons: [{ code: 'item-exceeds-fix', item: stuck.item, name }], stats: stats() };
  }
  if (fix[0] !== undefined && fix[1] !== undefined && fix[2] !== undefined) {
    const L: Vec3 = [fix[0], fix[1], fix[2]];
    const r = tryBox(L, 1);
    return r.verdict === 'fits' ? found(L, r.placements, true) : { verdict: r.verdict, reasons: r.reasons, stats: stats() };
  }

  const symmetric = fix.every((f) => f === undefined) && input.items.every((it) => it.rotation === 'all');
  const row = rowLayout(input.items, units, fix, symmetric);
  let best = { L: row.L, placements: row.placements, volume: row.L[0] * row.L[1] * row.L[2] };
  // Each side is at least the longest of the units' least extents along it.
  const minSide = [0, 1, 2].map((ax) => fix[ax] ?? Math.max(...units.map((u) => Math.min(...u.squeezed.map((o) => o.ext[ax]!)))));
  const itemsVolume = units.reduce((s, u) => s + Math.min(...u.squeezed.map((o) => o.ext[0] * o.ext[1] * o.ext[2])), 0);

  /**
   * Coordinate descent from the row: each free side in turn cut to the least candidate that still
   * fits with the other two held (binary search: fit() is monotone in one side), until none can.
   * Its undecided calls cost no exactness: the search below covers every box it skipped.
   */
  function shrink(lists: readonly (readonly number[])[]): void {
    for (let cut = true; cut; ) {
      cut = false;
      const free = [0, 1, 2].filter((ax) => fix[ax] === undefined).sort((x, y) => best.L[y]! - best.L[x]!);
      for (const ax of free) {
        const [p, q] = [0, 1, 2].filter((k) => k !== ax) as [number, number];
        const list = lists[ax]!;
        const L = best.L;
        const need = Math.max(crossSectionBound(units, [p, q, ax], L[p]!, L[q]!), (itemsVolume / (L[p]! * L[q]!)) * (1 - REL));
        // list[lo] and below cannot fit; L[ax] (at index hi, or just above it) does.
        let lo = lowerBound(list, need) - 1;
        let hi = lowerBound(list, L[ax]!);
        while (hi - lo > 1) {
          if (budget.spent()) return;
          const mid = (hi + lo) >> 1;
          const side = list[mid]!;
          const next: Vec3 = [L[0], L[1], L[2]];
          next[ax] = side;
          const r = tryBox(next);
          if (r.verdict === 'fits') {
            hi = mid;
            best = { L: next, placements: r.placements, volume: next[0] * next[1] * next[2] };
            cut = true;
          } else lo = mid;
        }
      }
    }
  }

  /** Each side's candidates below what the best box so far leaves room for; capped: some list was cut. */
  const candidates = () => {
    let capped = false;
    const lists = [0, 1, 2].map((ax) => {
      const f = fix[ax];
      if (f !== undefined) return [f];
      const others = minSide.filter((_, k) => k !== ax).reduce((a, b) => a * b, 1);
      const c = sideCandidates(units, ax, minSide[ax]!, (best.volume / others) * (1 + REL));
      capped ||= c.capped;
      return c.values;
    });
    return { lists, capped };
  };
  shrink(candidates().lists);
  // Fewer candidates now that the best box is smaller.
  const { lists, capped } = candidates();

  // Roles: a (outer, fewest candidates), b (ascending), c (binary search, the longest list). In
  // the symmetric case a <= b <= c are d, h, w.
  const [A, B, C] = symmetric ? [2, 1, 0] : ([0, 1, 2].sort((x, y) => lists[x]!.length - lists[y]!.length || x - y) as Vec3);
  const [aList, bList, cList] = [lists[A]!, lists[B]!, lists[C]!];
  const box = (a: number, b: number, c: number): Vec3 => {
    const L: Vec3 = [0, 0, 0];
    L[A] = a;
    L[B] = b;
    L[C] = c;
    return L;
  };
  const better = (v: number) => v < best.volume * (1 - REL);

  // Least volume a box left undecided might have hidden; exact needs it to be no better than the answer.
  let hidden = Infinity;
  let complete = false;
  /** fit() at (a, b, c); a fit is the new best. floor: the least c an undecided answer leaves open. */
  const ask = (a: number, b: number, c: number, floor: number): FitResult['verdict'] => {
    const L = box(a, b, c);
    const r = tryBox(L);
    if (r.verdict === 'undecided') hidden = Math.min(hidden, a * b * floor);
    if (r.verdict === 'fits') best = { L, placements: r.placements, volume: a * b * c };
    return r.verdict;
  };
  search: {
    for (const a of aList) {
      const bFrom = symmetric ? a : bList[0]!;
      if (!better(a * bFrom * (symmetric ? a : cList[0]!))) break;
      let top = cList.length - 1;
      for (let bi = lowerBound(bList, bFrom); bi < bList.length; bi++) {
        if (budget.spent()) break search;
        const b = bList[bi]!;
        const cFrom = symmetric ? b : cList[0]!;
        if (!better(a * b * cFrom)) break;
        while (top >= 0 && !better(a * b * cList[top]!)) top--;
        if (top < 0 || cList[top]! < cFrom - EPS) break;
        // Below `low` no c fits, unasked: too little volume, a unit or a stack of units that
        // cannot stand side by side in the a x b cross-section, or (symmetric) c < b.
        const stackBound = crossSectionBound(units, [A, B, C], a, b);
        if (stackBound === Infinity) continue;
        const low = lowerBound(cList, Math.max(cFrom, (itemsVolume / (a * b)) * (1 - REL), stackBound));
        if (low > top) continue;
        const floor = cList[low]!;
        if (ask(a, b, cList[top]!, floor) !== 'fits') continue;
        // Binary search for the least c that fits: cList[hi] fits, nothing at or below lo does
        // (proved, or taken so when undecided: then `hidden` keeps what it might have hidden).
        let lo = low - 1;
        let hi = top;
        while (hi - lo > 1) {
          if (budget.spent()) break search;
          const mid = (hi + lo) >> 1;
          if (ask(a, b, cList[mid]!, floor) === 'fits') hi = mid;
          else lo = mid;
        }
        top = hi - 1;
      }
    }
    complete = true;
  }
  const exact = complete && !capped && hidden >= best.volume * (1 - REL);
  // The descent may have left the sides in any order.
  const out = symmetric ? sortSides(best.L, best.placements) : best;
  return found(out.L, out.placements, exact);
}

/**
 * A lower bound on side c of a box whose other two sides are a (axis A) and b (axis B), or
 * Infinity when some unit has no orientation within a x b. Two units that can lie side by side
 * along neither A nor B (their least extents along it, over orientations within a x b, sum to
 * more than the side) must be apart along C; a set of such units, pairwise so, stacks along C,
 * so c is at least the sum of their least C extents. The set is grown greedily, longest first:
 * any such set gives a bound, the largest the best one.
 */
function crossSectionBound(units: readonly Unit[], [A, B, C]: readonly number[], a: number, b: number): number {
  const least = units.map((u) => {
    const m = [Infinity, Infinity, Infinity];
    for (const o of u.squeezed.concat(u.full)) {
      if (o.ext[A!]! > a + EPS || o.ext[B!]! > b + EPS) continue;
      for (let ax = 0; ax < 3; ax++) m[ax] = Math.min(m[ax]!, o.ext[ax]!);
    }
    return m;
  });
  if (least.some((m) => m[C!] === Infinity)) return Infinity;
  const order = least.map((_, i) => i).sort((i, j) => least[j]![C!]! - least[i]![C!]!);
  const apart = (i: number, j: number) =>
    least[i]![A!]! + least[j]![A!]! > a + EPS && least[i]![B!]! + least[j]![B!]! > b + EPS;
  const stack: number[] = [];
  for (const i of order) if (stack.every((j) => apart(i, j))) stack.push(i);
  return stack.reduce((s, i) => s + least[i]![C!]!, 0) - EPS;
}

/** Units (one per copy) with the orientations that keep within the fixed sides, full size and squeezed. */
function toUnits(items: readonly Item[], fix: Fix): Unit[] {
  const within = (o: Orientation) => o.ext.every((e, ax) => fix[ax] === undefined || e <= fix[ax]! + EPS);
  return items.flatMap((item, i) => {
    const full = distinctOrientations(packedDims(item), item.rotation).filter(within);
    const squeezed = distinctOrientations(squeezedDims(item), item.rotation).filter(within);
    return Array.from({ length: item.quantity }, (_, copy) => ({ item: i, copy, full, squeezed }));
  });
}

/**
 * The sums of unit extents along axis ax in [lo, hi], ascending: each unit adds nothing or one of
 * its extents (full or squeezed). Past MAX_SIDE_CANDIDATES sums only the least are kept (capped).
 */
function sideCandidates(units: readonly Unit[], ax: number, lo: number, hi: number): { values: number[]; capped: boolean } {
  let sums = [0];
  let capped = false;
  for (const u of units) {
    const exts = new Set([...u.full, ...u.squeezed].map((o) => o.ext[ax]!));
    const next = [...sums];
    for (const e of exts) for (const s of sums) if (s + e <= hi + EPS) next.push(s + e);
    next.sort((x, y) => x - y);
    sums = [];
    // Sums equal but for float noise are one length; the larger stands for them (the safer box).
    for (const v of next) {
      if (sums.length > 0 && v - sums[sums.length - 1]! <= 1e-9) sums[sums.length - 1] = v;
      else sums.push(v);
    }
    if (sums.length > MAX_SIDE_CANDIDATES) {
      sums.length = MAX_SIDE_CANDIDATES;
      capped = true;
    }
  }
  return { values: sums.filter((v) => v >= lo - EPS), capped };
}

/**
 * All units in a row along one free axis, each at full size when that keeps within the fixed
 * sides (else squeezed), turned to its least extent along the row. The best of the free axes;
 * symmetric, its sides are then sorted w >= h >= d.
 */
function rowLayout(items: readonly Item[], units: readonly Unit[], fix: Fix, symmetric: boolean): { L: Vec3; placements: Placement[] } {
  let best: { L: Vec3; placements: Placement[] } | null = null;
  for (let r = 0; r < 3; r++) {
    if (fix[r] !== undefined) continue;
    const L: Vec3 = [0, 0, 0];
    const placements = units.map((u): Placement => {
      const choices = u.full.length > 0 ? u.full : u.squeezed;
      const o = choices.reduce((p, q) => (q.ext[r]! < p.ext[r]! - EPS ? q : p));
      const at: Vec3 = [0, 0, 0];
      at[r] = L[r]!;
      for (let ax = 0; ax < 3; ax++) L[ax] = ax === r ? L[ax]! + o.ext[ax]! : Math.max(L[ax]!, o.ext[ax]!);
      const name = items[u.item]!.name;
      return { name, item: u.item, copy: u.copy, orientation: o.code, x: at[0], y: at[1], z: at[2], w: o.ext[0], h: o.ext[1], d: o.ext[2] };
    });
    for (let ax = 0; ax < 3; ax++) L[ax] = fix[ax] ?? L[ax]!;
    if (!best || L[0] * L[1] * L[2] < best.L[0] * best.L[1] * best.L[2]) best = { L, placements };
  }
  if (!best) throw new Error('internal error: a row layout needs a free side');
  if (symmetric) best = sortSides(best.L, best.placements);
  const check = verifyLayout({ shape: 'box', w: best.L[0], h: best.L[1], d: best.L[2] }, items, best.placements);
  if (!check.ok) throw new Error(`internal error: the row layout is invalid: ${check.problems.join('; ')}`);
  return best;
}

/** The same layout with the box's sides permuted to w >= h >= d (every item may turn any way). */
function sortSides(L: Vec3, placements: readonly Placement[]): { L: Vec3; placements: Placement[] } {
  const perm = [0, 1, 2].sort((a, b) => L[b]! - L[a]! || a - b); // new axis k is old axis perm[k]
  const pick = <T>(v: readonly T[]): [T, T, T] => [v[perm[0]!]!, v[perm[1]!]!, v[perm[2]!]!];
  return {
    L: pick(L),
    placements: placements.map((p) => {
      const [x, y, z] = pick([p.x, p.y, p.z]);
      const [w, h, d] = pick([p.w, p.h, p.d]);
      // The code names the item axis along each bag axis, so it permutes with the bag axes.
      const orientation = pick([...p.orientation]).join('') as Placement['orientation'];
      return { ...p, x, y, z, w, h, d, orientation };
    }),
  };
}

/** First index whose value is >= v (up to EPS). */
function lowerBound(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < v - EPS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sums of published lengths carry float noise (71.60000000000001); strip it well below EPS. */
function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
