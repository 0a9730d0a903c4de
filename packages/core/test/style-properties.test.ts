/** Invariants of the styling engine over random outfits and random sets of candidate bags. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { isMulticolourName } from '../src/catalog/colours.js';
import { COMPONENTS, OCCASIONS, SILHOUETTES, STYLE_CATEGORIES, type OutfitInput, type StyleResult } from '../src/model/style.js';
import { scoreOutfit } from '../src/style/score-outfit.js';
import { WEIGHTS } from '../src/style/weights.js';

const BAGS = builtinCatalogBags('2026-01-01');

const hex = fc
  .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.boolean())
  .map(([n, upper]) => {
    const h = `#${n.toString(16).padStart(6, '0')}`;
    return upper ? h.toUpperCase() : h;
  });
const garment = fc.record({
  category: fc.constantFrom(...STYLE_CATEGORIES),
  silhouette: fc.constantFrom(...SILHOUETTES),
  colors: fc.array(hex, { minLength: 1, maxLength: 3 }),
  pattern: fc.constantFrom('solid', 'stripe', 'floral', 'denim wash', 'pinstripe', 'animal print', 'check', 'sequin', 'ombré'),
  material: fc.constantFrom('wool', 'cotton poplin', 'silk', 'satin', 'denim', 'cotton fleece', 'wool tweed', 'lamé knit', 'polyester sequin mesh', 'linen', 'mystery fibre'),
});
const outfit: fc.Arbitrary<OutfitInput> = fc.record({
  occasion: fc.constantFrom(...OCCASIONS),
  garments: fc.array(garment, { minLength: 1, maxLength: 5 }),
});
const candidates = fc.shuffledSubarray(BAGS, { minLength: 2 });

/** What a ranking is: the ids in order with their scores, and the stack. */
const ranking = (r: StyleResult) => ({ order: r.recommendations.map((x) => [x.bag_id, x.score]), stack: r.stack });

const RUNS = { numRuns: 60 };

describe('style properties', () => {
  it('the same input always gives the same result', () => {
    fc.assert(
      fc.property(outfit, candidates, (o, bags) => {
        expect(scoreOutfit({ outfit: o, bags })).toEqual(scoreOutfit({ outfit: structuredClone(o), bags: structuredClone(bags) }));
      }),
      RUNS,
    );
  });

  it('every component stays in its documented range and the score is their sum', () => {
    fc.assert(
      fc.property(outfit, candidates, (o, bags) => {
        const r = scoreOutfit({ outfit: o, bags });
        for (const v of Object.values(r.outfit)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        for (const rec of r.recommendations) {
          for (const n of COMPONENTS) {
            const c = rec.components[n];
            expect(c.raw).toBeGreaterThanOrEqual(0);
            expect(c.raw).toBeLessThanOrEqual(1);
            expect(c.points).toBeGreaterThanOrEqual(0);
            expect(c.points).toBeLessThanOrEqual(WEIGHTS[n]);
          }
          expect(rec.score).toBeGreaterThanOrEqual(0);
          expect(rec.score).toBeLessThanOrEqual(100);
          expect(rec.score).toBeCloseTo(COMPONENTS.reduce((s, n) => s + rec.components[n].points, 0), 6);
        }
      }),
      RUNS,
    );
  });

  it('the order of the garments and of the candidate bags changes nothing', () => {
    fc.assert(
      fc.property(outfit, candidates, fc.infiniteStream(fc.nat()), (o, bags, seeds) => {
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = seeds.next().value! % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = scoreOutfit({ outfit: o, bags });
        const b = scoreOutfit({ outfit: { ...o, garments: shuffle(o.garments) }, bags: shuffle(bags) });
        expect(ranking(b)).toEqual(ranking(a));
      }),
      RUNS,
    );
  });

  it('an irrelevant garment property, or the case of a hex, changes nothing', () => {
    fc.assert(
      fc.property(outfit, candidates, fc.string(), (o, bags, note) => {
        const decorated = {
          ...o,
          garments: o.garments.map((g) => ({ ...g, colors: g.colors.map((c) => c.toUpperCase()), brand: note, size: 'M', notes: { worn: 3 } })),
        };
        expect(scoreOutfit({ outfit: decorated, bags })).toEqual(scoreOutfit({ outfit: o, bags }));
      }),
      RUNS,
    );
  });

  it("a bag's name (brand, model, colour name) does not change its score", () => {
    fc.assert(
      fc.property(outfit, fc.string({ minLength: 1 }), (o, name) => {
        fc.pre(!isMulticolourName(name));
        const renamed = BAGS.map((b) => (isMulticolourName(b.color_name) ? b : { ...b, brand: name, model: `${name} micro nano`, color_name: name }));
        const scores = (r: StyleResult) => new Map(r.recommendations.map((x) => [x.bag_id, x.score]));
        expect(scores(scoreOutfit({ outfit: o, bags: renamed }))).toEqual(scores(scoreOutfit({ outfit: o, bags: BAGS })));
      }),
      { numRuns: 25 },
    );
  });

  it('ranks best first with ties broken by bag id', () => {
    fc.assert(
      fc.property(outfit, candidates, (o, bags) => {
        const recs = scoreOutfit({ outfit: o, bags }).recommendations;
        expect(recs).toHaveLength(bags.length);
        for (let i = 1; i < recs.length; i++) {
          const [x, y] = [recs[i - 1]!, recs[i]!];
          expect(x.score > y.score || (x.score === y.score && x.bag_id < y.bag_id)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
