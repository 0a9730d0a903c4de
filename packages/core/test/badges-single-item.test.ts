import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentLayout, segmentOfChar } from '../src/badges/payload.js';
import { checkItem, itemProbe, singleItemChar, singleItemLayout } from '../src/badges/single-item.js';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { FITS, TOO_SMALL } from '../src/catalog/fit-classify.js';
import { buildFitIndex } from '../src/catalog/fit-index.js';
import { itemFromEssential } from '../src/catalog/items.js';
import { ESSENTIALS } from '../src/data/essentials.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Item } from '../src/model/item.js';
import { interiorArb } from './interior-arb.js';

const side = fc.double({ min: 1, max: 120, noNaN: true }).map((v) => Math.round(v * 100) / 100);
const itemArb: fc.Arbitrary<Item> = fc
  .tuple(side, side, side, fc.constantFrom('all', 'all', 'upright', 'fixed'), fc.boolean())
  .map(([w, h, d, rotation, soft]) => ({
    name: 'thing',
    dims: { w, h, d },
    quantity: 1,
    rotation: rotation as Item['rotation'],
    shape: 'box' as const,
    ...(soft ? { soft: { squeeze: 0.25 } } : {}),
  }));

const engine = (interior: Parameters<typeof fit>[0]['bag'], item: Item) => fit({ bag: interior, items: [item], options: { timeLimitMs: 5000 } }).verdict;

describe('the single-item check', () => {
  it('agrees with the engine on every built-in bag and essential, and each fit has a verified layout', () => {
    const bags = builtinCatalogBags('2025-01-01');
    const index = buildFitIndex(bags.map((b) => ({ interior: b.interior })));
    let fits = 0;
    let noes = 0;
    for (const rec of ESSENTIALS) {
      const item = itemFromEssential(rec);
      const probe = itemProbe(item);
      bags.forEach((bag, row) => {
        const v = checkItem(index, row, probe);
        expect(v === FITS ? 'fits' : 'does-not-fit', `${rec.id} in ${bag.id}`).toBe(engine(bag.interior, item));
        if (v === FITS) {
          fits++;
          const layout = singleItemLayout(bag.interior, item);
          expect(layout).not.toBeNull();
          expect(verifyLayout(bag.interior, [item], layout!).ok).toBe(true);
        } else noes++;
      });
    }
    // Both answers occur often on the real data: the test would notice a check stuck on one.
    expect(fits).toBeGreaterThan(500);
    expect(noes).toBeGreaterThan(200);
  });

  it('agrees with the engine on random interiors of every shape, openings and rotation rules included', () => {
    fc.assert(
      fc.property(fc.array(interiorArb, { minLength: 1, maxLength: 8 }), itemArb, (interiors, item) => {
        const index = buildFitIndex(interiors.map((interior) => ({ interior })));
        const probe = itemProbe(item);
        interiors.forEach((interior, row) => {
          const v = checkItem(index, row, probe);
          expect(v === FITS ? 'fits' : 'does-not-fit').toBe(engine(interior, item));
          if (v === FITS) expect(verifyLayout(interior, [item], singleItemLayout(interior, item)!).ok).toBe(true);
          // The layout alone ignores the opening (as the verifier does): only a bag without one must give none.
          else if (!interior.opening) expect(singleItemLayout(interior, item)).toBeNull();
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('decides a box that touches the walls exactly (within the tolerance) as fitting, and one a hair too big as not', () => {
    const card: Item = { name: 'card', dims: { w: 85.6, h: 53.98, d: 0.76 }, quantity: 1, rotation: 'all', shape: 'box' };
    const exact = buildFitIndex([{ interior: { shape: 'round', w: 85.6 * Math.SQRT2, h: 53.98 * Math.SQRT2, d: 0.76 } }]);
    expect(checkItem(exact, 0, itemProbe(card))).toBe(FITS);
    const tight = buildFitIndex([{ interior: { shape: 'box', w: 85.6, h: 53.98, d: 0.759 } }]);
    expect(checkItem(tight, 0, itemProbe(card))).toBe(TOO_SMALL);
  });
});

describe('the single-item segment', () => {
  it('is singleItemLayout, verified and encoded, on random interiors', () => {
    fc.assert(
      fc.property(interiorArb, itemArb, (interior, item) => {
        const probe = itemProbe(item);
        const layout = singleItemLayout(interior, item);
        const ch = singleItemChar(interior, probe);
        if (!layout) expect(ch).toBe(0);
        else expect(segmentLayout(segmentOfChar(ch), [item], interior)).toEqual(layout);
      }),
      { numRuns: 1000 },
    );
  });
});
