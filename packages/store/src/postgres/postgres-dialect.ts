/** The server store: PostgreSQL through a pg Pool, optionally in a schema of its own. */
import { InputError } from '@micropurse/core';
import { CompiledQuery, PostgresAdapter, PostgresDialect, sql, type DialectAdapter } from 'kysely';
import pg from 'pg';
import type { DialectSetup } from '../dialect.js';

/** An arbitrary constant naming the advisory lock that serialises migrate-and-seed across processes. */
const SETUP_LOCK_KEY = 7_300_451;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Kysely's adapter, without its migration lock. Migrate-and-seed already holds a transaction-level
 * advisory lock (below) for its whole transaction; Kysely's own is a session lock whose release,
 * in a `finally`, would run inside a transaction a failed migration has aborted, and so replace
 * the migration's error with "current transaction is aborted".
 */
class SetupLockedAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

class StorePostgresDialect extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new SetupLockedAdapter();
  }
}

export function postgresSetup(databaseUrl: string, schema = 'public'): DialectSetup {
  if (!SCHEMA_NAME.test(schema)) {
    throw new InputError('schema', `"${schema}" is not a plain schema name (lower-case letters, digits, _; at most 63)`);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle client that loses its server emits on the pool; unheard, that would end the process.
  // The next query reports the failure instead.
  pool.on('error', () => {});
  // A client checked out of the pool has no such listener: its server ending the connection
  // mid-query (pg_terminate_backend, a restart) would end the process too. The query in flight
  // fails with the error instead, and its transaction is rolled back with the connection.
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    kind: 'postgres',
    schema,
    dialect: new StorePostgresDialect({
      pool,
      // Every connection resolves unqualified names in the store's schema, so the shared queries
      // never name it (the name was checked above: quoting it is enough).
      onCreateConnection: async (conn) => {
        await conn.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
      },
    }),
    beginSetup: async (conn) => {
      await sql`begin`.execute(conn);
      await sql`select pg_advisory_xact_lock(${sql.lit(SETUP_LOCK_KEY)})`.execute(conn);
      await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
    },
  };
}
