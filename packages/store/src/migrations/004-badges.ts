/**
 * 004_badges: "what fits" badges, written by `micropurse badges` and read by GET /v1/bags/{id}.
 *
 * One row per bag, not per (bag, subject): a 200,000-bag catalog and 300 subjects would be 60
 * million narrow rows, each with its own key and index entry, and writing them was what bounded a
 * run. A bag's row holds its interior hash, the epoch it was written at, and every subject's badge
 * in one compact payload (core badges/payload.ts), slot k for the subject at position k;
 * n counts its badges. The row is also the bag's done mark: a chunk is its rows, nothing else.
 *
 * badge_subjects says what the slots hold: per subject its position (handed out once, never
 * reused; a dropped subject stays as a tombstone with an empty hash so its slot is not given to
 * another), its hash, and `since`, the epoch of the run that last changed it. A bag row written
 * at an earlier epoch than a subject's `since` has that subject's slot stale.
 */
import type { Kysely, Migration } from 'kysely';

export const badges004: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('badges')
      .addColumn('bag_id', 'text', (c) => c.primaryKey())
      .addColumn('bag_hash', 'text', (c) => c.notNull())
      .addColumn('epoch', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('badge_subjects')
      .addColumn('subject_id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('since', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('badge_subjects').execute();
    await db.schema.dropTable('badges').execute();
  },
};
