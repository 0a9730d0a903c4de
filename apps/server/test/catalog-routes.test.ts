import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BagShapeSchema,
  COLOUR_FAMILIES,
  ESSENTIALS,
  FinishSchema,
  TierSchema,
  WearModeSchema,
  fit,
  itemFromEssential,
  parseKit,
  verifyLayout,
  type BagSummary,
  type CatalogBag,
} from '@micropurse/core';
import { findBagsThatFit, parseFeed, type BagSearch } from '@micropurse/store';
import { cliBin, repoRoot, startTestApp, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(() => s.close());

interface Page {
  results: BagSummary[];
  total: number;
  page: number;
  limit: number;
  undecided?: number;
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await s.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
}

describe('GET /v1/bags', () => {
  it('pages through the whole catalog in price order, unpriced last', async () => {
    const { status, body } = await getJson<Page>('/v1/bags');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 53, page: 1, limit: 20 });
    expect(body.results).toHaveLength(20);
    expect(Object.keys(body.results[0]!).sort()).toEqual(['bag_id', 'brand', 'interior_derived', 'interior_mm', 'model', 'price_usd', 'shape', 'tier']);
    const ids: string[] = [];
    const prices: (number | null)[] = [];
    for (const page of [1, 2, 3]) {
      const r = await getJson<Page>(`/v1/bags?page=${page}`);
      ids.push(...r.body.results.map((b) => b.bag_id));
      prices.push(...r.body.results.map((b) => b.price_usd));
    }
    expect(ids).toEqual((await s.store.bags.search({ sort: 'price' })).bags.map((b) => b.id));
    expect(new Set(ids).size).toBe(53);
    const firstNull = prices.indexOf(null);
    const priced = prices.slice(0, firstNull === -1 ? undefined : firstNull) as number[];
    expect(priced).toEqual([...priced].sort((a, b) => a - b));
    if (firstNull !== -1) expect(prices.slice(firstNull).every((p) => p === null)).toBe(true);
  });

  it('applies every filter of the store\'s search, lists as repeated or comma-separated parameters', async () => {
    const bags = (await s.store.bags.search({})).bags;
    const vocabulary = (pick: (b: CatalogBag) => string) => [...new Set(bags.map(pick))];
    const listArb = <T extends string>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 });
    const filtersArb = fc.record(
      {
        price_min_usd: fc.integer({ min: 0, max: 3000 }),
        price_max_usd: fc.integer({ min: 0, max: 8000 }),
        tier: listArb(TierSchema.options),
        color_family: listArb(COLOUR_FAMILIES),
        texture: listArb(vocabulary((b) => b.texture)),
        finish: listArb(FinishSchema.options),
        strap_detachable: fc.boolean(),
        wear_mode: listArb(WearModeSchema.options),
        shape: listArb(BagShapeSchema.options),
        brand: listArb(vocabulary((b) => b.brand)),
        sort: fc.constantFrom('price' as const, 'volume' as const),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filtersArb, fc.boolean(), async (filters, repeat) => {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(filters)) {
          if (Array.isArray(v) && repeat) for (const x of v) q.append(k, x);
          else q.set(k, Array.isArray(v) ? v.join(',') : String(v));
        }
        q.set('limit', '100');
        const { status, body } = await getJson<Page>(`/v1/bags?${q}`);
        expect(status).toBe(200);
        const expected = await s.store.bags.search({ ...(filters as BagSearch), limit: 100 });
        expect(body.total).toBe(expected.total);
        expect(body.results.map((b) => b.bag_id)).toEqual(expected.bags.map((b) => b.id));
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('fits my kit: the bags that hold it, each with a verified layout, as `micropurse search --json` answers', async () => {
    const { status, body } = await getJson<Page>('/v1/bags?kit=e03,e20,e24&sort=volume&limit=50');
    expect(status).toBe(200);
    const items = parseKit('e03,e20,e24');
    const direct = await findBagsThatFit(s.store, { filters: {}, items, sort: 'volume', limit: 50, offset: 0 });
    expect(body.total).toBe(direct.total);
    expect(body.results.map((r) => r.bag_id)).toEqual(direct.hits.map((h) => h.bag.id));
    expect(body.total).toBeGreaterThan(5);
    for (const r of body.results) {
      expect(r.verdict).toBe('fits');
      const bag = (await s.store.bags.get(r.bag_id))!;
      const placements = r.placements!.map((p) => ({ ...p, item: items.findIndex((it) => it.name === p.name), copy: 0, orientation: 'whd' as const }));
      if (bag.interior.shape === 'box') expect(verifyLayout(bag.interior, items, placements)).toEqual({ ok: true });
    }
    const cli = spawnSync(process.execPath, [cliBin, 'search', '--kit', 'e03,e20,e24', '--sort', 'volume', '--limit', '50', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, MICROPURSE_DATA_DIR: s.dir },
    });
    expect(cli.status, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as { results: BagSummary[]; total: number };
    expect(body.results).toEqual(printed.results);
    expect(body.total).toBe(printed.total);
  });

  it('fits my kit combines with the other filters', async () => {
    const { body } = await getJson<Page>('/v1/bags?kit=lipstick,credit card x2&price_max_usd=150&tier=fast-fashion');
    expect(body.total).toBeGreaterThan(0);
    for (const r of body.results) {
      expect(r.tier).toBe('fast-fashion');
      expect(r.price_usd).not.toBeNull();
      expect(r.price_usd!).toBeLessThanOrEqual(150);
    }
  });
});

describe('GET /v1/bags/{id}', () => {
  it('gives the bag, what fits in it (as the engine says), and Product JSON-LD', async () => {
    const { status, body } = await getJson<{ bag: CatalogBag; what_fits: { items: { id: string; verdict: string }[]; kits: { name: string; verdict: string }[]; items_that_fit: number }; json_ld: Record<string, unknown> }>('/v1/bags/b05');
    expect(status).toBe(200);
    expect(body.bag).toEqual(await s.store.bags.get('b05'));
    expect(body.what_fits.items).toHaveLength(ESSENTIALS.length);
    for (const entry of body.what_fits.items) {
      const e = ESSENTIALS.find((x) => x.id === entry.id)!;
      expect(entry.verdict).toBe(fit({ bag: body.bag.interior, items: [itemFromEssential(e)], options: { timeLimitMs: 1000 } }).verdict);
    }
    expect(body.what_fits.items.find((i) => i.id === 'e03')!.verdict).toBe('fits');
    expect(body.what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('does-not-fit');
    expect(body.what_fits.items_that_fit).toBe(body.what_fits.items.filter((i) => i.verdict === 'fits').length);
    expect(body.what_fits.kits.length).toBeGreaterThanOrEqual(5);
    expect(body.what_fits.kits.find((k) => k.name === 'lipstick and cards')!.verdict).toBe('fits');
    expect(body.json_ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Louis Vuitton Nano Speedy',
      brand: { '@type': 'Brand', name: 'Louis Vuitton' },
      width: { value: 160, unitCode: 'MMT' },
      offers: { '@type': 'Offer', price: 1690, priceCurrency: 'USD' },
    });
  });

  it('writes JSON-LD that the store\'s own importer reads back to the same bag', async () => {
    for (const id of ['b05', 'b12', 'f14']) {
      const { body } = await getJson<{ bag: CatalogBag; json_ld: object }>(`/v1/bags/${id}`);
      const parsed = parseFeed(JSON.stringify(body.json_ld), { source: 'round-trip', seen: '2026-03-01' });
      expect(parsed.ok && parsed.rejects).toEqual([]);
      const draft = parsed.ok ? parsed.drafts[0]!.draft : null;
      expect(draft).toMatchObject({ brand: body.bag.brand, model: body.bag.model, exterior: body.bag.exterior, price: body.bag.price, currency: body.bag.currency });
    }
  });

  it('answers 404, naming the id, for a bag it does not have', async () => {
    const { status, body } = await getJson<{ status: number; field: string; detail: string }>('/v1/bags/no-such-bag');
    expect(status).toBe(404);
    expect(body).toMatchObject({ status: 404, field: 'id' });
    expect(body.detail).toContain('no-such-bag');
  });
});

describe('GET /v1/items', () => {
  it('lists every everyday item, and filters by category and name', async () => {
    const all = await getJson<{ items: { id: string; category: string; name: string }[]; total: number }>('/v1/items');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(ESSENTIALS.length);
    expect(all.body.items.map((i) => i.id)).toEqual(ESSENTIALS.map((e) => e.id).sort());
    const earbuds = await getJson<{ items: { category: string }[]; total: number }>('/v1/items?category=earbuds');
    expect(earbuds.body.total).toBe(ESSENTIALS.filter((e) => e.category === 'earbuds').length);
    expect(earbuds.body.items.every((i) => i.category === 'earbuds')).toBe(true);
    const named = await getJson<{ items: { name: string }[] }>('/v1/items?q=iphone 15');
    expect(named.body.items.map((i) => i.name)).toEqual(['iPhone 15', 'iPhone 15 Plus', 'iPhone 15 Pro', 'iPhone 15 Pro Max']);
  });
});
