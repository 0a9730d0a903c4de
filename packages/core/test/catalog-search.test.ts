import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { parseKit } from '../src/catalog/kit.js';
import { interiorBounds, kitBounds, meetsBounds } from '../src/catalog/kit-bounds.js';
import { searchFits } from '../src/catalog/search.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { CatalogBag } from '../src/model/catalog.js';
import type { Item } from '../src/model/item.js';

const base = builtinCatalogBags('2026-08-01')[0]!;
const boxBag = (id: string, w: number, h: number, d: number): CatalogBag => ({ ...base, id, interior: { shape: 'box', w, h, d } });

describe('searchFits', () => {
  it('finds exactly the bags the engine says fit, with layouts that verify', () => {
    const dim = fc.integer({ min: 4, max: 60 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dim, dim, dim), { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 4 }),
        (bagDims, itemDims) => {
          const bags = bagDims.map(([w, h, d], i) => boxBag(`x${i}`, w, h, d));
          const items: Item[] = itemDims.map(([w, h, d], i) => ({ name: `i${i}`, dims: { w, h, d }, quantity: 1, rotation: 'all', shape: 'box' }));
          const r = searchFits(bags, items, { sort: 'input', limit: 1000, offset: 0, perBagMs: 2000 });
          const expected = bags.filter((b) => fit({ bag: b.interior, items, options: { timeLimitMs: 2000 } }).verdict === 'fits').map((b) => b.id);
          expect(r.hits.map((h) => h.bag.id)).toEqual(expected);
          expect(r.total).toBe(expected.length);
          for (const h of r.hits) expect(verifyLayout(h.bag.interior, items, h.placements)).toEqual({ ok: true });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reuses layouts instead of running the engine on roomier bags', () => {
    const bags = Array.from({ length: 50 }, (_, i) => boxBag(`b${i}`, 120 + i, 90 + i, 40 + (i % 7)));
    const items = parseKit('AirPods Pro 2, lipstick, credit card x2');
    const r = searchFits(bags, items, { sort: 'input', limit: 10, offset: 0 });
    expect(r.total).toBe(50);
    expect(r.hits).toHaveLength(10);
    expect(r.stats.engine_calls).toBeLessThanOrEqual(1);
    expect(r.stats.candidates).toBe(50);
  });

  it('sorts by snugness and pages', () => {
    const bags = [boxBag('roomy', 200, 150, 80), boxBag('snug', 90, 60, 25), boxBag('mid', 120, 90, 40)];
    const items = parseKit('AirPods Pro 2, credit card');
    const r = searchFits(bags, items, { sort: 'fit', limit: 2, offset: 0 });
    expect(r.hits.map((h) => h.bag.id)).toEqual(['snug', 'mid']);
    expect(searchFits(bags, items, { sort: 'fit', limit: 2, offset: 2 }).hits.map((h) => h.bag.id)).toEqual(['roomy']);
  });

  it('never lets the necessary condition drop a bag that can hold each item alone', () => {
    const dim = fc.integer({ min: 1, max: 100 });
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim), fc.array(fc.tuple(dim, dim, dim), { minLength: 1, maxLength: 4 }), ([w, h, d], dims) => {
        const items: Item[] = dims.map(([a, b, c], i) => ({ name: `i${i}`, dims: { w: a, h: b, d: c }, quantity: 1, rotation: 'all', shape: 'box' }));
        const interior = { shape: 'box' as const, w, h, d };
        if (fit({ bag: interior, items, options: { timeLimitMs: 1000 } }).verdict !== 'fits') return true;
        return meetsBounds(interiorBounds(interior), kitBounds(items));
      }),
      { numRuns: 300 },
    );
  });
});
