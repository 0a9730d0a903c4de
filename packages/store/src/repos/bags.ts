/** The catalog's bags: write one, read one, count, search. */
import { CatalogBagSchema, type CatalogBag } from '@micropurse/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';
import { parseInput } from '../validate.js';
import { bagFromRow, bagToRow, type BagRow } from './bag-row.js';
import { searchIds, type BagSearch, type BagSearchResult } from './bag-search.js';
import { inTransaction } from './in-transaction.js';
import { fitCatalog, type FitCatalog } from '../fit-catalog.js';

export interface BagRepository {
  /** Inserts the bag, or replaces the one with its id (its listings are kept). Validates it first. */
  upsert(bag: CatalogBag): Promise<void>;
  /** As upsert, for many bags at once (a few statements for all of them); atomic. */
  upsertMany(bags: readonly CatalogBag[]): Promise<void>;
  get(id: string): Promise<CatalogBag | null>;
  /** The bags with these ids that exist, in the order asked. */
  getMany(ids: readonly string[]): Promise<CatalogBag[]>;
  count(): Promise<number>;
  search(filters: BagSearch): Promise<BagSearchResult>;
  /** As search, the ids of the page only. */
  searchIds(filters: BagSearch): Promise<{ ids: string[]; total: number }>;
  /** The catalog's fit index for fits-my-kit, cached until the bags change (fit-catalog.ts). */
  fitCatalog(): Promise<FitCatalog>;
}

/** Ids per `in (...)` list: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;
/** Bags per multi-row insert: 50 columns each, so 10,000 parameters at most (SQLite allows 32,766). */
const WRITE_CHUNK = 200;

async function writeBags(tx: Kysely<Database>, bags: readonly CatalogBag[]): Promise<void> {
  const ids = bags.map((b) => b.id);
  const rows = bags.map(bagToRow);
  // On a clash of ids every column but the id takes the incoming row's value.
  const updated = Object.keys(rows[0]!).filter((c) => c !== 'id') as (keyof BagRow)[];
  await tx
    .insertInto('bags')
    .values(rows)
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)]))))
    .execute();
  await tx.deleteFrom('bag_wear_modes').where('bag_id', 'in', ids).execute();
  await tx.deleteFrom('bag_finishes').where('bag_id', 'in', ids).execute();
  const modes = bags.flatMap((b) => b.wear_modes.map((mode, position) => ({ bag_id: b.id, position, mode })));
  if (modes.length > 0) await tx.insertInto('bag_wear_modes').values(modes).execute();
  const finishes = bags.flatMap((b) => b.finish.map((finish, position) => ({ bag_id: b.id, position, finish })));
  if (finishes.length > 0) await tx.insertInto('bag_finishes').values(finishes).execute();
  await tx
    .updateTable('catalog_meta')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('key', '=', 'bags_version')
    .execute();
}

/** `atomic`: `db` is already inside a transaction (the store's, or the migrate-and-seed one). */
export function bagRepository(db: Kysely<Database>, atomic: boolean): BagRepository {
  const upsertMany = async (input: readonly CatalogBag[]): Promise<void> => {
    const bags = input.map((b, i) => parseInput(CatalogBagSchema, b, input.length === 1 ? 'bag' : `bags[${i}]`));
    // Like upserts one after the other, the last bag of an id wins (PostgreSQL refuses to update a
    // row twice in one statement).
    const latest = [...new Map(bags.map((b) => [b.id, b])).values()];
    if (latest.length === 0) return;
    // Several statements: a bag is never seen without its wear modes, even outside a transaction.
    await inTransaction(db, atomic, async (tx) => {
      for (let i = 0; i < latest.length; i += WRITE_CHUNK) await writeBags(tx, latest.slice(i, i + WRITE_CHUNK));
    });
  };
  return {
    upsert: (bag) => upsertMany([bag]),
    upsertMany,

    async get(id) {
      const [bag] = await hydrate(db, [id]);
      return bag ?? null;
    },

    getMany: (ids) => hydrate(db, ids),

    async count() {
      const r = await db
        .selectFrom('bags')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    searchIds: (filters) => searchIds(db, filters),

    // Cached under the database handle (a transaction's cache dies with it).
    fitCatalog: () => fitCatalog(db, db),

    async search(filters) {
      const { ids, total } = await searchIds(db, filters);
      return { bags: await hydrate(db, ids), total };
    },
  };
}

/** The bags with these ids, in this order, with their wear modes and finishes. */
async function hydrate(db: Kysely<Database>, ids: readonly string[]): Promise<CatalogBag[]> {
  const rows = new Map<string, BagRow>();
  const modes = new Map<string, string[]>();
  const finishes = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const r of await db.selectFrom('bags').selectAll().where('id', 'in', chunk).execute()) rows.set(r.id, r);
    const wm = await db.selectFrom('bag_wear_modes').selectAll().where('bag_id', 'in', chunk).orderBy('bag_id').orderBy('position').execute();
    for (const r of wm) push(modes, r.bag_id, r.mode);
    const fin = await db.selectFrom('bag_finishes').selectAll().where('bag_id', 'in', chunk).orderBy('bag_id').orderBy('position').execute();
    for (const r of fin) push(finishes, r.bag_id, r.finish);
  }
  const out: CatalogBag[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (row) out.push(bagFromRow(row, modes.get(id) ?? [], finishes.get(id) ?? []));
  }
  return out;
}
