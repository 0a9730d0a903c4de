/**
 * The bootstrap over listings, and the percentile intervals drawn from it.
 *
 * Listings are clustered by month: a month's share varies more than the binomial sampling of its
 * listings says (a collection drops, a retailer restocks), so resampling listings one by one
 * would understate the uncertainty. The bootstrap therefore resamples months, each with all its
 * listings: the cluster bootstrap for hierarchical data, which is resampling cases in a regression
 * (Davison and Hinkley 1997, Bootstrap Methods and their Application, chapters 3 and 6). A
 * replicate draws as many months as the axis has, with replacement, the same draw for every tier
 * (so a shock common to the tiers in a month travels with it); a month drawn c times counts c
 * times its listings, one not drawn counts none.
 */
import type { CellGrid, TierCells } from './cells.js';
import type { Rng } from './random.js';

/** One replicate of the grid: every tier's months redrawn by one draw of the axis. */
export function resampleGrid(grid: CellGrid, rng: Rng): CellGrid {
  const times = new Array<number>(grid.length).fill(0);
  for (let i = 0; i < grid.length; i++) times[Math.floor(rng.next() * grid.length)]!++;
  const tiers = grid.tiers.map((c): TierCells => ({ tier: c.tier, n: c.n.map((n, i) => n * times[i]!), k: c.k.map((k, i) => k * times[i]!) }));
  return { first: grid.first, length: grid.length, tiers };
}

/** The type-7 quantile (linear between order statistics, R's default) of an ascending list; an infinite neighbour gives infinity. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)]!;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return h === lo ? a : b;
  return a + (h - lo) * (b - a);
}

/** The two-sided percentile interval of bootstrap replicates at `level`. */
export function percentileInterval(values: readonly number[], level: number): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}
