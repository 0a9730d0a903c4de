/**
 * Onset: the month each tier's share of new listings first reaches a stated share.
 *
 * The share compared is pooled over a centred window of months (sum k / sum n over `window`
 * months, default 3), so that one lucky month of a small tier is not an onset. The crossing is
 * placed between the last month below the share and the first at or above it by linear
 * interpolation (`at`, fractional months), and reported as the first month at or after that point.
 * Its confidence interval is the percentile interval of the same estimate over the bootstrap over
 * listings, clustered by month (resample.ts); a replicate that never crosses counts as crossing
 * after the end, so an upper bound that falls there is null ("not within the data").
 */
import { OnsetOptionsSchema, type Onset, type OnsetOptionsInput, type TrendListing, type TrendQuery } from '../model/trends.js';
import { tally, type TierCells } from './cells.js';
import { monthLabel } from './months.js';
import { childSeed, createRng } from './random.js';
import { percentileInterval, resampleGrid } from './resample.js';

/** Pooled share per month (null where the window has no listings). */
export function pooledShares(cells: TierCells, window: number): (number | null)[] {
  const before = Math.floor((window - 1) / 2);
  const after = window - 1 - before;
  return cells.n.map((_, i) => {
    let n = 0;
    let k = 0;
    for (let j = Math.max(0, i - before); j <= Math.min(cells.n.length - 1, i + after); j++) {
      n += cells.n[j]!;
      k += cells.k[j]!;
    }
    return n > 0 ? k / n : null;
  });
}

/** Fractional month at which the pooled share first reaches `share`, or null. */
export function crossing(cells: TierCells, share: number, window: number): number | null {
  const pooled = pooledShares(cells, window);
  let prev: { i: number; s: number } | null = null;
  for (let i = 0; i < pooled.length; i++) {
    const s = pooled[i];
    if (s === null || s === undefined) continue;
    if (s >= share) return prev === null ? i : prev.i + ((share - prev.s) / (s - prev.s)) * (i - prev.i);
    prev = { i, s };
  }
  return null;
}

/** The first month at or after a fractional crossing (a hair of tolerance for interpolation round-off). */
const monthOf = (first: number, at: number): string => monthLabel(first + Math.ceil(at - 1e-9));

export function onset(listings: readonly TrendListing[], query: TrendQuery, options: OnsetOptionsInput = {}): Onset[] {
  const o = OnsetOptionsSchema.parse(options);
  const grid = tally(listings, query);
  const reps: number[][] = grid.tiers.map(() => []);
  for (let r = 0; r < o.replicates; r++) {
    const replicate = resampleGrid(grid, createRng(childSeed(o.seed, r)));
    replicate.tiers.forEach((cells, i) => reps[i]!.push(crossing(cells, o.share, o.window) ?? Infinity));
  }
  return grid.tiers.map((cells, tierIndex) => {
    const at = crossing(cells, o.share, o.window);
    const [lo, hi] = percentileInterval(reps[tierIndex]!, o.level);
    const finite = (x: number) => (Number.isFinite(x) ? monthOf(grid.first, x) : null);
    return {
      tier: cells.tier,
      month: at === null ? null : monthOf(grid.first, at),
      at,
      ci: [finite(lo), finite(hi)],
      crossed: reps[tierIndex]!.filter(Number.isFinite).length / o.replicates,
    };
  });
}
