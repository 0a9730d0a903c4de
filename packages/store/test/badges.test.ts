import pg from 'pg';
import { expect, it } from 'vitest';
import { openStore, type BadgeColumnsInput, type Store, type StoreConfig } from '../src/index.js';
import { describeEachDialect, POSTGRES_URL } from './dialects.js';

async function withStore<T>(config: StoreConfig, work: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ ...config, seedDate: '2026-03-01' });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** n badges over bags b0.. with `perBag` subjects each; `tag` changes every hash and verdict. */
function chunk(n: number, perBag: number, tag = 0): BadgeColumnsInput {
  const c = { bag_id: [] as string[], subject_id: [] as string[], hash: [] as string[], verdict: [] as number[], layout: [] as (string | null)[] };
  for (let k = 0; k < n; k++) {
    c.bag_id.push(`b${Math.floor(k / perBag)}`);
    c.subject_id.push(`e${k % perBag}`);
    c.hash.push(`h${tag}-${k}`);
    const verdict = ((k + tag) % 3) + 1;
    c.verdict.push(verdict);
    // Quotes, backslashes and commas: the array parameters must carry any text.
    c.layout.push(verdict === 1 ? `[[0,0,"whd",0,0,0,1.5,2,3]]\\,{"k":${k}}` : null);
  }
  return c;
}

const doneOf = (c: BadgeColumnsInput, hash = 'bh') => [...new Set(c.bag_id)].map((bag_id) => ({ bag_id, bag_hash: hash, subjects_hash: 'sh' }));

describeEachDialect('badges', (d) => {
  it('writes a chunk with its done marks, and a chunk written twice leaves the same rows once', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const c = chunk(25_000, 50);
      await s.badges.writeChunk(c, doneOf(c));
      await s.badges.writeChunk(c, doneOf(c));
      expect(await s.badges.count()).toBe(25_000);
      const done = await s.badges.doneBags();
      expect(done.size).toBe(500);
      expect(done.get('b7')).toEqual({ bag_id: 'b7', bag_hash: 'bh', subjects_hash: 'sh' });
      const one = await s.badges.forBag('b1');
      expect(one).toHaveLength(50);
      const e0 = one.find((b) => b.subject_id === 'e0')!;
      expect(e0).toEqual({ bag_id: 'b1', subject_id: 'e0', hash: 'h0-50', verdict: c.verdict[50], layout: c.layout[50] });
      // A newer computation replaces the row in place.
      const newer = chunk(100, 50, 1);
      await s.badges.writeChunk(newer, doneOf(newer, 'bh2'));
      expect(await s.badges.count()).toBe(25_000);
      expect((await s.badges.forBag('b1')).find((b) => b.subject_id === 'e0')!.hash).toBe('h1-50');
      expect((await s.badges.doneBags()).get('b1')!.bag_hash).toBe('bh2');
      const hashes = await s.badges.hashesFor(['b0', 'b2', 'nope']);
      expect([...hashes.keys()].sort()).toEqual(['b0', 'b2']);
      expect(hashes.get('b2')!.get('e3')).toBe('h0-103');
    });
  });

  it('writes nothing of a chunk that fails half way, not even its done marks', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const c = chunk(25_000, 50);
      // A row past the first batch of either database breaks a NOT NULL constraint.
      (c.hash as (string | null)[])[24_000] = null;
      await expect(s.badges.writeChunk(c, doneOf(c))).rejects.toThrow();
      expect(await s.badges.count()).toBe(0);
      expect((await s.badges.doneBags()).size).toBe(0);
    });
  });

  it('drops the badges of subjects no longer listed', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const c = chunk(40, 4);
      await s.badges.writeChunk(c, doneOf(c));
      expect(await s.badges.removeSubjectsNotIn(['e0', 'e2'])).toBe(20);
      expect((await s.badges.forBag('b3')).map((b) => b.subject_id)).toEqual(['e0', 'e2']);
    });
  });

  if (d.name === 'postgres') {
    it('loses nothing but the chunk when its connection is dropped mid-write, and the retry writes it whole', async () => {
      const config = d.freshConfig();
      await withStore(config, async (s) => {
        const schema = config.schema!;
        const admin = new pg.Client({ connectionString: POSTGRES_URL! });
        await admin.connect();
        try {
          // The writing connection ends itself on its first row of bag b300 (a sequence is not
          // rolled back, so only the first attempt is cut): pg_terminate_backend mid-chunk.
          await admin.query(`create sequence "${schema}".cut_once`);
          await admin.query(`create function "${schema}".cut() returns trigger language plpgsql as $$
            begin
              if new.bag_id = 'b300' and nextval('"${schema}".cut_once') = 1 then perform pg_terminate_backend(pg_backend_pid()); end if;
              return new;
            end $$`);
          await admin.query(`create trigger cut before insert on "${schema}".badges for each row execute function "${schema}".cut()`);
          const c = chunk(25_000, 50);
          await expect(s.badges.writeChunk(c, doneOf(c))).rejects.toThrow();
          expect(await s.badges.count()).toBe(0);
          expect((await s.badges.doneBags()).size).toBe(0);
          await s.badges.writeChunk(c, doneOf(c));
          expect(await s.badges.count()).toBe(25_000);
          expect((await s.badges.doneBags()).size).toBe(500);
        } finally {
          await admin.end();
        }
      });
    });
  }
});
