/**
 * Listings imported from listings files (migration 005): the market seen by tier and attributes,
 * for the trends. Written per file and line, so a re-import of the same file is `unchanged` row by
 * row and a corrected line is `updated`.
 */
import type { TrendListing } from '@micropurse/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';

export interface MarketListingRepository {
  /** Stores each listing under (source, line): new ones are accepted, changed ones updated. */
  upsertMany(source: string, rows: readonly { line: number; listing: TrendListing }[]): Promise<{ accepted: number; updated: number; unchanged: number }>;
  /** Every market listing, by date, then source and line. */
  all(): Promise<TrendListing[]>;
}

/** Rows per statement: 8 columns each, well under either database's limit on parameters. */
const CHUNK = 500;

/** Attributes as canonical text: keys and values sorted, so equal attributes are equal strings. */
function attributesText(attributes: TrendListing['attributes']): string {
  const keys = Object.keys(attributes).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, [...(attributes[k] ?? [])].sort()])));
}

export function marketListingRepository(db: Kysely<Database>): MarketListingRepository {
  return {
    async upsertMany(source, rows) {
      const counts = { accepted: 0, updated: 0, unchanged: 0 };
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const values = chunk.map(({ line, listing: l }) => ({ source, line, date: l.date, tier: l.tier, price: l.price, currency: l.currency, attributes: attributesText(l.attributes) }));
        const known = new Map(
          (await db.selectFrom('market_listings').selectAll().where('source', '=', source).where('line', 'in', chunk.map((r) => r.line)).execute()).map((r) => [Number(r.line), r]),
        );
        const changed = values.filter((v) => {
          const old = known.get(v.line);
          if (!old) counts.accepted++;
          else if (old.date === v.date && old.tier === v.tier && old.price === v.price && old.currency === v.currency && old.attributes === v.attributes) {
            counts.unchanged++;
            return false;
          } else counts.updated++;
          return true;
        });
        if (changed.length === 0) continue;
        await db
          .insertInto('market_listings')
          .values(changed)
          .onConflict((oc) =>
            oc.columns(['source', 'line']).doUpdateSet((eb) => ({
              date: eb.ref('excluded.date'),
              tier: eb.ref('excluded.tier'),
              price: eb.ref('excluded.price'),
              currency: eb.ref('excluded.currency'),
              attributes: eb.ref('excluded.attributes'),
            })),
          )
          .execute();
      }
      return counts;
    },

    async all() {
      const rows = await db.selectFrom('market_listings').selectAll().orderBy('date').orderBy('source').orderBy('line').execute();
      return rows.map((r) => ({
        date: r.date,
        tier: r.tier as TrendListing['tier'],
        price: r.price,
        currency: r.currency,
        attributes: JSON.parse(r.attributes) as TrendListing['attributes'],
      }));
    },
  };
}
