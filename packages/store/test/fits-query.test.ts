/**
 * The fast "fits my kit" query (sure fits counted by the database, the engine on the borderline)
 * must answer exactly what the plain way answers: the engine on every bag passing the necessary
 * condition, ordered the same way, paged the same way.
 */
import { ESSENTIALS, builtinCatalogBags, itemFromEssential, kitBounds, searchFits, verifyLayout, type CatalogBag } from '@micropurse/core';
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

describeEachDialect('findBagsThatFit', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(dialect.freshConfig());
    await store.bags.upsertMany(POPULATION.slice(53));
  });
  afterAll(async () => {
    await store.close();
  });

  it('agrees with the engine on every candidate, in order, page by page', async () => {
    await fc.assert(
      fc.asyncProperty(kitArb, fc.constantFrom('price' as const, 'volume' as const), fc.integer({ min: 0, max: 30 }), async (items, sort, offset) => {
        const fast = await findBagsThatFit(store, { filters: {}, items, sort, limit: 15, offset, perBagMs: 500 });
        const everything = await store.bags.search({ kitBounds: kitBounds(items), sort });
        const slow = searchFits(everything.bags, items, { sort: 'input', limit: 15, offset, perBagMs: 500 });
        expect(fast.total).toBe(slow.total);
        expect(fast.hits.map((h) => h.bag.id)).toEqual(slow.hits.map((h) => h.bag.id));
        for (const h of fast.hits) expect(verifyLayout(h.bag.interior, items, h.placements)).toEqual({ ok: true });
      }),
      { numRuns: 25 },
    );
  });
});
