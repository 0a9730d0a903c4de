import {
  BagShapeSchema,
  COLOUR_FAMILIES,
  ESSENTIALS,
  FinishSchema,
  TierSchema,
  WearModeSchema,
  builtinCatalogBags,
  itemFromEssential,
  kitBounds,
  type CatalogBag,
} from '@micropurse/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type BagSearch, type Store } from '../src/index.js';
import { catalogBagArb } from './arbitraries.js';
import { describeEachDialect } from './dialects.js';
import { searchInMemory } from './search-oracle.js';

const SEEN = '2026-03-01';
const TEXTURES = ['smooth', 'quilted', 'QUILTED', 'woven', 'sequinned', '', 'patent leather'];
const BRANDS = ['jacquemus', 'DIOR', 'Zara', 'hermès', 'Louis Vuitton', 'Nobody'];

/** The built-in bags and 150 more of micro-bag size, each with a filter-friendly vocabulary. */
const POPULATION: CatalogBag[] = [
  ...builtinCatalogBags(SEEN),
  ...fc.sample(catalogBagArb({ smallVocabulary: true, side: fc.double({ min: 5, max: 300, noNaN: true }) }), { numRuns: 150, seed: 42 }).map((b, i) => ({
    ...b,
    id: `p-${String(i).padStart(3, '0')}`,
  })),
];

const kitArb = fc
  .array(fc.record({ e: fc.constantFrom(...ESSENTIALS), quantity: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 4 })
  .map((picks) => picks.map(({ e, quantity }) => itemFromEssential(e, { quantity })));

const FILTERS = ['price_min_usd', 'price_max_usd', 'tier', 'color_family', 'texture', 'finish', 'strap_detachable', 'wear_mode', 'shape', 'brand', 'kitBounds'] as const;

const valuesArb = fc.record({
  price_min_usd: fc.double({ min: 0, max: 2000, noNaN: true }),
  price_max_usd: fc.double({ min: 0, max: 1e6, noNaN: true }),
  tier: fc.subarray([...TierSchema.options]),
  color_family: fc.subarray([...COLOUR_FAMILIES]),
  texture: fc.subarray(TEXTURES),
  finish: fc.subarray([...FinishSchema.options]),
  strap_detachable: fc.boolean(),
  wear_mode: fc.subarray([...WearModeSchema.options]),
  shape: fc.subarray([...BagShapeSchema.options]),
  brand: fc.subarray(BRANDS),
  kitBounds: kitArb.map(kitBounds),
});

/** One to three filters at a time (more would leave nothing), a sort, and sometimes a page. */
const searchArb: fc.Arbitrary<BagSearch> = fc
  .tuple(
    valuesArb,
    fc.subarray([...FILTERS], { minLength: 0, maxLength: 3 }),
    fc.option(fc.constantFrom('price' as const, 'volume' as const), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  )
  .map(([values, keys, sort, limit, offset]) => ({
    ...Object.fromEntries(keys.map((k) => [k, values[k]])),
    ...(sort === undefined ? {} : { sort }),
    ...(limit === undefined ? {} : { limit }),
    ...(offset === undefined ? {} : { offset }),
  }));

describeEachDialect('bags: search', (d) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ ...d.freshConfig(), seedDate: SEEN });
    await store.transaction(async (tx) => {
      for (const b of POPULATION.slice(53)) await tx.bags.upsert(b);
    });
  });
  afterAll(() => store.close());

  const check = async (f: BagSearch) => {
    const got = await store.bags.search(f);
    const want = searchInMemory(POPULATION, f);
    expect(got.total).toBe(want.total);
    expect(got.bags.map((b) => b.id)).toEqual(want.bags.map((b) => b.id));
    expect(got.bags).toStrictEqual(want.bags);
    return got;
  };

  it('answers every combination of filters, sort and page as the in-memory oracle does', async () => {
    let nonEmpty = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(searchArb, async (f) => {
        runs++;
        if ((await check(f)).total > 0) nonEmpty++;
      }),
      { numRuns: 150 },
    );
    // The property is only worth something if the searches find bags.
    expect(nonEmpty / runs).toBeGreaterThan(0.4);
  });

  it('applies each filter on its own, and each one narrows the catalog', async () => {
    const values: Record<(typeof FILTERS)[number], BagSearch[keyof BagSearch][]> = {
      price_min_usd: [500, 0],
      price_max_usd: [100, 1000],
      tier: [['fast-fashion'], ['luxury', 'contemporary']],
      color_family: [['pink'], ['black', 'multicolour']],
      texture: [['quilted'], ['SMOOTH', 'woven']],
      finish: [['metallic'], ['matte', 'patent']],
      strap_detachable: [true, false],
      wear_mode: [['necklace'], ['wrist', 'belt']],
      shape: [['trapezoid'], ['round', 'half-moon']],
      brand: [['JACQUEMUS'], ['Dior', 'Hermès']],
      kitBounds: [kitBounds([itemFromEssential(ESSENTIALS.find((e) => e.id === 'e03')!)]), kitBounds([itemFromEssential(ESSENTIALS.find((e) => e.id === 'e24')!)])],
    };
    for (const key of FILTERS) {
      for (const value of values[key]) {
        const r = await check({ [key]: value });
        expect(r.total, `${key}=${JSON.stringify(value)}`).toBeGreaterThan(0);
        expect(r.total, `${key}=${JSON.stringify(value)}`).toBeLessThan(POPULATION.length);
      }
    }
  });

  it('sorts by price (unpriced last) and by volume, smallest first, and pages through the whole', async () => {
    for (const sort of ['price', 'volume'] as const) {
      const all = await check({ sort });
      expect(all.total).toBe(POPULATION.length);
      const pages: string[] = [];
      for (let offset = 0; offset < all.total; offset += 17) pages.push(...(await check({ sort, limit: 17, offset })).bags.map((b) => b.id));
      expect(pages).toEqual(all.bags.map((b) => b.id));
    }
    const byPrice = (await store.bags.search({ sort: 'price' })).bags;
    const firstUnpriced = byPrice.findIndex((b) => b.price_usd === null);
    expect(firstUnpriced).toBeGreaterThan(0);
    expect(byPrice.slice(firstUnpriced).every((b) => b.price_usd === null)).toBe(true);
    expect(await store.bags.search({ offset: 1000 })).toEqual({ bags: [], total: POPULATION.length });
    expect(await store.bags.search({ limit: 0 })).toEqual({ bags: [], total: POPULATION.length });
  });

  it('refuses a malformed search, naming the field', async () => {
    await expect(store.bags.search({ limit: -1 })).rejects.toThrow(/^filters\.limit:/);
    await expect(store.bags.search({ tier: ['couture' as never] })).rejects.toThrow(/^filters\.tier\[0\]:/);
  });
});
