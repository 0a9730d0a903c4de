/**
 * The analytics against the simulator's planted truth. "Realistic sample sizes" are the
 * simulator's default volumes (100, 200 and 400 new listings a month in luxury, contemporary and
 * fast fashion, over 4 years: about 34,000 listings), with its default noise: a +-10% yearly
 * season in the share and Beta-binomial months (concentration 400).
 *
 * Stated tolerances at those volumes:
 * - the lag of every pair of tiers within 1 month of the planted one, for every seed tried;
 * - m (saturation share) within 0.04 of the planted one in every fit;
 * - p and q: the median error over seeds and tiers within 0.025 and 0.12 of the planted 0.03 and
 *   0.4. One fit's p and q are much looser: with the launch month unknown, a smaller p and an
 *   earlier launch draw nearly the same curve (npm run bench:trends prints the spread; the
 *   forecast reports each one's bootstrap interval).
 */
import { describe, expect, it } from 'vitest';
import {
  SimulationConfigSchema,
  TREND_TIERS,
  bassTimeTo,
  fitBass,
  fitShift,
  lag,
  onset,
  parseTrendQuery,
  seriesOf,
  simulate,
  tally,
  type PlantedTruth,
} from '../src/index.js';

const QUERY = parseTrendQuery('size=micro');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function plantedLag(truth: PlantedTruth, lead: string, follower: string): number {
  const l = truth.lags.find((x) => x.lead === lead && x.follower === follower);
  if (!l) throw new Error(`no planted pair ${lead}/${follower}`);
  return l.half_lag;
}

describe('the simulator', () => {
  it('is pure and seeded', () => {
    const a = simulate({ seed: 5, months: 12 });
    expect(simulate({ seed: 5, months: 12 })).toEqual(a);
    expect(simulate({ seed: 6, months: 12 }).listings).not.toEqual(a.listings);
    expect(a.listings.every((l, i) => i === 0 || a.listings[i - 1]!.date <= l.date)).toBe(true);
  });

  it('plants its truth: onsets 6 months apart, the same shape, so half-adoption 6 months apart too', () => {
    const { truth } = simulate({ months: 6 });
    expect(truth).toHaveLength(1);
    expect(truth[0]!.attribute).toBe('size=micro');
    expect(truth[0]!.lags.map((l) => [l.lead, l.follower, l.onset_lag, Math.round(l.half_lag * 1e9) / 1e9])).toEqual([
      ['luxury', 'contemporary', 6, 6],
      ['luxury', 'fast-fashion', 12, 12],
      ['contemporary', 'fast-fashion', 6, 6],
    ]);
  });

  it('refuses two planted attributes on one key', () => {
    const planted = simulate({ months: 6 }).truth[0]!;
    const one = { key: 'size', value: 'micro', tiers: Object.fromEntries(planted.tiers.map((t) => [t.tier, { p: t.p, q: t.q, m: t.m, onset: t.onset }])) };
    const r = SimulationConfigSchema.safeParse({ planted: [one, { ...one, value: 'mini' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['planted']);
  });
});

describe('recovery of the planted trend at realistic sample sizes', () => {
  const seeds = [1, 2, 3, 4];
  const runs = seeds.map((seed) => simulate({ seed }));

  it('finds the planted lag of every pair within one month, the right tier leading, its interval mostly covering it', () => {
    let covered = 0;
    for (const { listings, truth } of runs) {
      for (const l of lag(listings, QUERY, { replicates: 60 })) {
        const planted = plantedLag(truth[0]!, l.lead, l.follower);
        expect(Math.abs(l.lag_months! - planted)).toBeLessThanOrEqual(1);
        if (l.ci![0] <= planted && planted <= l.ci![1]) covered++;
      }
    }
    // Nominal 95%: at least 9 of the 12 intervals hold the truth.
    expect(covered).toBeGreaterThanOrEqual(9);
  });

  it('fits m within 0.04 in every tier, and p and q within tolerance in the median', () => {
    const pErrors: number[] = [];
    const qErrors: number[] = [];
    for (const { listings, truth } of runs) {
      const grid = tally(listings, QUERY);
      for (const cells of grid.tiers) {
        const r = fitBass(seriesOf(cells, grid.first));
        if (!r.ok) throw new Error(r.reason);
        const planted = truth[0]!.tiers.find((t) => t.tier === cells.tier)!;
        expect(Math.abs(r.fit.m - planted.m)).toBeLessThanOrEqual(0.04);
        pErrors.push(Math.abs(r.fit.p - planted.p));
        qErrors.push(Math.abs(r.fit.q - planted.q));
      }
    }
    expect(median(pErrors)).toBeLessThanOrEqual(0.025);
    expect(median(qErrors)).toBeLessThanOrEqual(0.12);
  });

  it('places each onset (share 20%) within a month of the planted curve crossing it', () => {
    const { listings, truth } = runs[0]!;
    for (const o of onset(listings, QUERY, { share: 0.2, replicates: 50 })) {
      const c = truth[0]!.tiers.find((t) => t.tier === o.tier)!;
      const planted = c.onset + bassTimeTo(0.2 / c.m, c.p, c.q);
      expect(Math.abs(o.at! - planted)).toBeLessThanOrEqual(1);
      expect(o.crossed).toBe(1);
    }
  });

  it('loses precision as the samples shrink', () => {
    const meanError = (scale: number): number => {
      const errors: number[] = [];
      for (const seed of seeds) {
        const { listings, truth } = simulate({ seed, scale });
        const grid = tally(listings, QUERY);
        const series = grid.tiers.map((c) => seriesOf(c, grid.first));
        const fits = series.map((s) => fitBass(s));
        for (const [i, j] of [
          [0, 1],
          [0, 2],
          [1, 2],
        ] as const) {
          const [fi, fj] = [fits[i]!, fits[j]!];
          // A lag that cannot be measured at all is the largest error there is.
          const shift = fi.ok && fj.ok ? fitShift(series[i]!, series[j]!, fi.fit, fj.fit).lag : Infinity;
          errors.push(Math.abs(shift - plantedLag(truth[0]!, TREND_TIERS[i]!, TREND_TIERS[j]!)));
        }
      }
      return errors.reduce((a, b) => a + b, 0) / errors.length;
    };
    // 100/200/400 listings a month, a quarter of that, a sixteenth.
    const [large, medium, small] = [meanError(1), meanError(0.25), meanError(1 / 16)];
    expect(medium).toBeGreaterThan(large);
    expect(small).toBeGreaterThan(medium);
  });
});
