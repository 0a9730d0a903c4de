/**
 * The counts every trend reads: per tier and month, n new listings and k of them matching the
 * query, on one month axis from the first listing's month to the last one's, so that the tiers'
 * curves line up index by index. Months without listings stay in the axis with n = 0.
 */
import { TREND_TIERS, type Tier, type TrendListing, type TrendQuery } from '../model/trends.js';
import { monthIndex } from './months.js';
import { matchesQuery } from './query.js';

export interface TierCells {
  readonly tier: Tier;
  /** Listings per month, index 0 = the axis' first month. */
  readonly n: readonly number[];
  /** Matching listings per month. */
  readonly k: readonly number[];
}

export interface CellGrid {
  /** The month index (months.ts) of the axis' first month; 0 when there are no listings. */
  readonly first: number;
  readonly length: number;
  /** One entry per tier, in TREND_TIERS order (luxury, contemporary, fast-fashion). */
  readonly tiers: readonly TierCells[];
}

export function tally(listings: readonly TrendListing[], query: TrendQuery): CellGrid {
  if (listings.length === 0) return { first: 0, length: 0, tiers: TREND_TIERS.map((tier) => ({ tier, n: [], k: [] })) };
  let first = Infinity;
  let last = -Infinity;
  for (const l of listings) {
    const m = monthIndex(l.date);
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const length = last - first + 1;
  const n = new Map<Tier, number[]>(TREND_TIERS.map((t) => [t, new Array<number>(length).fill(0)]));
  const k = new Map<Tier, number[]>(TREND_TIERS.map((t) => [t, new Array<number>(length).fill(0)]));
  for (const l of listings) {
    const i = monthIndex(l.date) - first;
    n.get(l.tier)![i]!++;
    if (matchesQuery(l, query)) k.get(l.tier)![i]!++;
  }
  return { first, length, tiers: TREND_TIERS.map((tier) => ({ tier, n: n.get(tier)!, k: k.get(tier)! })) };
}

export function cellsOf(grid: CellGrid, tier: Tier): TierCells {
  return grid.tiers.find((c) => c.tier === tier)!;
}

/** A tier's months that have listings, as the fits read them: t (months since the axis' first month), n and share y. */
export interface Series {
  /** The absolute month index (months.ts) of t = 0, which sets the calendar of the seasonal term. */
  readonly start: number;
  readonly t: readonly number[];
  readonly n: readonly number[];
  readonly y: readonly number[];
}

export function seriesOf(cells: TierCells, start: number, upTo = Infinity): Series {
  const t: number[] = [];
  const n: number[] = [];
  const y: number[] = [];
  cells.n.forEach((ni, i) => {
    if (ni > 0 && i <= upTo) {
      t.push(i);
      n.push(ni);
      y.push(cells.k[i]! / ni);
    }
  });
  return { start, t, n, y };
}
