/**
 * Lead and lag between tiers: for each pair, the shift that best aligns their adoption curves
 * (shift-fit.ts: one Bass shape for both, each with its own saturation and season), oriented so
 * that the lead is the tier that adopts earlier: "fast-fashion follows luxury by N months".
 *
 * Why fitted curves rather than cross-correlation: the curves are S-shaped, so their levels
 * correlate at every lag (the trend is the signal) while differencing them, the usual detrending,
 * doubles the binomial noise of small months; a fitted shape uses every month at its weight.
 *
 * The interval is the percentile interval over the bootstrap over listings, clustered by month
 * (resample.ts): each replicate redraws the months and refits the pair from the point estimate.
 * A pair is reported without a lag (null, with a note) when either tier's curve cannot be
 * fitted, or when less than MIN_VISIBLE_RISE of a tier's diffusion falls inside its months (a flat
 * share, adopted long before or not yet begun, gives no moment to align). Notes also flag a tier
 * that had not reached half its saturation by its last month, or had passed it before its first:
 * the lag then rests on an extrapolated curve.
 */
import { LagOptionsSchema, type BassFit, type LagOptionsInput, type Tier, type TierLag, type TrendListing, type TrendQuery } from '../model/trends.js';
import { bassF } from './bass.js';
import { fitBass } from './bass-fit.js';
import { seriesOf, tally, type CellGrid } from './cells.js';
import { monthLabel } from './months.js';
import { childSeed, createRng } from './random.js';
import { percentileInterval, resampleGrid } from './resample.js';
import { fitShift, type ShiftFit } from './shift-fit.js';

/** The pairs of tiers, in the order reported. */
export const TIER_PAIRS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [1, 2],
];

/** The part of a tier's diffusion (of F, 0..1) that must happen within its months for a lag to be timed. */
export const MIN_VISIBLE_RISE = 0.25;

/** What the data show of a tier's curve: a reason it cannot be timed, or a note that it is extrapolated. */
function visibility(grid: CellGrid, tier: Tier, fit: BassFit): { blocked: string | null; note: string | null } {
  const s = seriesOf(grid.tiers.find((c) => c.tier === tier)!, grid.first);
  const first = s.t[0]!;
  const last = s.t[s.t.length - 1]!;
  const [from, to] = [bassF(first - fit.t0, fit.p, fit.q), bassF(last - fit.t0, fit.p, fit.q)];
  const pct = (f: number) => `${Math.round(100 * fit.m * f)}%`;
  if (to - from < MIN_VISIBLE_RISE) {
    return { blocked: `${tier}'s fitted share only moves from ${pct(from)} to ${pct(to)} between ${monthLabel(grid.first + first)} and ${monthLabel(grid.first + last)}: no diffusion to time`, note: null };
  }
  if (fit.t_half > last) return { blocked: null, note: `${tier} had not reached half its saturation by ${monthLabel(grid.first + last)}: its curve is extrapolated` };
  if (fit.t_half < first) return { blocked: null, note: `${tier} had passed half its saturation before ${monthLabel(grid.first + first)}, its first month` };
  return { blocked: null, note: null };
}

export function lag(listings: readonly TrendListing[], query: TrendQuery, options: LagOptionsInput = {}): TierLag[] {
  const o = LagOptionsSchema.parse(options);
  const grid = tally(listings, query);
  const series = grid.tiers.map((c) => seriesOf(c, grid.first));
  const fits = series.map((s) => fitBass(s));
  const seen = fits.map((f, i) => (f.ok ? visibility(grid, grid.tiers[i]!.tier, f.fit) : null));
  const points = TIER_PAIRS.map(([i, j]) => {
    const fi = fits[i]!;
    const fj = fits[j]!;
    const timed = !seen[i]?.blocked && !seen[j]?.blocked;
    return fi.ok && fj.ok && timed ? fitShift(series[i]!, series[j]!, fi.fit, fj.fit) : null;
  });
  // One resample of every tier per replicate, shared by the pairs.
  const replicates: (number | null)[][] = TIER_PAIRS.map(() => []);
  if (points.some((p) => p !== null)) {
    for (let r = 0; r < o.replicates; r++) {
      const replicate = resampleGrid(grid, createRng(childSeed(o.seed, r)));
      const resampled = replicate.tiers.map((c) => seriesOf(c, grid.first));
      TIER_PAIRS.forEach(([i, j], k) => {
        const point = points[k];
        if (!point) return;
        const a = resampled[i]!;
        const b = resampled[j]!;
        const fi = fits[i]!;
        const fj = fits[j]!;
        if (!fi.ok || !fj.ok) return;
        const ok = a.t.length >= 2 && b.t.length >= 2 && a.y.some((y) => y > 0) && b.y.some((y) => y > 0);
        replicates[k]!.push(ok ? fitShift(a, b, fi.fit, fj.fit, point).lag : null);
      });
    }
  }
  return TIER_PAIRS.map(([i, j], k): TierLag => {
    const ti = grid.tiers[i]!.tier;
    const tj = grid.tiers[j]!.tier;
    const fi = fits[i]!;
    const fj = fits[j]!;
    const point: ShiftFit | null = points[k] ?? null;
    if (!fi.ok || !fj.ok || point === null) {
      const why = (f: (typeof fits)[number], t: Tier, k: number) => (!f.ok ? `${t}: ${f.reason}` : (seen[k]?.blocked ?? null));
      const note = [why(fi, ti, i), why(fj, tj, j)].filter((x) => x !== null).join('; ');
      return { attribute: query.label, lead: ti, follower: tj, lag_months: null, ci: null, note };
    }
    const flip = point.lag < 0;
    const reps = replicates[k]!.filter((x): x is number => x !== null).map((x) => (flip ? -x : x));
    const notes = [seen[i]?.note ?? null, seen[j]?.note ?? null].filter((x) => x !== null);
    const failed = replicates[k]!.length - reps.length;
    if (failed > 0) notes.push(`${failed} of ${o.replicates} bootstrap replicates had too few months or no matching listing in a tier, and were left out`);
    return {
      attribute: query.label,
      lead: flip ? tj : ti,
      follower: flip ? ti : tj,
      lag_months: Math.abs(point.lag),
      ci: reps.length > 0 ? percentileInterval(reps, o.level) : null,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  });
}
