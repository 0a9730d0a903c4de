/**
 * 005_market_listings: dated listings imported from listings files (`micropurse import` of a file
 * with the columns date, tier, price, currency and attribute columns): observations of the market
 * that name no bag of the catalog, only its tier and attributes, kept for the trends beside the
 * catalog's own listings. A row is identified by the file it came from and its line, so a
 * re-import of the same file changes nothing and a corrected line replaces the old one.
 * Attributes are canonical JSON text: the trends read them whole, never query inside them.
 */
import type { Kysely, Migration } from 'kysely';

export const marketListings005: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('market_listings')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('price', 'double precision', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('market_listings_pk', ['source', 'line'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('market_listings').execute();
  },
};
