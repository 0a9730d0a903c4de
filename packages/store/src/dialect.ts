import type { Dialect, Kysely } from 'kysely';
import type { Database } from './schema/tables.js';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * What differs between the databases, kept to this: how to connect, and how to open the one
 * transaction in which a store is migrated and seeded. Every query is shared.
 */
export interface DialectSetup {
  readonly kind: StoreKind;
  readonly dialect: Dialect;
  /** The schema holding the tables, for the migrator's own bookkeeping tables; none on SQLite. */
  readonly schema?: string;
  /** Opens the migrate-and-seed transaction on `conn`, holding whatever lock keeps a concurrent opener out. */
  beginSetup(conn: Kysely<Database>): Promise<void>;
}
