import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AdoptionCurveSchema,
  InputError,
  TREND_TIERS,
  adoption,
  matchesQuery,
  monthIndex,
  monthLabel,
  parseTrendQuery,
  unknownKeys,
  wilsonInterval,
  type TrendListing,
} from '../src/index.js';

const listingArb: fc.Arbitrary<TrendListing> = fc.record({
  date: fc.tuple(fc.integer({ min: 2019, max: 2023 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  tier: fc.constantFrom(...TREND_TIERS),
  price: fc.double({ min: 0, max: 5000, noNaN: true }),
  currency: fc.constantFrom('USD', 'EUR'),
  attributes: fc.record({
    size: fc.constantFrom(['micro'], ['mini'], ['small']),
    wear: fc.subarray(['crossbody', 'hand', 'wrist'], { minLength: 0 }),
  }),
});

describe('adoption curves', () => {
  it('give shares within [0, 1], inside their Wilson interval, with counts that add up to the listings', () => {
    fc.assert(
      fc.property(fc.array(listingArb, { minLength: 1, maxLength: 120 }), fc.constantFrom('size=micro', 'wear=hand', 'size=mini,wear=crossbody'), (listings, text) => {
        const query = parseTrendQuery(text);
        const curves = adoption(listings, query);
        expect(curves.map((c) => c.tier)).toEqual([...TREND_TIERS]);
        for (const c of curves) {
          AdoptionCurveSchema.parse(c);
          const mine = listings.filter((l) => l.tier === c.tier);
          expect(c.points.reduce((s, p) => s + p.n, 0)).toBe(mine.length);
          expect(c.points.reduce((s, p) => s + p.k, 0)).toBe(mine.filter((l) => matchesQuery(l, query)).length);
          for (const p of c.points) {
            expect(p.k).toBeLessThanOrEqual(p.n);
            if (p.n === 0) {
              expect(p.share).toBeNull();
              continue;
            }
            expect(p.share).toBeGreaterThanOrEqual(0);
            expect(p.share).toBeLessThanOrEqual(1);
            expect(p.ci![0]).toBeLessThanOrEqual(p.share!);
            expect(p.ci![1]).toBeGreaterThanOrEqual(p.share!);
          }
        }
        // One month axis for every tier, contiguous from the first listing's month to the last one's.
        const months = listings.map((l) => monthIndex(l.date));
        const axis = curves[0]!.points.map((p) => p.month);
        expect(axis[0]).toBe(monthLabel(Math.min(...months)));
        expect(axis).toHaveLength(Math.max(...months) - Math.min(...months) + 1);
        for (const c of curves) expect(c.points.map((p) => p.month)).toEqual(axis);
      }),
      { numRuns: 200 },
    );
  });

  it('count a month per tier exactly', () => {
    const l = (date: string, tier: TrendListing['tier'], size: string): TrendListing => ({ date, tier, price: 10, currency: 'USD', attributes: { size: [size] } });
    const curves = adoption(
      [l('2022-01-03', 'luxury', 'micro'), l('2022-01-30', 'luxury', 'mini'), l('2022-03-01', 'luxury', 'micro'), l('2022-02-11', 'fast-fashion', 'mini')],
      parseTrendQuery('size=micro'),
    );
    expect(curves[0]!.points.map((p) => [p.month, p.k, p.n, p.share])).toEqual([
      ['2022-01', 1, 2, 0.5],
      ['2022-02', 0, 0, null],
      ['2022-03', 1, 1, 1],
    ]);
    expect(curves[2]!.points.map((p) => p.share)).toEqual([null, 0, null]);
  });
});

describe('the Wilson interval', () => {
  it('matches the published example and stays in [0, 1] at the edges', () => {
    // Brown, Cai and DasGupta (2001): k = 0 of n = 20 gives [0, 0.161].
    const [lo, hi] = wilsonInterval(0, 20);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.1611, 3);
    expect(wilsonInterval(20, 20)[1]).toBe(1);
    // 50 of 100: 0.4038 to 0.5962.
    const mid = wilsonInterval(50, 100);
    expect(mid[0]).toBeCloseTo(0.4038, 3);
    expect(mid[1]).toBeCloseTo(0.5962, 3);
  });

  it('narrows as the sample grows at the same share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 2, max: 10 }), (k0, extra, factor) => {
        const n = k0 + extra;
        const small = wilsonInterval(k0, n);
        const large = wilsonInterval(k0 * factor, n * factor);
        expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
      }),
    );
  });
});

describe('attribute queries', () => {
  it('read KEY=VALUE combinations, case-insensitively, with key aliases', () => {
    expect(parseTrendQuery(' Size = Micro , Color=Pink ')).toEqual({
      label: 'size=micro,colour=pink',
      conditions: [
        { key: 'size', value: 'micro' },
        { key: 'colour', value: 'pink' },
      ],
    });
  });

  it('refuse text that is not KEY=VALUE, naming the flag', () => {
    for (const bad of ['', 'micro', 'size=', '=micro', 'size=micro,']) {
      expect(() => parseTrendQuery(bad, '--attribute')).toThrow(InputError);
      expect(() => parseTrendQuery(bad, '--attribute')).toThrow(/^--attribute: /);
    }
  });

  it('name the keys no listing has', () => {
    const listings: TrendListing[] = [{ date: '2022-01-01', tier: 'luxury', price: 1, currency: 'USD', attributes: { size: ['micro'] } }];
    expect(unknownKeys(listings, parseTrendQuery('size=micro,finsh=metallic'))).toEqual(['finsh']);
  });
});
