import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TierLagSchema, bassF, lag, monthIndex, monthLabel, parseTrendQuery, type Tier, type TrendListing } from '../src/index.js';

const QUERY = parseTrendQuery('trend=yes');

/** Listings of one tier whose monthly share follows a Bass curve (k = rounded n m F), from `first` (a month index). */
function curveListings(tier: Tier, first: number, months: number, c: { p: number; q: number; m: number; onset: number; n: number }): TrendListing[] {
  const out: TrendListing[] = [];
  for (let t = 0; t < months; t++) {
    const n = c.n + ((t * 7) % 11);
    const k = Math.round(n * c.m * bassF(t - c.onset, c.p, c.q));
    for (let i = 0; i < n; i++) {
      out.push({ date: `${monthLabel(first + t)}-0${1 + (i % 9)}`, tier, price: 10 + i, currency: 'USD', attributes: { trend: [i < k ? 'yes' : 'no'] } });
    }
  }
  return out;
}

/** The same listings, each moved `months` later and into `tier`. */
function shifted(listings: readonly TrendListing[], months: number, tier: Tier): TrendListing[] {
  return listings.map((l) => ({ ...l, tier, date: `${monthLabel(monthIndex(l.date) + months)}${l.date.slice(7)}` }));
}

/**
 * Curves the data can time: enough listings a month and a saturation high enough that a month's
 * count moves by more than its rounding (30 listings at 20% saturation give counts of 0 to 6,
 * which the lag may decline to time; declining with a reason is tested below).
 */
const curveArb = fc.record({
  p: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
  q: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
  m: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
  onset: fc.integer({ min: 2, max: 10 }),
  n: fc.integer({ min: 60, max: 150 }),
});

describe('lag between tiers', () => {
  it('of a curve against its own shifted copy is the shift, the earlier tier leading', () => {
    fc.assert(
      fc.property(curveArb, fc.integer({ min: 30, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (c, months, shift, luxuryFirst) => {
        const [leadTier, followTier]: [Tier, Tier] = luxuryFirst ? ['luxury', 'fast-fashion'] : ['fast-fashion', 'luxury'];
        const original = curveListings(leadTier, monthIndex('2021-01'), months, c);
        const lags = lag([...original, ...shifted(original, shift, followTier)], QUERY, { replicates: 20 });
        const pair = lags.find((l) => l.lag_months !== null)!;
        expect(pair.lead).toBe(leadTier);
        expect(pair.follower).toBe(followTier);
        expect(pair.lag_months!).toBeCloseTo(shift, 3);
        // Identical data in both tiers: every replicate aligns them at about the shift.
        expect(pair.ci![0]).toBeLessThanOrEqual(pair.lag_months! + 1e-6);
        expect(pair.ci![1]).toBeGreaterThanOrEqual(pair.lag_months! - 1e-6);
        // The third tier has no listings: its pairs say so instead of inventing a lag.
        const empty = lags.filter((l) => l.lag_months === null);
        expect(empty).toHaveLength(2);
        for (const e of empty) expect(e.note).toMatch(/contemporary: only 0 month\(s\) with listings/);
      }),
      { numRuns: 12 * Number(process.env['MICROPURSE_FUZZ'] ?? 1) },
    );
  });

  it('reports every pair of tiers in the contract shape', () => {
    const c = { p: 0.03, q: 0.4, m: 0.5, onset: 3, n: 80 };
    const lux = curveListings('luxury', monthIndex('2021-01'), 36, c);
    const listings = [...lux, ...shifted(lux, 4, 'contemporary'), ...shifted(lux, 9, 'fast-fashion')];
    const lags = lag(listings, QUERY, { replicates: 20, seed: 3 });
    expect(lags.map((l) => [l.lead, l.follower])).toEqual([
      ['luxury', 'contemporary'],
      ['luxury', 'fast-fashion'],
      ['contemporary', 'fast-fashion'],
    ]);
    for (const l of lags) {
      expect(TierLagSchema.parse(l)).toEqual(l);
      expect(l.attribute).toBe('trend=yes');
    }
    expect(lags.map((l) => Math.round(l.lag_months! * 1000) / 1000)).toEqual([4, 9, 5]);
    // Seeded: the same seed gives the same intervals.
    expect(lag(listings, QUERY, { replicates: 20, seed: 3 })).toEqual(lags);
  });

  it('declines to time a flat share, saying why', () => {
    const flat = (tier: Tier) => curveListings(tier, monthIndex('2021-01'), 30, { p: 0.5, q: 0.5, m: 0.3, onset: -40, n: 60 });
    const lags = lag([...flat('luxury'), ...flat('contemporary'), ...flat('fast-fashion')], QUERY, { replicates: 20 });
    for (const l of lags) {
      expect(l.lag_months).toBeNull();
      expect(l.ci).toBeNull();
      expect(l.note).toMatch(/no diffusion to time/);
    }
  });

  it('gives every pair a lag or a reason on sparse curves, never a lag without its interval', () => {
    const c = { p: 0.01, q: 0.2, m: 0.2, onset: 6, n: 30 };
    const original = curveListings('luxury', monthIndex('2021-01'), 30, c);
    const lags = lag([...original, ...shifted(original, 1, 'fast-fashion')], QUERY, { replicates: 20 });
    expect(lags).toHaveLength(3);
    for (const l of lags) {
      if (l.lag_months === null) expect(l.note, `${l.lead}/${l.follower}`).toMatch(/\S/);
      else expect(l.ci).not.toBeNull();
    }
  });
});
