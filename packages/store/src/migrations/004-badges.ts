/**
 * 004_badges: "what fits" badges, one row per (bag, subject), written by `micropurse badges` and
 * read by GET /v1/bags/{id}; and badge_bags, one row per bag whose badges are all done, with the
 * hashes they were done for (core badges/content-hash.ts), so an unchanged bag is skipped whole.
 *
 * Rows are narrow on purpose (a 200,000-bag catalog and 300 subjects is 60 million of them): the
 * verdict a small integer (core fit-classify.ts codes), the layout compact text (layout-code.ts),
 * no foreign key (a check per row on every write; the planner drops badges of subjects no longer
 * listed instead).
 */
import type { Kysely, Migration } from 'kysely';

export const badges004: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('badges')
      .addColumn('bag_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('verdict', 'smallint', (c) => c.notNull())
      .addColumn('layout', 'text')
      .addPrimaryKeyConstraint('badges_pk', ['bag_id', 'subject_id'])
      .execute();
    await db.schema
      .createTable('badge_bags')
      .addColumn('bag_id', 'text', (c) => c.primaryKey())
      .addColumn('bag_hash', 'text', (c) => c.notNull())
      .addColumn('subjects_hash', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('badge_bags').execute();
    await db.schema.dropTable('badges').execute();
  },
};
