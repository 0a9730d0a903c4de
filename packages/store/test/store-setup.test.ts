import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ESSENTIALS, GARMENTS, builtinCatalogBags } from '@micropurse/core';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SQLITE_FILE_NAME, openStore, type StoreConfig } from '../src/index.js';
import { migrateAndSeed } from '../src/migrate.js';
import type { Database } from '../src/schema/tables.js';
import { seedStore } from '../src/seed/seed.js';
import { dialectSetup } from '../src/store.js';
import { DIALECTS, SEED_DATE, describeEachDialect, withStore } from './dialects.js';

const SEEN = SEED_DATE;

/** Names of the tables in the store's database (its schema on PostgreSQL). */
async function tableNames(config: StoreConfig): Promise<string[]> {
  const setup = dialectSetup(config);
  const db = new Kysely<Database>({ dialect: setup.dialect });
  try {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    return tables.filter((t) => setup.schema === undefined || t.schema === setup.schema).map((t) => t.name).sort();
  } finally {
    await db.destroy();
  }
}

describeEachDialect('opening a store', (d) => {
  it('migrates and seeds a new store: 53 bags, 55 items, 30 garments, exactly the built-in data', async () => {
    await withStore(d.freshConfig(), async (s) => {
      expect(s.kind).toBe(d.name);
      expect(s.setup).toEqual({ migrated: Object.keys(MIGRATIONS), seeded: true });
      expect(await s.bags.count()).toBe(53);
      const { bags, total } = await s.bags.search({});
      expect(total).toBe(53);
      const builtin = builtinCatalogBags(SEEN);
      expect(bags).toStrictEqual([...builtin].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await s.items.all()).toStrictEqual([...ESSENTIALS].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await s.garments.all()).toStrictEqual([...GARMENTS]);
      expect(await s.listings.forBag('b05')).toEqual([]);
    });
  });

  it('reopens without migrating or seeding again, and keeps what was written', async () => {
    const config = d.freshConfig();
    const extra = { ...builtinCatalogBags(SEEN)[0]!, id: 'extra-1' };
    await withStore(config, async (s) => {
      await s.bags.upsert(extra);
      await s.listings.add({ bag_id: 'extra-1', date: SEEN, price: 10, currency: 'USD', price_usd: 10, source: 't' });
    });
    await withStore(config, async (s) => {
      expect(s.setup).toEqual({ migrated: [], seeded: false });
      expect(await s.bags.count()).toBe(54);
      expect((await s.items.all()).length).toBe(55);
      expect((await s.garments.all()).length).toBe(30);
      expect(await s.bags.get('extra-1')).toStrictEqual(extra);
      expect(await s.listings.forBag('extra-1')).toHaveLength(1);
    });
  });

  it('leaves no half store when the seed fails half-way: then opens cleanly', async () => {
    const config = d.freshConfig();
    const setup = dialectSetup(config);
    const db = new Kysely<Database>({ dialect: setup.dialect });
    try {
      const failing = migrateAndSeed(db, setup, async (repos) => {
        await seedStore(repos, SEEN);
        throw new Error('seed broke');
      });
      await expect(failing).rejects.toThrow('seed broke');
    } finally {
      await db.destroy();
    }
    // Nothing at all: no tables, not even the migrator's, so the next open starts from scratch.
    expect(await tableNames(config)).toEqual([]);
    await withStore(config, async (s) => {
      expect(s.setup.seeded).toBe(true);
      expect(await s.bags.count()).toBe(53);
    });
  });

  it('rolls back a migration that fails, with the tables it had created', async () => {
    const config = d.freshConfig();
    // A table in the way of the last CREATE TABLE of 001_catalog.
    const setup = dialectSetup(config);
    const db = new Kysely<Database>({ dialect: setup.dialect });
    try {
      if (setup.schema !== undefined) await sql`create schema if not exists ${sql.id(setup.schema)}`.execute(db);
      await sql`create table garments (x integer)`.execute(db);
    } finally {
      await db.destroy();
    }
    await expect(openStore({ ...config, seedDate: SEEN })).rejects.toThrow(/garments/);
    expect(await tableNames(config)).toEqual(['garments']);
  });

  it('refuses a seed date that is not a date', async () => {
    await expect(openStore({ ...d.freshConfig(), seedDate: '1 March' })).rejects.toThrow(/seedDate/);
  });
});

describe('the SQLite store on disk', () => {
  it('creates its folder and micropurse.sqlite in WAL mode', async () => {
    const config = DIALECTS.find((d) => d.name === 'sqlite')!.freshConfig();
    const dataDir = config.dataDir!;
    expect(existsSync(dataDir)).toBe(false);
    await withStore(config, async () => {
      expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
      // The write-ahead log sits beside the file while the store is open.
      expect(existsSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);
    });
  });
});
