/**
 * designInterior(input): the smallest box interior, by volume, that holds a kit.
 *
 * Idea: normal patterns (Herz 1972; Christofides & Whitlock 1977, as in fit/bounds.ts). Push any
 * packing towards the origin and each side of the box can shrink to a sum of item extents along
 * it. So a least box has every free side equal to such a sum, and a side's candidates are the
 * subset sums of the units' squeezed extents along it (design-units.ts), from the longest least
 * extent of a unit up to what the first box found leaves room for.
 *
 * First box: a row of all the units, built and verified here, so there is always an answer; then
 * coordinate descent (each side in turn cut to the least candidate that still fits, the others
 * held), which gives the search a small volume to beat.
 *
 * Search (design-search.ts): fit() is monotone in each side, so only the largest boxes under the
 * best volume need proofs, and a box grown as far as it still does not fit settles a whole patch
 * of them at once; the oracle (design-oracle.ts) keeps those boxes, and bounds that settle a box
 * without fit() (design-units.ts), and answers from them before it calls fit(). With nothing
 * fixed and every item free to turn, the problem is the same under any permutation of the sides,
 * so only w >= h >= d is searched.
 *
 * Effort: the search runs in passes (PASSES), each fit() call capped at ten times the search
 * nodes of the pass before. Most proofs are small; the few that are not, and the boxes near them,
 * are passed over as undecided, and the next pass, which finds everything else already settled,
 * asks them again. A wrong guess costs only time: exact needs a pass that left nothing open.
 *
 * exact is false when a box left undecided might have been smaller than the answer, a candidate
 * list was capped, or the budget ran out before a pass ended.
 */
import { exteriorDims } from '../catalog/interior.js';
import { fit, type FitEnv } from '../fit/fit.js';
import { EPS } from '../geometry/tolerance.js';
import type { DesignInput, DesignResult } from '../model/design.js';
import type { Placement } from '../model/fit.js';
import { BoxOracle } from './design-oracle.js';
import { rowLayout, sortSides } from './design-row.js';
import { LeastBoxSearch, type SearchSetup } from './design-search.js';
import { BoxBounds, MAX_SIDE_CANDIDATES, REL, sideCandidates, toUnits, type Fix, type Vec3 } from './design-units.js';
import { startBudget } from './subsets.js';

export { MAX_SIDE_CANDIDATES } from './design-units.js';

/**
 * Pass by pass: search nodes per fit() call, how near an undecided box (relatively) other boxes
 * wait for the next pass, and what share of the time left one fit() call may take (1/share).
 * The last passes are limited by time alone, and give the few boxes still open more of it.
 */
const PASSES: readonly { readonly effort: number; readonly margin: number; readonly share: number }[] = [
  { effort: 1_000, margin: 0.2, share: 32 },
  { effort: 10_000, margin: 0.05, share: 32 },
  { effort: 100_000, margin: 0.02, share: 32 },
  { effort: 1_000_000, margin: 0.01, share: 32 },
  { effort: Infinity, margin: 0, share: 32 },
  { effort: Infinity, margin: 0, share: 4 },
];
/** Candidate lengths per side at most for the first descent, from the row's large volume. */
const FIRST_CANDIDATES = 20_000;

export function designInterior(input: DesignInput, env: FitEnv = {}): DesignResult {
  const now = env.now ?? Date.now;
  const budget = startBudget(input.options, now);
  const fix: Fix = [input.fix?.w, input.fix?.h, input.fix?.d];
  const units = toUnits(input.items, fix);
  const stuck = units.find((u) => u.squeezed.length === 0);
  if (stuck) {
    const name = input.items[stuck.item]!.name;
    return { verdict: 'does-not-fit', reasons: [{ code: 'item-exceeds-fix', item: stuck.item, name }], stats: { fit_calls: 0, undecided: 0 } };
  }
  if (fix[0] !== undefined && fix[1] !== undefined && fix[2] !== undefined) {
    const L: Vec3 = [fix[0], fix[1], fix[2]];
    const r = fit({ bag: { shape: 'box', w: L[0], h: L[1], d: L[2] }, items: input.items, options: budget.next(1) }, { now });
    const stats = { fit_calls: 1, undecided: r.verdict === 'undecided' ? 1 : 0 };
    return r.verdict === 'fits' ? found(input, L, r.placements, true, stats) : { verdict: r.verdict, reasons: r.reasons, stats };
  }

  const symmetric = fix.every((f) => f === undefined) && input.items.every((it) => it.rotation === 'all');
  const row = rowLayout(input.items, units, fix, symmetric);
  // Each side is at least the longest of the units' least extents along it.
  const minSide = [0, 1, 2].map((ax) => fix[ax] ?? Math.max(...units.map((u) => Math.min(...u.squeezed.map((o) => o.ext[ax]!)))));
  const itemsVolume = units.reduce((s, u) => s + Math.min(...u.squeezed.map((o) => o.ext[0] * o.ext[1] * o.ext[2])), 0);

  /**
   * Each side's candidates below what a box of this volume leaves room for, at most `cap` a side;
   * capped: some list was cut.
   */
  const candidates = (volume: number, cap: number) => {
    let capped = false;
    const byAxis = new Map<string, number[]>();
    const lists = [0, 1, 2].map((ax) => {
      const f = fix[ax];
      if (f !== undefined) return [f];
      // Symmetric: every axis has the same sums (and the same bounds).
      const key = symmetric ? 'all' : String(ax);
      const known = byAxis.get(key);
      if (known) return known;
      const c = sideCandidates(units, ax, minSide[ax]!, sideLimit(ax, volume), cap, budget.spent);
      capped ||= c.capped;
      byAxis.set(key, c.values);
      return c.values;
    });
    return { lists, capped };
  };
  /** The longest a side can be in a box under this volume. */
  const sideLimit = (ax: number, volume: number) => (volume / minSide.filter((_, k) => k !== ax).reduce((a, b) => a * b, 1)) * (1 + REL);
  // Only the descent uses these: the least lengths are enough for it.
  const first = candidates(row.L[0] * row.L[1] * row.L[2], FIRST_CANDIDATES);
  // Roles a, b, c: in the symmetric case a <= b <= c are d, h, w; otherwise the fewest candidates first.
  const axes: Vec3 = symmetric ? [2, 1, 0] : ([0, 1, 2].sort((x, y) => first.lists[x]!.length - first.lists[y]!.length || x - y) as Vec3);
  const toRoles = (L: readonly number[]): Vec3 => [L[axes[0]]!, L[axes[1]]!, L[axes[2]]!];
  const toAxes = (q: Vec3): Vec3 => {
    const L: Vec3 = [0, 0, 0];
    for (let k = 0; k < 3; k++) L[axes[k]!] = q[k]!;
    return L;
  };
  const bounds = new BoxBounds(units, axes, itemsVolume);
  const oracle = new BoxOracle(input, toAxes, symmetric, bounds, budget, { now });
  const setup = (lists: readonly number[][]): SearchSetup => ({
    lists: [lists[axes[0]]!, lists[axes[1]]!, lists[axes[2]]!],
    symmetric,
    bounds,
    oracle,
    spent: budget.spent,
  });
  const start = { L: toRoles(row.L), placements: row.placements, volume: row.L[0] * row.L[1] * row.L[2] };
  const descent = new LeastBoxSearch(setup(first.lists), start);
  descent.descend();
  // Fewer candidates now that the best box is smaller: the sums under the new limit are a
  // prefix of the old ones, unless a list was cut.
  const within = (l: number[], ax: number) => (fix[ax] !== undefined ? l : l.filter((v) => v <= sideLimit(ax, descent.best.volume) + EPS));
  const { lists, capped } = first.capped ? candidates(descent.best.volume, MAX_SIDE_CANDIDATES) : { lists: first.lists.map(within), capped: false };
  const search = new LeastBoxSearch(setup(lists), descent.best);

  let exact = false;
  const nodeLimit = input.options.nodeLimit ?? Infinity;
  for (const { effort, margin, share } of PASSES) {
    oracle.effort = effort;
    oracle.share = share;
    const { complete, hidden } = search.pass(effort >= nodeLimit ? 0 : margin);
    if (!complete) break;
    exact = !capped && hidden >= search.best.volume * (1 - REL);
    // Done, or the input's own node limit binds: more passes would ask the same again.
    if (exact || (effort >= nodeLimit && nodeLimit < Infinity)) break;
  }
  const best = search.best;
  const L = toAxes(best.L);
  // The descent may have left the sides in any order.
  const out = symmetric ? sortSides(L, best.placements) : { L, placements: best.placements };
  return found(input, out.L, out.placements, exact, { fit_calls: oracle.calls, undecided: oracle.undecided });
}

function found(input: DesignInput, L: Vec3, placements: readonly Placement[], exact: boolean, stats: DesignResult['stats']): DesignResult {
  const interior = { w: clean(L[0]), h: clean(L[1]), d: clean(L[2]) };
  return {
    verdict: 'fits',
    interior_mm: interior,
    volume_mm3: clean(interior.w * interior.h * interior.d),
    placements: [...placements],
    exterior_mm: exteriorDims(interior, input.construction),
    exact,
    stats,
  };
}

/** Sums of published lengths carry float noise (71.60000000000001); strip it well below EPS. */
function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
