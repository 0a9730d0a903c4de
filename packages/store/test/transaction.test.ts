import { ESSENTIALS, GARMENTS, builtinCatalogBags } from '@micropurse/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Repositories, type Store } from '../src/index.js';
import { describeEachDialect } from './dialects.js';
import { snapshot } from './snapshot.js';

const SEEN = '2026-03-01';
const [first, second] = builtinCatalogBags(SEEN);

/** A bit of everything: a new bag, a changed one, listings, an item and a garment. */
async function writeSome(tx: Repositories): Promise<void> {
  await tx.bags.upsert({ ...first!, id: 'tx-new', wear_modes: ['wrist'], finish: ['glitter'] });
  await tx.bags.upsert({ ...second!, price: 1, price_usd: 1, wear_modes: [], finish: [] });
  await tx.listings.add({ bag_id: 'tx-new', date: SEEN, price: 5, currency: 'EUR', price_usd: 5.5, source: 'tx' });
  await tx.listings.add({ bag_id: second!.id, date: SEEN, price: 1, currency: 'USD', price_usd: 1, source: 'tx' });
  await tx.items.upsert({ ...ESSENTIALS[0]!, name: 'renamed in a transaction' });
  await tx.garments.upsert({ ...GARMENTS[0]!, id: 'g99' });
}

describeEachDialect('transactions', (d) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ ...d.freshConfig(), seedDate: SEEN });
  });
  afterAll(() => store.close());

  it('roll back everything when the work throws, and pass the error on', async () => {
    const before = await snapshot(store);
    let seenInside: Awaited<ReturnType<typeof snapshot>> | null = null;
    await expect(
      store.transaction(async (tx) => {
        await writeSome(tx);
        seenInside = await snapshot(tx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // The writes were there inside the transaction...
    expect(seenInside!.count).toBe(before.count + 1);
    expect(seenInside!.listings).toHaveLength(2);
    // ...and nothing of them is left.
    expect(await snapshot(store)).toStrictEqual(before);
  });

  it('roll back when a database statement fails half-way (a listing for an unknown bag)', async () => {
    const before = await snapshot(store);
    await expect(
      store.transaction(async (tx) => {
        await writeSome(tx);
        await tx.listings.add({ bag_id: 'no-such-bag', date: SEEN, price: 1, currency: 'USD', price_usd: 1, source: 'tx' });
      }),
    ).rejects.toThrow();
    expect(await snapshot(store)).toStrictEqual(before);
  });

  it('commit everything when the work succeeds, and return its value', async () => {
    const before = await snapshot(store);
    expect(await store.transaction(async (tx) => (await writeSome(tx), 'done'))).toBe('done');
    const after = await snapshot(store);
    expect(after.count).toBe(before.count + 1);
    expect(await store.bags.get('tx-new')).toMatchObject({ wear_modes: ['wrist'], finish: ['glitter'] });
    expect((await store.bags.get(second!.id))!.price).toBe(1);
    expect(after.listings).toHaveLength(2);
    expect((await store.items.all()).find((i) => i.id === ESSENTIALS[0]!.id)!.name).toBe('renamed in a transaction');
    expect(after.garments).toHaveLength(31);
  });

  it('records a listing once: the same observation again is not new', async () => {
    const l = { bag_id: first!.id, date: '2026-04-01', price: 99.5, currency: 'GBP', price_usd: 127.36, source: 'shop' };
    expect(await store.listings.add(l)).toBe(true);
    expect(await store.listings.add(l)).toBe(false);
    expect(await store.listings.add({ ...l, price: 89.5 })).toBe(true);
    expect(await store.listings.forBag(first!.id)).toEqual([{ ...l, price: 89.5 }, l]);
  });
});
