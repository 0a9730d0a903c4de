import { Kysely } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import type { BadgeRowsInput } from '../src/index.js';
import { dialectSetup } from '../src/store.js';
import { describeEachDialect, POSTGRES_URL, withStore } from './dialects.js';

/** Rows for bags b0..b(n-1), 50 badges each; `tag` changes every hash and payload. */
function chunk(n: number, tag = 0): BadgeRowsInput {
  const c = { bag_id: [] as string[], bag_hash: [] as string[], payload: [] as string[], n: [] as number[] };
  for (let k = 0; k < n; k++) {
    c.bag_id.push(`b${k}`);
    c.bag_hash.push(`h${tag}-${k}`);
    // Quotes, backslashes, commas and braces: the array parameters must carry any text.
    c.payload.push(`Fwhd@1.5,2,${k}|N|F[[0,0,"whd",0,0,0,1.5,2,3]]\\,{"k":${k}}|U|${tag}`);
    c.n.push(50);
  }
  return c;
}

describeEachDialect('badges', (d) => {
  it('writes a chunk of bag rows, and a chunk written twice leaves the same rows once', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const c = chunk(2_500);
      await s.badges.writeChunk(c, 3);
      await s.badges.writeChunk(c, 3);
      expect(await s.badges.count()).toBe(2_500 * 50);
      const marks = await s.badges.marks();
      expect(marks.size).toBe(2_500);
      expect(marks.get('b7')).toEqual({ bag_hash: 'h0-7', epoch: 3 });
      expect(await s.badges.forBag('b1')).toEqual({ bag_id: 'b1', bag_hash: 'h0-1', epoch: 3, n: 50, payload: c.payload[1] });
      expect(await s.badges.forBag('nope')).toBeNull();
      // A newer computation replaces the row in place.
      const newer = chunk(100, 1);
      await s.badges.writeChunk({ ...newer, n: newer.n.map(() => 40) }, 4);
      expect(await s.badges.count()).toBe(2_400 * 50 + 100 * 40);
      expect((await s.badges.forBag('b1'))!.payload).toBe(newer.payload[1]);
      expect((await s.badges.marks()).get('b1')).toEqual({ bag_hash: 'h1-1', epoch: 4 });
      const payloads = await s.badges.payloads(['b0', 'b2000', 'nope']);
      expect([...payloads.keys()].sort()).toEqual(['b0', 'b2000']);
      expect(payloads.get('b2000')).toBe(c.payload[2000]);
    });
  });

  it('reads the bags for the planner page by page in id order, with their rows\' marks', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const ids = (await s.bags.search({ limit: 1_000 })).bags.map((b) => b.id).sort();
      expect(ids.length).toBeGreaterThan(2);
      const [first, second] = ids as [string, string];
      await s.badges.writeChunk({ bag_id: [second], bag_hash: ['h-second'], payload: ['N'], n: [1] }, 7);
      // Pages of 7 (the last one short), each after the last id of the one before.
      const planned = [];
      for (let page = await s.badges.plannedBags(null, 7); page.length > 0; page = await s.badges.plannedBags(page.at(-1)!.id, 7)) {
        expect(page.length).toBeLessThanOrEqual(7);
        planned.push(...page);
      }
      expect(planned.map((b) => b.id)).toEqual(ids);
      expect(planned.find((b) => b.id === second)!.mark).toEqual({ bag_hash: 'h-second', epoch: 7 });
      expect(planned.find((b) => b.id === first)!.mark).toBeNull();
      const bag = (await s.bags.get(first))!;
      expect(planned[0]!.interior).toEqual(bag.interior);
    });
  });

  it('stores any text: separators, an empty payload, quotes and braces come back as written', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const odd = { bag_id: ['a\x1fb', 'c', 'd'], bag_hash: ['h1', 'h2', 'h3'], payload: ['', 'x\x1fy', '{"q":"\\"}'], n: [0, 1, 2] };
      await s.badges.writeChunk(odd, 4);
      for (let k = 0; k < 3; k++) expect(await s.badges.forBag(odd.bag_id[k]!)).toEqual({ bag_id: odd.bag_id[k], bag_hash: odd.bag_hash[k], epoch: 4, n: odd.n[k], payload: odd.payload[k] });
      // One row alone with an empty payload is one row, not none.
      await s.badges.writeChunk({ bag_id: ['e'], bag_hash: ['h4'], payload: [''], n: [0] }, 4);
      expect(await s.badges.forBag('e')).toMatchObject({ payload: '' });
    });
  });

  it('writes nothing of a chunk that fails half way', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const c = chunk(2_500);
      // A row past the first batch of either database breaks a NOT NULL constraint.
      (c.payload as (string | null)[])[2_400] = null;
      await expect(s.badges.writeChunk(c, 1)).rejects.toThrow();
      expect(await s.badges.count()).toBe(0);
      expect((await s.badges.marks()).size).toBe(0);
    });
  });

  it('deletes the rows of the old payload form on migrating to 006, keeping the subject slots', async () => {
    const config = d.freshConfig();
    await withStore(config, async (s) => {
      await s.badges.writeChunk(chunk(3), 1);
      await s.badges.saveSubjects([{ subject_id: 'e01', position: 0, hash: 'h', since: 1 }]);
    });
    // Back to a store that has not run 006 yet, old rows in it.
    const setup = dialectSetup(config);
    const db = new Kysely<{ kysely_migration: { name: string } }>({ dialect: setup.dialect });
    try {
      const scoped = setup.schema === undefined ? db : db.withSchema(setup.schema);
      await scoped.deleteFrom('kysely_migration').where('name', '=', '006_badge_payload_slots').execute();
    } finally {
      await db.destroy();
    }
    await withStore(config, async (s) => {
      expect(s.setup.migrated).toEqual(['006_badge_payload_slots']);
      expect(await s.badges.count()).toBe(0);
      expect(await s.badges.subjects()).toEqual([{ subject_id: 'e01', position: 0, hash: 'h', since: 1 }]);
    });
  });

  it('keeps the subject slots, updating them in place', async () => {
    await withStore(d.freshConfig(), async (s) => {
      expect(await s.badges.subjects()).toEqual([]);
      await s.badges.saveSubjects([
        { subject_id: 'e1', position: 1, hash: 'a', since: 1 },
        { subject_id: 'e0', position: 0, hash: 'b', since: 1 },
      ]);
      await s.badges.saveSubjects([{ subject_id: 'e1', position: 1, hash: '', since: 2 }]);
      expect(await s.badges.subjects()).toEqual([
        { subject_id: 'e0', position: 0, hash: 'b', since: 1 },
        { subject_id: 'e1', position: 1, hash: '', since: 2 },
      ]);
      // A position belongs to one subject.
      await expect(s.badges.saveSubjects([{ subject_id: 'e2', position: 0, hash: 'c', since: 3 }])).rejects.toThrow();
    });
  });

  if (d.name === 'postgres') {
    // A chunk of two batches (a transaction of two statements), and one of a single statement.
    for (const { bags, cut } of [
      { bags: 2_500, cut: 'b2300' },
      { bags: 150, cut: 'b120' },
    ]) {
      it(`loses nothing but the chunk when its connection is dropped mid-write, and the retry writes it whole (${bags} bags)`, async () => {
        const config = d.freshConfig();
        await withStore(config, async (s) => {
          const schema = config.schema!;
          const admin = new pg.Client({ connectionString: POSTGRES_URL! });
          await admin.connect();
          try {
            // The writing connection ends itself on the row of bag `cut`, late in the chunk (a
            // sequence is not rolled back, so only the first attempt is cut): pg_terminate_backend mid-chunk.
            await admin.query(`create sequence "${schema}".cut_once`);
            await admin.query(`create function "${schema}".cut() returns trigger language plpgsql as $$
              begin
                if new.bag_id = '${cut}' and nextval('"${schema}".cut_once') = 1 then perform pg_terminate_backend(pg_backend_pid()); end if;
                return new;
              end $$`);
            await admin.query(`create trigger cut before insert on "${schema}".badges for each row execute function "${schema}".cut()`);
            const c = chunk(bags);
            await expect(s.badges.writeChunk(c, 1)).rejects.toThrow();
            expect(await s.badges.count()).toBe(0);
            expect((await s.badges.marks()).size).toBe(0);
            await s.badges.writeChunk(c, 1);
            expect(await s.badges.count()).toBe(bags * 50);
            expect((await s.badges.marks()).size).toBe(bags);
          } finally {
            await admin.end();
          }
        });
      });
    }
  }
});
