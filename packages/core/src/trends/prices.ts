/**
 * Price bands: the median and quartiles of the prices of the listings with an attribute, per tier,
 * per currency and per period (month, quarter or year). Figures are never converted: a band is in
 * one currency, as the listings gave it, so there is no exchange rate or inflation adjustment to
 * question. Quartiles interpolate linearly between order statistics (Hyndman and Fan type 7, the
 * default of R and NumPy).
 */
import { TREND_TIERS, type PriceBand, type PricePeriod, type TrendListing, type TrendQuery } from '../model/trends.js';
import { monthIndex, periodLabel } from './months.js';
import { matchesQuery } from './query.js';
import { quantileSorted } from './resample.js';

/** Months per period, and the first month of the period holding a month. */
const periodStart = (month: number, period: PricePeriod): number =>
  period === 'month' ? month : period === 'quarter' ? month - (((month % 3) + 3) % 3) : month - (((month % 12) + 12) % 12);

export function prices(listings: readonly TrendListing[], query: TrendQuery, period: PricePeriod = 'quarter'): PriceBand[] {
  // tier -> currency -> period start -> prices
  const groups = new Map<string, Map<number, number[]>>();
  for (const l of listings) {
    if (!matchesQuery(l, query)) continue;
    const key = `${l.tier}\u0000${l.currency}`;
    let byPeriod = groups.get(key);
    if (!byPeriod) groups.set(key, (byPeriod = new Map()));
    const start = periodStart(monthIndex(l.date), period);
    const list = byPeriod.get(start);
    if (list) list.push(l.price);
    else byPeriod.set(start, [l.price]);
  }
  const bands: PriceBand[] = [];
  for (const [key, byPeriod] of groups) {
    const [tier, currency] = key.split('\u0000') as [PriceBand['tier'], string];
    const points = [...byPeriod.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return { period: periodLabel(start, period), n: sorted.length, q1: quantileSorted(sorted, 0.25), median: quantileSorted(sorted, 0.5), q3: quantileSorted(sorted, 0.75) };
      });
    bands.push({ tier, currency, points });
  }
  return bands.sort((a, b) => TREND_TIERS.indexOf(a.tier) - TREND_TIERS.indexOf(b.tier) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
