/**
 * 003_catalog_version: a counter of writes to the bags, which the fits-my-kit index cache keys on
 * (fit-catalog.ts): reading one row tells a process whether its in-memory index is still the
 * catalog's, in this process or any other on the same database. Bumped in the transaction that
 * writes the bags, so it can never run ahead of or behind them.
 *
 * It also drops the three inscribed boxes' columns (ins_*, insb_*, insc_*) that 001 added for a
 * sure-fit condition counted in SQL: the in-memory classifier tests a layout against the shape
 * itself (a closed form, exact for one box), which says more than three boxes could.
 */
import type { Kysely, Migration } from 'kysely';

const INSCRIBED = ['ins', 'insb', 'insc'];

export const catalogVersion003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('catalog_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('catalog_meta' as never).values({ key: 'bags_version', value: 0 } as never).execute();
    await db.schema.dropIndex('bags_inscribed').execute();
    // One column a statement: SQLite drops one at a time.
    for (const box of INSCRIBED) for (const side of ['s1', 's2', 's3']) await db.schema.alterTable('bags').dropColumn(`${box}_${side}`).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('catalog_meta').execute();
    for (const box of INSCRIBED) {
      for (const side of ['s1', 's2', 's3']) await db.schema.alterTable('bags').addColumn(`${box}_${side}`, 'double precision', (c) => c.notNull().defaultTo(0)).execute();
    }
    await db.schema.createIndex('bags_inscribed').on('bags').columns(['ins_s1', 'ins_s2', 'ins_s3']).execute();
  },
};
