/**
 * Adoption curves: for an attribute (or a combination), its share of each tier's new listings,
 * month by month, with the counts behind each share and a 95% Wilson interval, so that a month of
 * 3 listings reads as the guess it is. Months without listings have a null share.
 */
import type { AdoptionCurve, TrendListing, TrendQuery } from '../model/trends.js';
import { tally } from './cells.js';
import { monthLabel } from './months.js';
import { wilsonInterval } from './wilson.js';

export function adoption(listings: readonly TrendListing[], query: TrendQuery): AdoptionCurve[] {
  const grid = tally(listings, query);
  return grid.tiers.map((cells) => ({
    tier: cells.tier,
    points: cells.n.map((n, i) => {
      const k = cells.k[i]!;
      return { month: monthLabel(grid.first + i), n, k, share: n > 0 ? k / n : null, ci: n > 0 ? wilsonInterval(k, n) : null };
    }),
  }));
}
