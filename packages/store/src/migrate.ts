/**
 * Migrate, and seed a new store, in ONE transaction: a store is either as it was, or migrated
 * (and, when new, seeded) completely; a failed seed leaves no half store behind.
 *
 * Kysely's Migrator opens its own transaction only where the adapter claims transactional DDL
 * (PostgreSQL, not SQLite, although SQLite has it), and a Kysely transaction cannot host the
 * Migrator (it asks for a connection of its own). So the transaction is opened by hand on one
 * connection, the Migrator runs on that connection with its own transactions off, the seed
 * follows when the first migration has just run, and the whole is committed or rolled back.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import type { DialectSetup } from './dialect.js';
import { FIRST_MIGRATION, migrationProvider } from './migrations/provider.js';
import { repositories, type Repositories } from './repos/repositories.js';
import type { Database } from './schema/tables.js';

export interface SetupReport {
  /** Migrations run by this open, in order (none when the store was up to date). */
  readonly migrated: string[];
  /** True when the store was new and has just been seeded. */
  readonly seeded: boolean;
}

/** `seed` fills a new store (seed/seed.ts); a parameter so that a test can make it fail half-way. */
export async function migrateAndSeed(db: Kysely<Database>, setup: DialectSetup, seed: (repos: Repositories) => Promise<void>): Promise<SetupReport> {
  return db.connection().execute(async (conn) => {
    await setup.beginSetup(conn);
    try {
      const migrator = new Migrator({
        db: conn,
        provider: migrationProvider,
        disableTransactions: true,
        ...(setup.schema === undefined ? {} : { migrationTableSchema: setup.schema }),
      });
      const { error, results = [] } = await migrator.migrateToLatest();
      if (error !== undefined) throw error;
      const migrated = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      const seeded = migrated.includes(FIRST_MIGRATION);
      if (seeded) await seed(repositories(conn, true));
      await sql`commit`.execute(conn);
      return { migrated, seeded };
    } catch (e) {
      // The original error is the one worth reporting; a failed rollback adds nothing to it.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw e;
    }
  });
}
