import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_KIT_SUBJECTS, bagHash, findEssential, itemSubject, payloadOf, subjectHash } from '@micropurse/core';
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
  /** b05's row with `segment` in slot 1 (e04's) and slot 0 left empty, written at `epoch`. */
  const write = (hash: string, segment: string, epoch: number) => s.store.badges.writeChunk({ bag_id: ['b05'], bag_hash: [hash], payload: [payloadOf(['', segment])], n: [1] }, epoch);

  it('reads a badge whose bag and subject are current, and computes over one whose bag or item has changed', async () => {
    const bag = (await s.store.bags.get('b05'))!;
    const e04 = itemSubject(findEssential('e04', 'item'));
    const current = bagHash(bag.interior);
    await s.store.badges.saveSubjects([
      { subject_id: 'e03', position: 0, hash: subjectHash(itemSubject(findEssential('e03', 'item'))), since: 1 },
      { subject_id: 'e04', position: 1, hash: subjectHash(e04), since: 2 },
      { subject_id: COMMON_KIT_SUBJECTS[0]!.id, position: 2, hash: 'an older kit', since: 1 },
    ]);
    // The engine says e04 does not fit b05 (catalog-routes.test.ts); a stored badge saying "fits"
    // shows that the route reads the store when the badge is current. Slot 0 (e03) is empty.
    await write(current, 'F0', 2);
    let body = await get('b05');
    expect(body.what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('fits');
    expect(body.what_fits.stored).toBe(1);
    // A row for an older interior is stale: the engine answers again.
    await write(bagHash({ ...bag.interior, d: bag.interior.d - 1 }), 'F0', 2);
    body = await get('b05');
    expect(body.what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('does-not-fit');
    expect(body.what_fits.stored).toBe(0);
    // A row written before the subject was last recomputed is stale for it too.
    await write(current, 'F0', 1);
    expect((await get('b05')).what_fits.stored).toBe(0);
    // So is a slot whose subject has changed since (another hash).
    await s.store.badges.saveSubjects([{ subject_id: 'e04', position: 1, hash: 'an older e04', since: 2 }]);
    await write(current, 'F0', 2);
    expect((await get('b05')).what_fits.stored).toBe(0);
    await s.store.badges.saveSubjects([{ subject_id: 'e04', position: 1, hash: subjectHash(e04), since: 2 }]);
    await write(current, 'N', 2);
    body = await get('b05');
    expect(body.what_fits.items.find((i) => i.id === 'e04')!.verdict).toBe('does-not-fit');
    expect(body.what_fits.stored).toBe(1);
  });
});
