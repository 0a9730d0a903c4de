import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PriceBandSchema, TREND_TIERS, parseTrendQuery, prices, quantileSorted, type TrendListing } from '../src/index.js';

const listingArb: fc.Arbitrary<TrendListing> = fc.record({
  date: fc.tuple(fc.integer({ min: 2021, max: 2023 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}-15`),
  tier: fc.constantFrom(...TREND_TIERS),
  price: fc.double({ min: 0, max: 1e6, noNaN: true }),
  currency: fc.constantFrom('USD', 'EUR', 'JPY'),
  attributes: fc.record({ finish: fc.constantFrom(['metallic'], ['matte'], ['metallic', 'glitter']) }),
});

describe('price bands', () => {
  it('have ordered quartiles within the prices, one currency a band, counts that add up', () => {
    fc.assert(
      fc.property(fc.array(listingArb, { maxLength: 150 }), fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>, (listings, period) => {
        const query = parseTrendQuery('finish=metallic');
        const bands = prices(listings, query, period);
        const matching = listings.filter((l) => l.attributes['finish']!.includes('metallic'));
        expect(bands.reduce((s, b) => s + b.points.reduce((t, p) => t + p.n, 0), 0)).toBe(matching.length);
        for (const b of bands) {
          PriceBandSchema.parse(b);
          const own = matching.filter((l) => l.tier === b.tier && l.currency === b.currency).map((l) => l.price);
          for (const p of b.points) {
            expect(p.q1).toBeLessThanOrEqual(p.median);
            expect(p.median).toBeLessThanOrEqual(p.q3);
            expect(p.q1).toBeGreaterThanOrEqual(Math.min(...own));
            expect(p.q3).toBeLessThanOrEqual(Math.max(...own));
          }
          const labels = b.points.map((p) => p.period);
          expect([...labels].sort()).toEqual(labels);
          expect(new Set(labels).size).toBe(labels.length);
        }
        // Bands come in tier order, then currency order, each (tier, currency) once.
        const keys = bands.map((b) => `${TREND_TIERS.indexOf(b.tier)}:${b.currency}`);
        expect([...keys].sort()).toEqual(keys);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it('give type-7 quartiles per period, in the listings\' own currency', () => {
    const at = (date: string, price: number, currency = 'EUR'): TrendListing => ({ date, tier: 'luxury', price, currency, attributes: { size: ['micro'] } });
    const bands = prices(
      [at('2022-01-05', 100), at('2022-02-05', 200), at('2022-03-05', 300), at('2022-03-25', 400), at('2022-04-01', 1000), at('2022-02-01', 9, 'USD')],
      parseTrendQuery('size=micro'),
      'quarter',
    );
    expect(bands).toEqual([
      {
        tier: 'luxury',
        currency: 'EUR',
        points: [
          { period: '2022-Q1', n: 4, q1: 175, median: 250, q3: 325 },
          { period: '2022-Q2', n: 1, q1: 1000, median: 1000, q3: 1000 },
        ],
      },
      { tier: 'luxury', currency: 'USD', points: [{ period: '2022-Q1', n: 1, q1: 9, median: 9, q3: 9 }] },
    ]);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(prices([at('2022-06-30', 5)], parseTrendQuery('size=micro'), 'year')[0]!.points[0]!.period).toBe('2022');
  });
});
