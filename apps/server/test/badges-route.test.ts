import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FITS, TOO_SMALL, badgeHash, bagHash, findEssential, itemSubject, subjectHash } from '@micropurse/core';
import { startTestApp, type TestServer } from './helpers.js';

interface Detail {
  what_fits: { items: { id: string; verdict: string }[]; items_that_fit: number; stored?: number };
}

describe('GET /v1/bags/{id} with stored badges', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestApp();
  });
  afterAll(async () => s.close());

  const get = async (id: string) => JSON.parse((await s.app.inject({ method: 'GET', url: `/v1/bags/${id}` })).body) as Detail;

  it('reads a badge whose hash is current, and computes over one whose bag or item has changed', async () => {
    const bag = (await s.store.bags.get('b05'))!;
    const e04 = itemSubject(findEssential('e04', 'item'));
    // The engine says e04 does not fit b05 (catalog-routes.test.ts); a stored badge saying "fits"
    // shows that the route reads the store when the badge is current.
    const current = badgeHash(bagHash(bag.interior), subjectHash(e04));
    await s.store.badges.writeChunk({ bag_id: ['b05'], subject_id: ['e04'], hash: [current], verdict: [FITS], layout: [null] }, []);
    let body = await get('b05');
    expect(body.what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('fits');
    expect(body.what_fits.stored).toBe(1);
    // A badge for an older interior is stale: the engine answers again.
    const stale = badgeHash(bagHash({ ...bag.interior, d: bag.interior.d - 1 }), subjectHash(e04));
    await s.store.badges.writeChunk({ bag_id: ['b05'], subject_id: ['e04'], hash: [stale], verdict: [FITS], layout: [null] }, []);
    body = await get('b05');
    expect(body.what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('does-not-fit');
    expect(body.what_fits.stored).toBe(0);
    await s.store.badges.writeChunk({ bag_id: ['b05'], subject_id: ['e04'], hash: [current], verdict: [TOO_SMALL], layout: [null] }, []);
    expect((await get('b05')).what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('does-not-fit');
  });
});
