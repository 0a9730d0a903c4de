import { describe, expect, it } from 'vitest';
import { OnsetSchema, TierForecastSchema, forecast, onset, parseTrendQuery, simulate, type TrendListing } from '../src/index.js';

const QUERY = parseTrendQuery('size=micro');

describe('the forecast', () => {
  const { listings } = simulate({ seed: 11 });
  const result = forecast(listings, QUERY, { replicates: 40, horizon: 6 });

  it('fits every tier, forecasts with an interval around the point, and is seeded', () => {
    expect(result.map((t) => t.tier)).toEqual(['luxury', 'contemporary', 'fast-fashion']);
    for (const t of result) {
      expect(TierForecastSchema.parse(t)).toEqual(t);
      expect(t.forecast.map((p) => p.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
      for (const p of t.forecast) {
        expect(p.lo).toBeLessThanOrEqual(p.share);
        expect(p.share).toBeLessThanOrEqual(p.hi);
        expect(p.lo).toBeGreaterThanOrEqual(0);
        expect(p.hi).toBeLessThanOrEqual(1);
      }
      expect(t.intervals!.m[0]).toBeLessThanOrEqual(t.fit!.m);
      expect(t.intervals!.m[1]).toBeGreaterThanOrEqual(t.fit!.m);
    }
    expect(forecast(listings, QUERY, { replicates: 40, horizon: 6 })).toEqual(result);
  });

  it('beats the seasonal-naive baseline in the backtest, where the curve is still moving', () => {
    // Over the last 6 months: on the same months, the Bass curve errs less than last year's value.
    for (const t of result) {
      const b = t.backtest!;
      expect(b.holdout).toBe(6);
      expect(b.bass.months).toBe(6);
      expect(b.seasonal_naive.months).toBe(6);
      expect(b.bass.mae!).toBeLessThan(b.seasonal_naive.mae!);
      expect(b.bass.mape!).toBeGreaterThan(0);
    }
  });

  it('says why a tier cannot be fitted instead of inventing a curve', () => {
    const few: TrendListing[] = ['2022-01-01', '2022-02-01', '2022-03-01'].map((date) => ({ date, tier: 'luxury', price: 1, currency: 'USD', attributes: { size: ['micro'] } }));
    const r = forecast(few, QUERY, { replicates: 20 });
    expect(r[0]).toMatchObject({ tier: 'luxury', fit: null, forecast: [], note: expect.stringMatching(/3 month\(s\) with listings/) });
  });
});

describe('onset', () => {
  it('is seeded, orders the tiers as planted, and brackets its estimate', () => {
    const { listings } = simulate({ seed: 12 });
    const onsets = onset(listings, QUERY, { share: 0.3, replicates: 60, seed: 4 });
    expect(onset(listings, QUERY, { share: 0.3, replicates: 60, seed: 4 })).toEqual(onsets);
    for (const o of onsets) {
      OnsetSchema.parse(o);
      expect(o.ci[0]! <= o.month!).toBe(true);
      expect(o.month! <= o.ci[1]!).toBe(true);
    }
    const months = onsets.map((o) => o.month!);
    expect([...months].sort()).toEqual(months);
  });

  it('is never reached for a share above every month, and comes no later for a lower share', () => {
    const { listings } = simulate({ seed: 13, months: 30 });
    const never = onset(listings, QUERY, { share: 0.95, replicates: 20 });
    for (const o of never) expect(o).toMatchObject({ month: null, at: null, ci: [null, null], crossed: 0 });
    const low = onset(listings, QUERY, { share: 0.1, replicates: 20 });
    const high = onset(listings, QUERY, { share: 0.3, replicates: 20 });
    low.forEach((o, i) => expect(o.at!).toBeLessThanOrEqual(high[i]!.at!));
  });
});
