/**
 * "What fits" badges (migration 004): one row per bag, written a chunk of bags at a time by
 * `micropurse badges` and its workers, read per bag by the API; and the subject slots table.
 *
 * A chunk is written in ONE transaction (on PostgreSQL a chunk of up to PG_BATCH bags is a single
 * statement, its own transaction), so it is either all there or not at all (a dropped
 * connection, a killed worker), and writing it twice leaves the same rows once (upserts on the
 * bag id). Writes are multi-row: on PostgreSQL one `insert ... select from unnest(...)` per batch
 * (each column one parameter, so no limit on bound parameters and one parse a batch), on SQLite
 * multi-row VALUES within its parameter limit.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Interior } from '@micropurse/core';
import type { Database } from '../schema/tables.js';
import { INTERIOR_COLUMNS, interiorFromRow } from './bag-row.js';
import { inTransaction } from './in-transaction.js';

/** A chunk's rows as columns (core computeBadges' output). */
export interface BadgeRowsInput {
  readonly bag_id: readonly string[];
  readonly bag_hash: readonly string[];
  readonly payload: readonly string[];
  readonly n: readonly number[];
}

export interface StoredBagRow {
  readonly bag_id: string;
  readonly bag_hash: string;
  readonly epoch: number;
  readonly n: number;
  readonly payload: string;
}

/** A bag row without its payload: what the planner needs to skip it or not. */
export interface BagMark {
  readonly bag_hash: string;
  readonly epoch: number;
}

/** A bag as the planner reads it: its interior, and its badge row's mark when it has one. */
export interface PlannedBag {
  readonly id: string;
  readonly interior: Interior;
  readonly mark: BagMark | null;
}

export interface BadgeSubjectRow {
  readonly subject_id: string;
  readonly position: number;
  readonly hash: string;
  readonly since: number;
}

export interface BadgeRepository {
  /** Upserts the rows of a chunk of bags, written at `epoch`, atomically. */
  writeChunk(rows: BadgeRowsInput, epoch: number): Promise<void>;
  /** Every bag row's hash and epoch, by bag id. */
  marks(): Promise<Map<string, BagMark>>;
  /**
   * A page of the catalog's bags in id order (the first `limit` after the id `after`, or from the
   * start), each with its row's mark: the planner reads the catalog page by page, so that chunks
   * go out before the last page is read.
   */
  plannedBags(after: string | null, limit: number): Promise<PlannedBag[]>;
  /** The payloads of these bags, by bag id (absent when a bag has no row). */
  payloads(bagIds: readonly string[]): Promise<Map<string, string>>;
  /** The subject slots, by position. */
  subjects(): Promise<BadgeSubjectRow[]>;
  /** Upserts subject slots (on the subject id), in one transaction. */
  saveSubjects(rows: readonly BadgeSubjectRow[]): Promise<void>;
  /** One bag's row, or null. */
  forBag(bagId: string): Promise<StoredBagRow | null>;
  /** Badges stored: the sum of the rows' counts. */
  count(): Promise<number>;
}

/** Rows per PostgreSQL statement: a row is a bag's whole payload (a few kB at 300 subjects). */
const PG_BATCH = 2_000;
/** Rows per SQLite statement: 5 parameters each, under SQLite's 32,766. */
const SQLITE_BATCH = 2_000;
const IDS = 500;

/** Joins a column's texts for string_to_array: no value computeBadges writes holds it. */
const UNIT_SEPARATOR = '\x1f';

/**
 * Rows i..j of a chunk upserted in one PostgreSQL statement. Each column travels as one text,
 * its values joined by the unit separator and split by string_to_array: neither side then
 * quotes and escapes every value of an array literal (a quarter of the writer's CPU and a tenth
 * of PostgreSQL's, measured). A value that is empty or holds the separator (none that
 * computeBadges writes, but the store takes any text) sends the columns as arrays instead.
 * The transaction commits without waiting for the WAL flush (synchronous_commit off, for this
 * transaction only): a chunk lost to a crash keeps its bags' old rows, and they are planned again.
 */
async function pgUpsert(db: Kysely<Database>, b: BadgeRowsInput, i: number, j: number, epoch: number): Promise<void> {
  const ids = b.bag_id.slice(i, j);
  const hashes = b.bag_hash.slice(i, j);
  const payloads = b.payload.slice(i, j);
  const n = b.n.slice(i, j);
  const joinable = [ids, hashes, payloads].every((col) => col.every((v) => typeof v === 'string' && v !== '' && !v.includes(UNIT_SEPARATOR)));
  const rows = joinable
    ? sql`unnest(string_to_array(${ids.join(UNIT_SEPARATOR)}, ${UNIT_SEPARATOR}), string_to_array(${hashes.join(UNIT_SEPARATOR)}, ${UNIT_SEPARATOR}),
        string_to_array(${n.join(',')}, ',')::integer[], string_to_array(${payloads.join(UNIT_SEPARATOR)}, ${UNIT_SEPARATOR}))`
    : sql`unnest(${ids}::text[], ${hashes}::text[], ${n}::integer[], ${payloads}::text[])`;
  await sql`insert into badges (bag_id, bag_hash, epoch, n, payload)
    select u.bag_id, u.bag_hash, ${epoch}::integer, u.n, u.payload
    from ${rows} as u(bag_id, bag_hash, n, payload),
      (select set_config('synchronous_commit', 'off', true)) as async_commit
    on conflict (bag_id) do update set bag_hash = excluded.bag_hash, epoch = excluded.epoch, n = excluded.n, payload = excluded.payload`.execute(db);
}

/** A badge row's mark (its epoch may come back from the driver as a string). */
function markOf(row: { readonly bag_hash: string; readonly epoch: number | string | bigint }): BagMark {
  return { bag_hash: row.bag_hash, epoch: Number(row.epoch) };
}

export function badgeRepository(db: Kysely<Database>, atomic: boolean): BadgeRepository {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async writeChunk(b, epoch) {
      const count = b.bag_id.length;
      // PostgreSQL: a chunk of one batch is one statement, atomic on its own, so it goes without
      // begin and commit (two round trips fewer a chunk, a third of the writer's CPU).
      if (postgres && count <= PG_BATCH && !atomic && !db.isTransaction) {
        await db.connection().execute(async (conn) => {
          try {
            await pgUpsert(conn, b, 0, count, epoch);
          } catch (e) {
            // What a failed transaction does: a rollback on the same connection. Here it also
            // makes a connection the server has dropped known to be dead before it goes back to
            // the pool, so that the retry gets a live one.
            await sql`rollback`.execute(conn).catch(() => undefined);
            throw e;
          }
        });
        return;
      }
      await inTransaction(db, atomic, async (tx) => {
        const step = postgres ? PG_BATCH : SQLITE_BATCH;
        for (let i = 0; i < count; i += step) {
          const j = Math.min(count, i + step);
          if (postgres) {
            await pgUpsert(tx, b, i, j, epoch);
          } else {
            const rows = [];
            for (let k = i; k < j; k++) rows.push({ bag_id: b.bag_id[k]!, bag_hash: b.bag_hash[k]!, epoch, n: b.n[k]!, payload: b.payload[k]! });
            await tx
              .insertInto('badges')
              .values(rows)
              .onConflict((oc) =>
                oc.column('bag_id').doUpdateSet((eb) => ({
                  bag_hash: eb.ref('excluded.bag_hash'),
                  epoch: eb.ref('excluded.epoch'),
                  n: eb.ref('excluded.n'),
                  payload: eb.ref('excluded.payload'),
                })),
              )
              .execute();
          }
        }
      });
    },

    async marks() {
      const rows = await db.selectFrom('badges').select(['bag_id', 'bag_hash', 'epoch']).execute();
      return new Map(rows.map((r) => [r.bag_id, markOf(r)]));
    },

    async plannedBags(after, limit) {
      // Two range reads on the primary keys, not a join: the join's plan turned to full scans of
      // both tables whenever PostgreSQL's statistics were stale (a freshly emptied badges table).
      let bagsQuery = db.selectFrom('bags').select(['id', ...INTERIOR_COLUMNS]);
      if (after !== null) bagsQuery = bagsQuery.where('id', '>', after);
      const bags = await bagsQuery.orderBy('id').limit(limit).execute();
      if (bags.length === 0) return [];
      const marks = await db
        .selectFrom('badges')
        .select(['bag_id', 'bag_hash', 'epoch'])
        .where('bag_id', '>=', bags[0]!.id)
        .where('bag_id', '<=', bags.at(-1)!.id)
        .execute();
      const byId = new Map(marks.map((m) => [m.bag_id, m]));
      return bags.map((r) => {
        const m = byId.get(r.id);
        return { id: r.id, interior: interiorFromRow(r), mark: m ? markOf(m) : null };
      });
    },

    async payloads(bagIds) {
      const out = new Map<string, string>();
      for (let i = 0; i < bagIds.length; i += IDS) {
        const rows = await db.selectFrom('badges').select(['bag_id', 'payload']).where('bag_id', 'in', bagIds.slice(i, i + IDS)).execute();
        for (const r of rows) out.set(r.bag_id, r.payload);
      }
      return out;
    },

    async subjects() {
      const rows = await db.selectFrom('badge_subjects').selectAll().orderBy('position').execute();
      return rows.map((r) => ({ subject_id: r.subject_id, position: Number(r.position), hash: r.hash, since: Number(r.since) }));
    },

    async saveSubjects(rows) {
      if (rows.length === 0) return;
      await inTransaction(db, atomic, async (tx) => {
        for (let i = 0; i < rows.length; i += 1_000) {
          await tx
            .insertInto('badge_subjects')
            .values(rows.slice(i, i + 1_000).map((r) => ({ subject_id: r.subject_id, position: r.position, hash: r.hash, since: r.since })))
            .onConflict((oc) => oc.column('subject_id').doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), hash: eb.ref('excluded.hash'), since: eb.ref('excluded.since') })))
            .execute();
        }
      });
    },

    async forBag(bagId) {
      const r = await db.selectFrom('badges').selectAll().where('bag_id', '=', bagId).executeTakeFirst();
      return r ? { ...r, epoch: Number(r.epoch), n: Number(r.n) } : null;
    },

    async count() {
      const r = await db
        .selectFrom('badges')
        .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n ?? 0);
    },
  };
}
