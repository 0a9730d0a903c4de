/**
 * Forecast: per tier, the Bass curve fitted to the attribute's monthly share (bass-fit.ts), run
 * `horizon` months past the last month, with a prediction interval from a residual bootstrap
 * (Efron and Tibshirani 1993, 9.5): the fit's residuals, scaled by sqrt(n) so that months of
 * different sizes are alike, are drawn with replacement onto the fitted curve, the curve refitted,
 * and its forecast plus one more drawn residual (at the recent months' listings a month) is a
 * replicate; the interval is their percentiles at `level`. The same refits give intervals for
 * p, q and m. Each tier also gets its backtest (backtest.ts).
 */
import {
  ForecastOptionsSchema,
  type BassParams,
  type ForecastOptionsInput,
  type ForecastPoint,
  type TierForecast,
  type TrendListing,
  type TrendQuery,
} from '../model/trends.js';
import { backtest } from './backtest.js';
import { fitBass } from './bass-fit.js';
import { seriesOf, tally } from './cells.js';
import { predictShare } from './forecast-curve.js';
import { monthLabel } from './months.js';
import { childSeed, createRng } from './random.js';
import { percentileInterval } from './resample.js';

export function forecast(listings: readonly TrendListing[], query: TrendQuery, options: ForecastOptionsInput = {}): TierForecast[] {
  const o = ForecastOptionsSchema.parse(options);
  const grid = tally(listings, query);
  const last = grid.length - 1;
  return grid.tiers.map((cells, tierIndex): TierForecast => {
    const s = seriesOf(cells, grid.first);
    const outcome = fitBass(s);
    const test = backtest(cells, grid.first, o.holdout, o.season);
    if (!outcome.ok) return { tier: cells.tier, fit: null, half_month: null, intervals: null, forecast: [], backtest: test, note: outcome.reason };
    const fit = outcome.fit;
    const params: BassParams = fit;
    const fitted = s.t.map((t) => predictShare(params, t, grid.first));
    const scaled = s.y.map((y, i) => (y - fitted[i]!) * Math.sqrt(s.n[i]!));
    // Listings a month ahead: the mean of the last (up to) 12 months with listings.
    const recent = s.n.slice(-12);
    const nAhead = recent.reduce((a, b) => a + b, 0) / recent.length;
    const months = Array.from({ length: o.horizon }, (_, h) => last + 1 + h);
    const paths: number[][] = months.map(() => []);
    const ps: number[] = [];
    const qs: number[] = [];
    const ms: number[] = [];
    const rng = createRng(childSeed(o.seed, tierIndex));
    const draw = () => scaled[Math.floor(rng.next() * scaled.length)]!;
    for (let r = 0; r < o.replicates; r++) {
      const y = s.y.map((_, i) => Math.min(1, Math.max(0, fitted[i]! + draw() / Math.sqrt(s.n[i]!))));
      const refit = fitBass({ ...s, y }, { warm: params });
      if (!refit.ok) continue;
      ps.push(refit.fit.p);
      qs.push(refit.fit.q);
      ms.push(refit.fit.m);
      months.forEach((t, h) => paths[h]!.push(Math.min(1, Math.max(0, predictShare(refit.fit, t, grid.first) + draw() / Math.sqrt(nAhead)))));
    }
    const points: ForecastPoint[] = months.map((t, h) => {
      const [lo, hi] = paths[h]!.length > 0 ? percentileInterval(paths[h]!, o.level) : [NaN, NaN];
      return { month: monthLabel(grid.first + t), share: predictShare(params, t, grid.first), lo, hi };
    });
    return {
      tier: cells.tier,
      fit,
      half_month: monthLabel(grid.first + Math.ceil(fit.t_half - 1e-9)),
      intervals: ps.length > 0 ? { p: percentileInterval(ps, o.level), q: percentileInterval(qs, o.level), m: percentileInterval(ms, o.level) } : null,
      forecast: points,
      backtest: test,
    };
  });
}
