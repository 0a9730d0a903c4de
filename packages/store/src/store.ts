/**
 * openStore: the catalog store over SQLite (a file in the data folder, the default) or
 * PostgreSQL (when a database URL is given), migrated and, when new, seeded on first open.
 * Everything after opening is one code path for both.
 */
import { resolve } from 'node:path';
import { IsoDateSchema } from '@micropurse/core';
import { Kysely } from 'kysely';
import type { DialectSetup, StoreKind } from './dialect.js';
import { migrateAndSeed, type SetupReport } from './migrate.js';
import { postgresSetup } from './postgres/postgres-dialect.js';
import { repositories, type Repositories } from './repos/repositories.js';
import type { Database } from './schema/tables.js';
import { seedStore } from './seed/seed.js';
import { sqliteSetup } from './sqlite/sqlite-dialect.js';
import { parseInput } from './validate.js';

export interface StoreConfig {
  /** The embedded store's folder (created when missing); default ./.micropurse. Unused with databaseUrl. */
  readonly dataDir?: string;
  /** postgres://... : use PostgreSQL instead of the embedded SQLite file. */
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema holding the tables, created when missing; default public. */
  readonly schema?: string;
  /** The date (yyyy-mm-dd) a new store's built-in bags are first seen; default today (UTC). */
  readonly seedDate?: string;
}

export interface Store extends Repositories {
  readonly kind: StoreKind;
  /** What opening did: migrations run, and whether the store was new and seeded. */
  readonly setup: SetupReport;
  /**
   * Runs `work` in one database transaction, with the same repositories bound to it: it commits
   * when `work` resolves and rolls everything back when it throws (the error is rethrown).
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.micropurse';

/** The database the config names: SQLite opens its file at once, the pg pool connects on first use. */
export function dialectSetup(config: StoreConfig): DialectSetup {
  return config.databaseUrl ? postgresSetup(config.databaseUrl, config.schema) : sqliteSetup(resolve(config.dataDir ?? DEFAULT_DATA_DIR));
}

export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const seedDate = parseInput(IsoDateSchema, config.seedDate ?? new Date().toISOString().slice(0, 10), 'seedDate');
  const setup = dialectSetup(config);
  const db = new Kysely<Database>({ dialect: setup.dialect });
  let report: SetupReport;
  try {
    report = await migrateAndSeed(db, setup, (repos) => seedStore(repos, seedDate));
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return {
    kind: setup.kind,
    setup: report,
    ...repositories(db),
    transaction: (work) => db.transaction().execute((trx) => work(repositories(trx))),
    close: () => db.destroy(),
  };
}
