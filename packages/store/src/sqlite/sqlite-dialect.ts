/** The embedded store: one SQLite file in the data folder, through better-sqlite3. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SqliteDialect, sql } from 'kysely';
import type { DialectSetup } from '../dialect.js';

export const SQLITE_FILE_NAME = 'micropurse.sqlite';

export function sqliteSetup(dataDir: string): DialectSetup {
  mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(join(dataDir, SQLITE_FILE_NAME));
  // WAL: readers (a server, a search) are not blocked while an import writes.
  database.pragma('journal_mode = WAL');
  // Off by default in SQLite; on, so that a listing of an unknown bag fails here as in PostgreSQL.
  database.pragma('foreign_keys = ON');
  return {
    kind: 'sqlite',
    dialect: new SqliteDialect({ database }),
    // IMMEDIATE takes the write lock at once: a second process opening a new file waits for the
    // first to finish migrating and seeding, then finds it done.
    beginSetup: async (conn) => {
      await sql`begin immediate`.execute(conn);
    },
  };
}
