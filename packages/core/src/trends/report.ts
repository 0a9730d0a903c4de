/**
 * The trend analyses' reports (model/trend-reports.ts), shared by the CLI's --json and the server:
 * each core result rounded for reading, and the check that a query names attributes the listings
 * have. Pure; the callers choose the listings and parse the options.
 */
import { InputError } from '../errors.js';
import type { AdoptionReport, ForecastReport, LagReport, OnsetReport, PricesReport } from '../model/trend-reports.js';
import type { AdoptionCurve, Onset, PriceBand, PricePeriod, TierForecast, TierLag, TrendListing, TrendQuery } from '../model/trends.js';
import { unknownKeys } from './query.js';

/** Months and lags to 2 decimals, shares to 4: no more is meaningful, and the output stays readable. */
const r2 = (v: number): number => Math.round(v * 100) / 100;
const r4 = (v: number): number => Math.round(v * 10_000) / 10_000;

export function adoptionReport(label: string, curves: readonly AdoptionCurve[]): AdoptionReport {
  return {
    attribute: label,
    curves: curves.map((c) => ({ ...c, points: c.points.map((p) => ({ ...p, share: p.share === null ? null : r4(p.share), ci: p.ci === null ? null : [r4(p.ci[0]), r4(p.ci[1])] })) })),
  };
}

export function onsetReport(label: string, options: { share: number; level: number }, onsets: readonly Onset[]): OnsetReport {
  return { attribute: label, share: options.share, level: options.level, onsets: onsets.map((x) => ({ ...x, at: x.at === null ? null : r2(x.at) })) };
}

export function lagReport(lags: readonly TierLag[]): LagReport {
  return lags.map((l) => ({ ...l, lag_months: l.lag_months === null ? null : r2(l.lag_months), ci: l.ci === null ? null : [r2(l.ci[0]), r2(l.ci[1])] }));
}

export function pricesReport(label: string, period: PricePeriod, bands: PriceBand[]): PricesReport {
  return { attribute: label, period, bands };
}

export function forecastReport(label: string, level: number, tiers: TierForecast[]): ForecastReport {
  return { attribute: label, level, tiers };
}

/** The attribute keys the listings have, sorted. */
export function attributeKeys(listings: readonly TrendListing[]): string[] {
  const keys = new Set<string>();
  for (const l of listings) for (const k of Object.keys(l.attributes)) keys.add(k);
  return [...keys].sort();
}

/**
 * Refuses a query naming a key no listing has (most likely misspelt) with an InputError on
 * `field` that lists the keys there are, also as candidates.
 */
export function assertKnownAttributes(listings: readonly TrendListing[], query: TrendQuery, field: string): void {
  const unknown = unknownKeys(listings, query);
  if (unknown.length === 0) return;
  const known = attributeKeys(listings);
  throw new InputError(field, `no listing has the attribute "${unknown[0]}"; the listings have: ${known.join(', ')}`, known.map((k) => ({ id: k, name: k })));
}
