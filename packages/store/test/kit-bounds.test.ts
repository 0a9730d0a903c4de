/**
 * The "fits my kit" prefilter is a necessary condition: it may keep a bag the kit does not fit,
 * never drop one it fits. Checked two ways: against each item alone in the interior's bounding
 * box (every orientation tried), and against the fit engine itself.
 */
import {
  ESSENTIALS,
  EPS,
  VOLUME_REL_EPS,
  builtinCatalogBags,
  effectiveInterior,
  fit,
  itemFromEssential,
  kitBounds,
  squeezedDims,
  type CatalogBag,
  type Item,
} from '@micropurse/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { catalogBagArb } from './arbitraries.js';
import { describeEachDialect } from './dialects.js';

const SEEN = '2026-03-01';
const BUILTIN = builtinCatalogBags(SEEN);
const POPULATION: CatalogBag[] = [
  ...BUILTIN,
  ...fc.sample(catalogBagArb({ side: fc.double({ min: 5, max: 250, noNaN: true }) }), { numRuns: 120, seed: 7 }).map((b, i) => ({ ...b, id: `k-${String(i).padStart(3, '0')}` })),
];

const kitArb = fc
  .array(fc.record({ e: fc.constantFrom(...ESSENTIALS), quantity: fc.integer({ min: 1, max: 3 }), withCase: fc.boolean() }), { minLength: 1, maxLength: 4 })
  .map((picks) => picks.map(({ e, quantity, withCase }) => itemFromEssential(e, { quantity, withCase: withCase && e.category === 'phone' })));

const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
] as const;

/** Each item, squeezed as far as it may be, fits alone in some orientation, and the kit's volume fits the box. */
function holdsEachAlone(bag: CatalogBag, items: readonly Item[]): boolean {
  const e = effectiveInterior(bag.interior);
  const box = [e.w, e.h, e.d];
  const eachAlone = items.every((it) => {
    const dims = squeezedDims(it);
    return PERMUTATIONS.some((p) => p.every((axis, i) => dims[axis]! <= box[i]! + EPS));
  });
  const volume = items.reduce((v, it) => v + it.quantity * squeezedDims(it).reduce((a, b) => a * b, 1), 0);
  return eachAlone && volume <= e.w * e.h * e.d * (1 + VOLUME_REL_EPS);
}

describeEachDialect('bags: the kit prefilter', (d) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ ...d.freshConfig(), seedDate: SEEN });
    await store.transaction(async (tx) => {
      for (const b of POPULATION.slice(BUILTIN.length)) await tx.bags.upsert(b);
    });
  });
  afterAll(() => store.close());

  it('never excludes a bag whose interior box holds each item alone and the kit volume, and keeps no other', async () => {
    await fc.assert(
      fc.asyncProperty(kitArb, async (items) => {
        const kept = new Set((await store.bags.search({ kitBounds: kitBounds(items) })).bags.map((b) => b.id));
        for (const bag of POPULATION) expect(kept.has(bag.id), bag.id).toBe(holdsEachAlone(bag, items));
      }),
      { numRuns: 60 },
    );
  });

  it('never excludes a built-in bag the fit engine fills', async () => {
    let excluded = 0;
    await fc.assert(
      fc.asyncProperty(kitArb, async (items) => {
        const kept = new Set((await store.bags.search({ kitBounds: kitBounds(items) })).bags.map((b) => b.id));
        for (const bag of BUILTIN.filter((b) => !kept.has(b.id))) {
          excluded++;
          const verdict = fit({ bag: bag.interior, items, options: { timeLimitMs: 200, nodeLimit: 20_000 } }).verdict;
          expect(verdict, `${bag.id} was excluded`).not.toBe('fits');
        }
      }),
      { numRuns: 20, seed: 3 },
    );
    // Bags were excluded, or the check checks nothing.
    expect(excluded).toBeGreaterThan(100);
  });
});
