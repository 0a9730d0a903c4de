import { BagDraftSchema, type BagDraft, type BagDraftInput } from '@micropurse/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importDrafts, openStore, type Store } from '../src/index.js';
import { describeEachDialect } from './dialects.js';
import { snapshot } from './snapshot.js';

const SOURCE = 'shop-feed.tsv';

function draft(sku: string, over: Partial<BagDraftInput> = {}): BagDraft {
  return BagDraftSchema.parse({
    brand: 'Minibag Co',
    model: `Model ${sku}`,
    price: 120,
    currency: 'EUR',
    exterior: { w: 150, h: 100, d: 50 },
    shape: 'box',
    closure: 'zip',
    strap: 'detachable',
    wear_modes: ['crossbody', 'hand'],
    material: 'satin',
    color_name: 'pink',
    texture: 'smooth',
    source: SOURCE,
    sku,
    seen: '2026-05-01',
    ...over,
  });
}

const FEED = [draft('A1'), draft('A2', { price: 45, currency: 'GBP' }), draft('A3', { price: null, currency: null }), draft('A4', { tier: 'luxury' })];
const PARSER_REJECTS = [{ line: 3, id: null, field: 'price', reason: 'is not a number' }];

describeEachDialect('importing drafts', (d) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ ...d.freshConfig(), seedDate: '2026-03-01' });
  });
  afterEach(() => store.close());

  it('adds new bags first and last seen on the feed date, with a listing for each price', async () => {
    const r = await importDrafts(store, FEED, PARSER_REJECTS, { source: SOURCE });
    expect(r).toEqual({ accepted: 4, updated: 0, unchanged: 0, rejected: 1, rejects: PARSER_REJECTS });
    expect(await store.bags.count()).toBe(53 + 4);
    const a2 = (await store.bags.search({ brand: ['minibag co'], sort: 'price' })).bags.find((b) => b.sku === 'A2')!;
    expect(a2).toMatchObject({ first_seen: '2026-05-01', last_seen: '2026-05-01', price: 45, currency: 'GBP', source: SOURCE });
    expect(await store.listings.forBag(a2.id)).toEqual([{ bag_id: a2.id, date: '2026-05-01', price: 45, currency: 'GBP', price_usd: a2.price_usd, source: SOURCE }]);
    const a3 = (await store.bags.search({ brand: ['Minibag Co'] })).bags.find((b) => b.sku === 'A3')!;
    expect(await store.listings.forBag(a3.id)).toEqual([]);
  });

  it('is idempotent: the same feed again reports every row unchanged and writes nothing', async () => {
    await importDrafts(store, FEED, [], { source: SOURCE });
    const before = await snapshot(store);
    const r = await importDrafts(store, FEED, [], { source: SOURCE });
    expect(r).toEqual({ accepted: 0, updated: 0, unchanged: FEED.length, rejected: 0, rejects: [] });
    expect(await snapshot(store)).toStrictEqual(before);
  });

  it('updates a bag whose price changed (price, last seen) and records one listing', async () => {
    await importDrafts(store, FEED, [], { source: SOURCE });
    const id = (await store.bags.search({ brand: ['minibag co'] })).bags.find((b) => b.sku === 'A1')!.id;
    const first = (await store.bags.get(id))!;
    const changed = FEED.map((f) => (f.sku === 'A1' ? { ...f, price: 99, seen: '2026-06-01' } : f));
    const r = await importDrafts(store, changed, [], { source: SOURCE });
    expect(r).toMatchObject({ accepted: 0, updated: 1, unchanged: 3 });
    const now = (await store.bags.get(id))!;
    expect(now).toStrictEqual({ ...first, price: 99, price_usd: now.price_usd, last_seen: '2026-06-01' });
    expect(now.price_usd).not.toBe(first.price_usd);
    expect((await store.listings.forBag(id)).map((l) => [l.date, l.price])).toEqual([
      ['2026-05-01', 120],
      ['2026-06-01', 99],
    ]);
  });

  it('rejects the later row of a duplicate SKU, reports it, and stores the first only', async () => {
    const dup = draft('A1', { model: 'Another name', price: 1 });
    const lined = [...FEED, dup].map((draft, i) => ({ line: [2, 4, 5, 6, 7][i]!, draft }));
    const r = await importDrafts(store, lined, PARSER_REJECTS, { source: SOURCE });
    expect(r.accepted).toBe(4);
    expect(r.rejected).toBe(2);
    expect(r.rejects).toEqual([PARSER_REJECTS[0], { line: 7, id: 'A1', field: 'sku', reason: 'duplicate sku' }]);
    const a1 = (await store.bags.search({ brand: ['minibag co'] })).bags.filter((b) => b.sku === 'A1');
    expect(a1).toHaveLength(1);
    expect(a1[0]).toMatchObject({ model: 'Model A1', price: 120 });
    // Rows without SKUs are told apart by id.
    const noSku = [draft('x', { id: 'own-1', sku: null }), draft('y', { id: 'own-1', sku: null, price: 5 })];
    const r2 = await importDrafts(store, noSku, [], { source: SOURCE });
    expect(r2).toMatchObject({ accepted: 1, rejected: 1, rejects: [{ line: 2, id: 'own-1', field: 'id', reason: 'duplicate id' }] });
    expect((await store.bags.get('own-1'))!.price).toBe(120);
  });

  it('rolls everything back when something throws mid-import: the store is as it was', async () => {
    await importDrafts(store, FEED.slice(0, 2), [], { source: SOURCE });
    const before = await snapshot(store);
    const changed = FEED.map((f) => ({ ...f, price: 10, seen: '2026-07-01' }));
    const progress: number[] = [];
    const failing = importDrafts(store, changed, [], {
      source: SOURCE,
      onProgress: (done, total) => {
        progress.push(done);
        expect(total).toBe(4);
        if (done === 3) throw new Error('interrupted');
      },
    });
    await expect(failing).rejects.toThrow('interrupted');
    expect(progress).toEqual([1, 2, 3]);
    expect(await snapshot(store)).toStrictEqual(before);
  });

  it('keeps the newer data when an older feed comes in late, but its price as history', async () => {
    await importDrafts(store, [draft('A1', { price: 130, seen: '2026-06-01' })], [], { source: SOURCE });
    const r = await importDrafts(store, [draft('A1', { price: 110, seen: '2026-04-01' })], [], { source: SOURCE });
    expect(r).toMatchObject({ updated: 1, unchanged: 0 });
    const bag = (await store.bags.search({ brand: ['minibag co'] })).bags[0]!;
    expect(bag).toMatchObject({ price: 130, first_seen: '2026-06-01', last_seen: '2026-06-01' });
    expect((await store.listings.forBag(bag.id)).map((l) => [l.date, l.price])).toEqual([
      ['2026-04-01', 110],
      ['2026-06-01', 130],
    ]);
  });
});
