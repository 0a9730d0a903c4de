import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyKit, FITS, layoutFor, OUT, TOO_SMALL, UNDECIDED } from '../src/catalog/fit-classify.js';
import { buildFitIndex } from '../src/catalog/fit-index.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';
import { interiorArb } from './interior-arb.js';
import type { Item } from '../src/model/item.js';

/** MICROPURSE_FUZZ=N multiplies the property runs (a long fuzz, not for every `npm test`). */
const FUZZ = Number(process.env['MICROPURSE_FUZZ'] ?? 1);

const side = fc.integer({ min: 1, max: 60 });
const itemArb: fc.Arbitrary<Item> = fc
  .tuple(side, side, side, fc.constantFrom('all', 'all', 'upright', 'fixed'), fc.integer({ min: 1, max: 2 }), fc.boolean())
  .map(([w, h, d, rotation, quantity, soft]) => ({
    name: `${w}x${h}x${d}`,
    dims: { w, h, d },
    quantity,
    rotation: rotation as Item['rotation'],
    shape: 'box' as const,
    ...(soft ? { soft: { squeeze: 0.25 } } : {}),
  }));

/** A catalog with colourways: some interiors repeated exactly. */
const catalogArb = fc
  .tuple(fc.array(interiorArb, { minLength: 1, maxLength: 24 }), fc.array(fc.nat(), { maxLength: 8 }))
  .map(([interiors, repeats]) => [...interiors, ...repeats.map((r) => interiors[r % interiors.length]!)]);

const exact = (bag: Interior, items: readonly Item[]) => fit({ bag, items: [...items], options: { timeLimitMs: 2000 } }).verdict;

describe('classifyKit', () => {
  it('never contradicts the engine, decides box interiors exactly, and every fit gets a verified layout', () => {
    fc.assert(
      fc.property(catalogArb, fc.array(itemArb, { minLength: 1, maxLength: 4 }), (interiors, items) => {
        const index = buildFitIndex(interiors.map((interior) => ({ interior })));
        const budget = { perBagMs: 2000, perBagNodes: 200_000 };
        const c = classifyKit(index, items, budget);
        interiors.forEach((bag, i) => {
          const v = c.verdicts[i];
          const truth = exact(bag, items);
          if (v === FITS) {
            expect(truth, `bag ${i} counted as holding the kit`).not.toBe('does-not-fit');
            const layout = layoutFor(index, i, items, c, budget);
            expect(layout, `bag ${i} has a layout`).not.toBeNull();
            expect(verifyLayout(bag, items, layout!)).toEqual({ ok: true });
          } else if (v !== UNDECIDED) {
            expect(truth, `bag ${i} (verdict ${v}) left out`).not.toBe('fits');
          }
          if (bag.shape === 'box' && truth !== 'undecided') expect(v === FITS).toBe(truth === 'fits');
          // Identical interiors get identical verdicts.
          const first = interiors.findIndex((other) => JSON.stringify(other) === JSON.stringify(bag));
          expect(v).toBe(c.verdicts[first]);
        });
        expect(c.fits).toBe([...c.verdicts].filter((v) => v === FITS).length);
      }),
      { numRuns: 300 * FUZZ },
    );
  });

  it('runs the engine once for interiors repeated across colourways', () => {
    const bag: Interior = { shape: 'round', w: 100, h: 80, d: 30 };
    const items: Item[] = [{ name: 'compact', dims: { w: 60, h: 55, d: 12 }, quantity: 1, rotation: 'all', shape: 'box' }];
    const single = classifyKit(buildFitIndex([{ interior: bag }]), items, { perBagMs: 500, perBagNodes: 5000 });
    const many = classifyKit(buildFitIndex(Array.from({ length: 40 }, () => ({ interior: bag }))), items, { perBagMs: 500, perBagNodes: 5000 });
    expect(many.stats.engine_calls).toBe(single.stats.engine_calls);
    expect(many.stats.candidates).toBe(40);
    expect(new Set(many.verdicts)).toEqual(new Set([single.verdicts[0]]));
  });

  it('proves bags too small without the engine when a piece fits nowhere on its own', () => {
    // A phone lying 150 x 72 in the face of a half-moon: no half-ellipse up to 180 x 104 mm holds it.
    const items: Item[] = [{ name: 'phone', dims: { w: 150, h: 72, d: 8 }, quantity: 1, rotation: 'all', shape: 'box' }];
    const bags: Interior[] = Array.from({ length: 30 }, (_, k) => ({ shape: 'half-moon', w: 151 + k, h: 75 + k, d: 30 }));
    const c = classifyKit(buildFitIndex(bags.map((interior) => ({ interior }))), items, { perBagMs: 500, perBagNodes: 5000 });
    bags.forEach((bag, i) => {
      expect(exact(bag, items)).toBe('does-not-fit');
      expect(c.verdicts[i]).toBe(TOO_SMALL);
    });
    expect(c.stats.engine_calls).toBe(0);
    expect(c.stats.by_proof).toBe(30);
  });

  it('leaves open bags undecided, never guessed, once the query budget is spent', () => {
    fc.assert(
      fc.property(catalogArb, fc.array(itemArb, { minLength: 1, maxLength: 3 }), (interiors, items) => {
        let t = 0;
        const c = classifyKit(buildFitIndex(interiors.map((interior) => ({ interior }))), items, {
          perBagMs: 500,
          perBagNodes: 5000,
          queryMs: 0,
          now: () => (t += 1),
        });
        expect(c.stats.engine_calls).toBe(0);
        interiors.forEach((bag, i) => {
          const v = c.verdicts[i]!;
          expect([OUT, FITS, TOO_SMALL, UNDECIDED]).toContain(v);
          if (v === FITS) expect(exact(bag, items)).not.toBe('does-not-fit');
          if (v === TOO_SMALL || v === OUT) expect(exact(bag, items)).not.toBe('fits');
        });
        expect(c.undecided).toBeGreaterThanOrEqual(c.stats.by_budget);
      }),
      { numRuns: 60 },
    );
  });

  it('classifies only the rows asked for', () => {
    const items: Item[] = [{ name: 'card', dims: { w: 86, h: 54, d: 1 }, quantity: 1, rotation: 'all', shape: 'box' }];
    const bags: Interior[] = [100, 120, 140].map((w) => ({ shape: 'box', w, h: 70, d: 20 }));
    const c = classifyKit(buildFitIndex(bags.map((interior) => ({ interior }))), items, { perBagMs: 500, perBagNodes: 5000, rows: [0, 2] });
    expect([...c.verdicts]).toEqual([FITS, OUT, FITS]);
    expect(c.fits).toBe(2);
  });
});
