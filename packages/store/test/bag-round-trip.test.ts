import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { catalogBagArb } from './arbitraries.js';
import { describeEachDialect } from './dialects.js';

describeEachDialect('bags: what goes in comes out', (d) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ ...d.freshConfig(), seedDate: '2026-03-01' });
  });
  afterAll(() => store.close());

  it('gives back every field of any valid catalog bag, exactly (numbers to the bit, absent fields absent)', async () => {
    await fc.assert(
      fc.asyncProperty(catalogBagArb(), async (bag) => {
        await store.bags.upsert(bag);
        expect(await store.bags.get(bag.id)).toStrictEqual(bag);
      }),
      { numRuns: 100 },
    );
  });

  it('replaces a bag wholly on a second upsert: no wear mode or finish of the first is left', async () => {
    await fc.assert(
      fc.asyncProperty(catalogBagArb(), catalogBagArb(), async (first, second) => {
        const id = 'replaced';
        await store.bags.upsert({ ...first, id });
        await store.bags.upsert({ ...second, id });
        expect(await store.bags.get(id)).toStrictEqual({ ...second, id });
      }),
      { numRuns: 25 },
    );
  });

  it('writes many bags at once as one upsert after another would: the last of an id wins', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(catalogBagArb({ id: fc.constantFrom('m1', 'm2', 'm3') }), { minLength: 1, maxLength: 6 }), async (bags) => {
        await store.bags.upsertMany(bags);
        for (const id of new Set(bags.map((b) => b.id))) expect(await store.bags.get(id)).toStrictEqual(bags.findLast((b) => b.id === id));
      }),
      { numRuns: 20 },
    );
  });

  it('answers null for an unknown id and refuses an invalid bag, naming the field', async () => {
    expect(await store.bags.get('no-such-bag')).toBeNull();
    const [bag] = fc.sample(catalogBagArb(), { numRuns: 1, seed: 1 });
    await expect(store.bags.upsert({ ...bag!, color_hex: 'pink' })).rejects.toThrow(/^bag\.color_hex:/);
    await expect(store.bags.upsert({ ...bag!, exterior: { w: -1, h: 1, d: 1 } })).rejects.toThrow(/^bag\.exterior\.w:/);
  });
});
