/** Dated price observations of catalog bags: the raw material of trends. */
import { ListingSchema, type Listing } from '@micropurse/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';
import { parseInput } from '../validate.js';

export interface ListingRepository {
  /** Records the observation; true when it is new, false when the same one was recorded before. */
  add(listing: Listing): Promise<boolean>;
  /** The bag's listings by date, then source, then price. */
  forBag(bagId: string): Promise<Listing[]>;
  /** The listings of many bags in one query (ids in chunks), grouped by bag id, each by date as forBag. */
  forBags(bagIds: readonly string[]): Promise<Map<string, Listing[]>>;
}

/** Ids per `in (...)` list: well under either database's limit on bound parameters. */
const CHUNK = 500;

export function listingRepository(db: Kysely<Database>): ListingRepository {
  const forBags = async (bagIds: readonly string[]): Promise<Map<string, Listing[]>> => {
    const out = new Map<string, Listing[]>();
    for (let i = 0; i < bagIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom('listings')
        .selectAll()
        .where('bag_id', 'in', bagIds.slice(i, i + CHUNK))
        .orderBy('bag_id')
        .orderBy('date')
        .orderBy('source')
        .orderBy('price')
        .execute();
      for (const r of rows) {
        const list = out.get(r.bag_id) ?? [];
        if (list.length === 0) out.set(r.bag_id, list);
        list.push({ bag_id: r.bag_id, date: r.date, price: r.price, currency: r.currency, price_usd: r.price_usd, source: r.source });
      }
    }
    return out;
  };
  return {
    async add(input) {
      const l = parseInput(ListingSchema, input, 'listing');
      const r = await db
        .insertInto('listings')
        .values({ bag_id: l.bag_id, date: l.date, price: l.price, currency: l.currency, price_usd: l.price_usd, source: l.source })
        .onConflict((oc) => oc.columns(['bag_id', 'date', 'source', 'price']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async forBag(bagId) {
      return (await forBags([bagId])).get(bagId) ?? [];
    },

    forBags,
  };
}
