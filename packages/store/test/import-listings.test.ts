/**
 * `micropurse import` of a dated listings file (importFeed): the market by tier and attributes,
 * stored for the trends; idempotent per file and line; every bad row reported; one transaction.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFeed, openStore, trendListingsFromStore, type Store } from '../src/index.js';
import { describeEachDialect } from './dialects.js';

const FILE = [
  'date,tier,price,currency,size,finish,wear',
  '2024-01-05,luxury,2100,EUR,micro,metallic,crossbody|belt',
  '2024-01-09,fast-fashion,29.99,USD,mini,,hand',
  '2024-02-30,luxury,1900,EUR,micro,,', // not a calendar date
  '2024-02-11,couture,99,USD,micro,,', // not a tier
  '2024-02-14,contemporary,-3,USD,small,,', // negative price
  '2024-03-01,Fast Fashion,35,usd,Micro,Glitter,Necklace;Wrist',
].join('\n');

describeEachDialect('importing a dated listings file', (d) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(d.freshConfig());
  });
  afterAll(() => store.close());

  it('keeps every good row, reports every bad one by line and column, and feeds the trends', async () => {
    const r = await importFeed(store, FILE, { source: 'market.csv', seen: '2024-04-01' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({ format: 'listings-csv', accepted: 3, updated: 0, unchanged: 0, rejected: 3, rows: 3 });
    expect(r.report.rejects.map((x) => [x.line, x.field])).toEqual([
      [4, 'date'],
      [5, 'tier'],
      [6, 'price'],
    ]);
    const listings = await trendListingsFromStore(store);
    expect(listings.map((l) => [l.date, l.tier, l.price, l.currency])).toEqual([
      ['2024-01-05', 'luxury', 2100, 'EUR'],
      ['2024-01-09', 'fast-fashion', 29.99, 'USD'],
      ['2024-03-01', 'fast-fashion', 35, 'USD'],
    ]);
    expect(listings[2]!.attributes).toEqual({ size: ['micro'], finish: ['glitter'], wear: ['necklace', 'wrist'] });
  });

  it('reports every row unchanged on a second import, and a corrected line as updated', async () => {
    const again = await importFeed(store, FILE, { source: 'market.csv', seen: '2024-04-02' });
    expect(again.ok && again.report).toMatchObject({ accepted: 0, updated: 0, unchanged: 3 });
    const corrected = FILE.replace('2024-01-09,fast-fashion,29.99', '2024-01-09,fast-fashion,24.99');
    const fixed = await importFeed(store, corrected, { source: 'market.csv', seen: '2024-04-03' });
    expect(fixed.ok && fixed.report).toMatchObject({ accepted: 0, updated: 1, unchanged: 2 });
    expect((await trendListingsFromStore(store)).map((l) => l.price)).toEqual([2100, 24.99, 35]);
    // The same rows from another file are other observations.
    const other = await importFeed(store, FILE, { source: 'other.csv', seen: '2024-04-03' });
    expect(other.ok && other.report).toMatchObject({ accepted: 3 });
    expect(await trendListingsFromStore(store)).toHaveLength(6);
  });

  it('still reads catalog feeds, and refuses a file that is neither', async () => {
    const refused = await importFeed(store, 'when,what\n2024-01-01,bag\n', { source: 'x.csv', seen: '2024-04-01' });
    expect(refused.ok).toBe(false);
    const feed = ['id,brand,model,tier,price,currency,exterior_w_mm,exterior_h_mm,exterior_d_mm', 'z1,Test,Tiny,fast-fashion,19,USD,120,90,40'].join('\n');
    const r = await importFeed(store, feed, { source: 'feed.csv', seen: '2024-04-01' });
    expect(r.ok && r.report.format).toBe('micropurse-csv');
  });
});
