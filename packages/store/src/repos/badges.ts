/**
 * "What fits" badges (migration 004): written a chunk at a time by `micropurse badges` and its
 * workers, read per bag by the API.
 *
 * A chunk is written in ONE transaction with the done marks of its bags, so a chunk is either all
 * there or not at all (a dropped connection, a killed worker), and writing it twice leaves the
 * same rows once (upserts on the primary key). Writes are multi-row: on PostgreSQL one
 * `insert ... select from unnest($1::text[], ...)` per batch (arrays as parameters, so no limit
 * on bound parameters and one parse a batch), on SQLite multi-row VALUES within its parameter
 * limit.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';
import { inTransaction } from './in-transaction.js';

/** A chunk's badges as columns (core computeBadges' output). */
export interface BadgeColumnsInput {
  readonly bag_id: readonly string[];
  readonly subject_id: readonly string[];
  readonly hash: readonly string[];
  readonly verdict: readonly number[];
  readonly layout: readonly (string | null)[];
}

export interface StoredBadge {
  readonly bag_id: string;
  readonly subject_id: string;
  readonly hash: string;
  /** 1 fits, 2 does not fit, 3 undecided (core FITS, TOO_SMALL, UNDECIDED). */
  readonly verdict: number;
  readonly layout: string | null;
}

export interface DoneBag {
  readonly bag_id: string;
  readonly bag_hash: string;
  readonly subjects_hash: string;
}

export interface BadgeRepository {
  /** Upserts the badges and marks the bags done, atomically. */
  writeChunk(badges: BadgeColumnsInput, done: readonly DoneBag[]): Promise<void>;
  /** Every bag's done mark, by bag id. */
  doneBags(): Promise<Map<string, DoneBag>>;
  /** The stored hash of each badge of these bags: bag id -> subject id -> hash. */
  hashesFor(bagIds: readonly string[]): Promise<Map<string, Map<string, string>>>;
  /** Drops the badges of subjects not in the list (a device dropped from it); returns how many. */
  removeSubjectsNotIn(subjectIds: readonly string[]): Promise<number>;
  /** One bag's badges, by subject id. */
  forBag(bagId: string): Promise<StoredBadge[]>;
  count(): Promise<number>;
}

/** Rows per PostgreSQL statement: arrays as parameters, so only memory bounds it. */
const PG_BATCH = 20_000;
/** Rows per SQLite statement: 5 parameters each, under SQLite's 32,766. */
const SQLITE_BATCH = 6_000;
const IDS = 500;

export function badgeRepository(db: Kysely<Database>, atomic: boolean): BadgeRepository {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async writeChunk(b, done) {
      await inTransaction(db, atomic, async (tx) => {
        // Safe to lose on a crash: the badges and their bags' done marks go together, and a lost
        // chunk is planned again. Saves a WAL flush wait per chunk.
        if (postgres) await sql`set local synchronous_commit to off`.execute(tx);
        const n = b.bag_id.length;
        const step = postgres ? PG_BATCH : SQLITE_BATCH;
        for (let i = 0; i < n; i += step) {
          const j = Math.min(n, i + step);
          if (postgres) {
            await sql`insert into badges (bag_id, subject_id, hash, verdict, layout)
              select * from unnest(${b.bag_id.slice(i, j)}::text[], ${b.subject_id.slice(i, j)}::text[], ${b.hash.slice(i, j)}::text[],
                ${b.verdict.slice(i, j)}::smallint[], ${b.layout.slice(i, j)}::text[])
              on conflict (bag_id, subject_id) do update set hash = excluded.hash, verdict = excluded.verdict, layout = excluded.layout`.execute(tx);
          } else {
            const rows = [];
            for (let k = i; k < j; k++) rows.push({ bag_id: b.bag_id[k]!, subject_id: b.subject_id[k]!, hash: b.hash[k]!, verdict: b.verdict[k]!, layout: b.layout[k] ?? null });
            await tx
              .insertInto('badges')
              .values(rows)
              .onConflict((oc) =>
                oc.columns(['bag_id', 'subject_id']).doUpdateSet((eb) => ({ hash: eb.ref('excluded.hash'), verdict: eb.ref('excluded.verdict'), layout: eb.ref('excluded.layout') })),
              )
              .execute();
          }
        }
        for (let i = 0; i < done.length; i += 2_000) {
          await tx
            .insertInto('badge_bags')
            .values(done.slice(i, i + 2_000).map((d) => ({ bag_id: d.bag_id, bag_hash: d.bag_hash, subjects_hash: d.subjects_hash })))
            .onConflict((oc) => oc.column('bag_id').doUpdateSet((eb) => ({ bag_hash: eb.ref('excluded.bag_hash'), subjects_hash: eb.ref('excluded.subjects_hash') })))
            .execute();
        }
      });
    },

    async doneBags() {
      const rows = await db.selectFrom('badge_bags').selectAll().execute();
      return new Map(rows.map((r) => [r.bag_id, r]));
    },

    async hashesFor(bagIds) {
      const out = new Map<string, Map<string, string>>();
      for (let i = 0; i < bagIds.length; i += IDS) {
        const rows = await db.selectFrom('badges').select(['bag_id', 'subject_id', 'hash']).where('bag_id', 'in', bagIds.slice(i, i + IDS)).execute();
        for (const r of rows) {
          let m = out.get(r.bag_id);
          if (!m) out.set(r.bag_id, (m = new Map()));
          m.set(r.subject_id, r.hash);
        }
      }
      return out;
    },

    async removeSubjectsNotIn(subjectIds) {
      if (subjectIds.length === 0) return Number((await db.deleteFrom('badges').executeTakeFirst()).numDeletedRows);
      const r = await db.deleteFrom('badges').where('subject_id', 'not in', [...subjectIds]).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async forBag(bagId) {
      const rows = await db.selectFrom('badges').selectAll().where('bag_id', '=', bagId).orderBy('subject_id').execute();
      // PostgreSQL hands smallint over as a number already; SQLite too. Normalised for safety.
      return rows.map((r) => ({ ...r, verdict: Number(r.verdict) }));
    },

    async count() {
      const r = await db
        .selectFrom('badges')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
