import { bagTrendAttributes, builtinCatalogBags, parseTrendQuery, adoption } from '@micropurse/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, trendListingsFromStore, type Store } from '../src/index.js';
import { describeEachDialect } from './dialects.js';

const SEEN = '2024-01-15';

describeEachDialect('trend listings from the store', (d) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ ...d.freshConfig(), seedDate: SEEN });
  });
  afterAll(() => store.close());

  it('has none in a new store: the seed records no listings', async () => {
    expect(await trendListingsFromStore(store)).toEqual([]);
  });

  it("joins each listing with its bag's tier and trend attributes, by date", async () => {
    // b02 Le Petit Chiquito (luxury, 29 cm³: micro), c04 Serena (contemporary, mini), f07 (fast fashion, small, metallic).
    const add = (bag_id: string, date: string, price: number, currency: string) => store.listings.add({ bag_id, date, price, currency, price_usd: null, source: 'test' });
    await add('f07', '2024-03-02', 49.9, 'USD');
    await add('b02', '2024-02-10', 275, 'USD');
    await add('b02', '2024-03-01', 260, 'EUR');
    await add('c04', '2024-02-20', 150, 'USD');
    const listings = await trendListingsFromStore(store);
    expect(listings.map((l) => [l.date, l.tier, l.price, l.currency, l.attributes['size']![0]])).toEqual([
      ['2024-02-10', 'luxury', 275, 'USD', 'micro'],
      ['2024-02-20', 'contemporary', 150, 'USD', 'mini'],
      ['2024-03-01', 'luxury', 260, 'EUR', 'micro'],
      ['2024-03-02', 'fast-fashion', 49.9, 'USD', 'small'],
    ]);
    const bags = new Map(builtinCatalogBags(SEEN).map((b) => [b.id, b]));
    expect(listings[3]!.attributes).toEqual(bagTrendAttributes(bags.get('f07')!));
    expect(listings[3]!.attributes['finish']).toEqual(['metallic']);
    expect(listings[0]!.attributes['wear']).toEqual(['hand', 'crossbody', 'necklace', 'bag-charm']);
    // What the trends then read: micro is all of luxury's listings, none of the others'.
    const curves = adoption(listings, parseTrendQuery('size=micro'));
    expect(curves.map((c) => c.points.map((p) => p.share))).toEqual([
      [1, 1],
      [0, null],
      [null, 0],
    ]);
  });
});
