/**
 * 002_api_keys: the keys that open the server's write endpoints. Only a SHA-256 hash of each key
 * is kept (the key itself is shown once, when it is made); `prefix` is the key's first characters,
 * enough for a person to tell keys apart in a list and useless to an attacker. Times are ISO 8601
 * UTC text; a revoked key keeps its row, so that the list shows it was revoked and when.
 *
 * Frozen once released, like every migration: an untyped Kysely.
 */
import type { Kysely, Migration } from 'kysely';

export const apiKeys002: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('api_keys').execute();
  },
};
