import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';

/**
 * Runs `work` directly when `db` is already inside a transaction, else in a transaction of its
 * own. `atomic` says so for a connection whose transaction was opened by hand (migrate-and-seed),
 * which Kysely cannot see.
 */
export async function inTransaction<T>(db: Kysely<Database>, atomic: boolean, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (atomic || db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
