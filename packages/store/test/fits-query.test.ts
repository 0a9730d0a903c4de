/**
 * The fast "fits my kit" query (an in-memory fit index of the store's bags and the core's
 * classifier) against the engine run on each bag: it never contradicts the engine, decides box
 * interiors exactly, orders and pages consistently, applies the filters, and sees every write.
 */
import { ESSENTIALS, builtinCatalogBags, fit, itemFromEssential, verifyLayout, type CatalogBag, type Item } from '@micropurse/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findBagsThatFit, openStore, type Store } from '../src/index.js';
import { catalogBagArb } from './arbitraries.js';
import { describeEachDialect } from './dialects.js';

const SEEN = '2026-03-01';
const POPULATION: CatalogBag[] = [
  ...builtinCatalogBags(SEEN),
  ...fc.sample(catalogBagArb({ side: fc.double({ min: 20, max: 260, noNaN: true }) }), { numRuns: 150, seed: 11 }).map((b, i) => ({ ...b, id: `q-${String(i).padStart(3, '0')}` })),
];
const small = ESSENTIALS.filter((e) => Math.max(e.dims.w, e.dims.h, e.dims.d) <= 160);
const kitArb = fc.array(fc.constantFrom(...small), { minLength: 1, maxLength: 4 }).map((es) => es.map((e) => itemFromEssential(e)));
const byId = new Map(POPULATION.map((b) => [b.id, b]));
const engine = (bag: CatalogBag, items: readonly Item[]) => fit({ bag: bag.interior, items: [...items], options: { timeLimitMs: 2000 } }).verdict;
const priceKey = (b: CatalogBag) => b.price_usd ?? Infinity;

describeEachDialect('findBagsThatFit', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(dialect.freshConfig());
    await store.bags.upsertMany(POPULATION.slice(53));
  });
  afterAll(async () => {
    await store.close();
  });

  it('never contradicts the engine, decides box interiors exactly, and proves every hit', async () => {
    await fc.assert(
      fc.asyncProperty(kitArb, async (items) => {
        const all = await findBagsThatFit(store, { filters: {}, items, sort: 'price', limit: 1000, offset: 0, perBagMs: 500 });
        expect(all.hits).toHaveLength(all.total);
        const hit = new Set(all.hits.map((h) => h.bag.id));
        for (const h of all.hits) expect(verifyLayout(h.bag.interior, items, h.placements)).toEqual({ ok: true });
        for (const bag of POPULATION) {
          const truth = engine(bag, items);
          if (hit.has(bag.id)) expect(truth).not.toBe('does-not-fit');
          if (bag.interior.shape === 'box' && truth !== 'undecided') expect(hit.has(bag.id), bag.id).toBe(truth === 'fits');
        }
      }),
      { numRuns: 12 },
    );
  });

  it('orders by the sort key and pages through the same list', async () => {
    await fc.assert(
      fc.asyncProperty(kitArb, fc.constantFrom('price' as const, 'volume' as const, 'fit' as const), fc.integer({ min: 0, max: 40 }), async (items, sort, offset) => {
        const all = await findBagsThatFit(store, { filters: {}, items, sort, limit: 1000, offset: 0 });
        const page = await findBagsThatFit(store, { filters: {}, items, sort, limit: 15, offset });
        expect(page.total).toBe(all.total);
        expect(page.hits.map((h) => h.bag.id)).toEqual(all.hits.slice(offset, offset + 15).map((h) => h.bag.id));
        if (sort === 'price') {
          const prices = all.hits.map((h) => priceKey(h.bag));
          expect(prices).toEqual([...prices].sort((a, b) => a - b));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('applies the attribute filters and keeps every box bag that passes them and fits', async () => {
    const items = [itemFromEssential(ESSENTIALS.find((e) => e.id === 'e20')!)];
    const r = await findBagsThatFit(store, { filters: { tier: ['fast-fashion'], price_max_usd: 300 }, items, sort: 'price', limit: 1000, offset: 0 });
    const ids = new Set(r.hits.map((h) => h.bag.id));
    for (const h of r.hits) {
      expect(h.bag.tier).toBe('fast-fashion');
      expect(h.bag.price_usd).not.toBeNull();
      expect(h.bag.price_usd!).toBeLessThanOrEqual(300);
    }
    const expected = POPULATION.filter((b) => b.tier === 'fast-fashion' && b.price_usd !== null && b.price_usd <= 300 && b.interior.shape === 'box' && engine(b, items) === 'fits');
    expect(expected.length).toBeGreaterThan(0);
    for (const b of expected) expect(ids.has(b.id), b.id).toBe(true);
    expect(r.total).toBeGreaterThanOrEqual(expected.length);
    expect(byId.size).toBe(POPULATION.length);
  });

  it('sees a write at once: a new bag that fits, and a new price', async () => {
    const items = [itemFromEssential(ESSENTIALS.find((e) => e.id === 'e24')!)];
    const before = await findBagsThatFit(store, { filters: {}, items, sort: 'price', limit: 5, offset: 0 });
    const roomy: CatalogBag = { ...POPULATION[0]!, id: '0-fresh-roomy', price: 0, currency: 'USD', price_usd: 0, interior: { shape: 'box', w: 200, h: 150, d: 80 } };
    await store.bags.upsert(roomy);
    const after = await findBagsThatFit(store, { filters: {}, items, sort: 'price', limit: 5, offset: 0 });
    expect(after.total).toBe(before.total + 1);
    expect(after.hits[0]!.bag.id).toBe('0-fresh-roomy');
    await store.bags.upsert({ ...roomy, price: 99_999, price_usd: 99_999 });
    const repriced = await findBagsThatFit(store, { filters: {}, items, sort: 'price', limit: 5, offset: 0 });
    expect(repriced.hits.map((h) => h.bag.id)).not.toContain('0-fresh-roomy');
    expect(repriced.total).toBe(after.total);
  });
});
