/**
 * The catalog's fit index (core catalog/fit-index.ts) with what ordering a result page needs,
 * cached per database handle and rebuilt only when the bags change: each query reads the
 * `bags_version` counter (one row) and compares it with the cached copy's, so a process sees
 * writes made by itself and by any other process on the same database.
 */
import { buildFitIndex, type FitIndex } from '@micropurse/core';
import type { Kysely } from 'kysely';
import { INTERIOR_COLUMNS, interiorFromRow } from './repos/bag-row.js';
import type { Database } from './schema/tables.js';

export interface FitCatalog {
  readonly version: number;
  readonly index: FitIndex;
  /** Bag id per index row, rows in id order. */
  readonly ids: readonly string[];
  readonly rowOf: ReadonlyMap<string, number>;
  /** USD price per row, NaN when unknown. */
  readonly priceUsd: Float64Array;
  /** Rows in the search's price order (unpriced last, then id) and volume order (then id). */
  readonly byPrice: Uint32Array;
  readonly byVolume: Uint32Array;
}

const cache = new WeakMap<object, FitCatalog>();

export async function bagsVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('catalog_meta').select('value').where('key', '=', 'bags_version').executeTakeFirst();
  // PostgreSQL hands bigint over as a string.
  return Number(row?.value ?? 0);
}

/** `key`: the object whose lifetime the cache follows (the store's database handle). */
export async function fitCatalog(db: Kysely<Database>, key: object): Promise<FitCatalog> {
  const version = await bagsVersion(db);
  const cached = cache.get(key);
  if (cached && cached.version === version) return cached;
  const rows = await db
    .selectFrom('bags')
    .select(['id', 'price_usd', ...INTERIOR_COLUMNS])
    .orderBy('id')
    .execute();
  const index = buildFitIndex(rows.map((r) => ({ interior: interiorFromRow(r) })));
  const ids = rows.map((r) => r.id);
  const priceUsd = Float64Array.from(rows, (r) => r.price_usd ?? NaN);
  const order = (cmp: (a: number, b: number) => number) => Uint32Array.from(ids.keys()).sort(cmp);
  // Rows are in id order already, so the row number breaks ties as the id would.
  const byPrice = order((a, b) => {
    const pa = priceUsd[a]!;
    const pb = priceUsd[b]!;
    if (Number.isNaN(pa) || Number.isNaN(pb)) return Number(Number.isNaN(pa)) - Number(Number.isNaN(pb)) || a - b;
    return pa - pb || a - b;
  });
  const byVolume = order((a, b) => index.volume[a]! - index.volume[b]! || a - b);
  const built: FitCatalog = { version, index, ids, rowOf: new Map(ids.map((id, i) => [id, i])), priceUsd, byPrice, byVolume };
  cache.set(key, built);
  return built;
}
