/**
 * The databases every store test runs on (after kysely's test-setup DIALECTS list): SQLite in a
 * temporary folder, always; PostgreSQL when one answers, each store in a schema of its own that
 * is dropped afterwards. Without PostgreSQL the PostgreSQL half is skipped with a notice, except
 * on CI (CI=true), where it fails: a store suite that quietly ran on one database would prove
 * half of what it claims.
 *
 * MICROPURSE_TEST_DATABASE_URL names the server to use instead of the local defaults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openStore, type Store, type StoreConfig, type StoreKind } from '../src/index.js';

export interface TestDialect {
  readonly name: StoreKind;
  /** A new, empty place for a store; the same config opens the same store again. */
  freshConfig(): StoreConfig;
}

const CANDIDATES = process.env['MICROPURSE_TEST_DATABASE_URL']
  ? [process.env['MICROPURSE_TEST_DATABASE_URL']]
  : ['postgres://root@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'];

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function findPostgres(): Promise<string | null> {
  for (const url of CANDIDATES) if (await answers(url)) return url;
  return null;
}

export const POSTGRES_URL = await findPostgres();
const onCi = process.env['CI'] === 'true';
if (POSTGRES_URL === null && !onCi) console.warn(`PostgreSQL not reachable: skipping the PostgreSQL half of the store suite (tried ${CANDIDATES.join(', ')})`);

const tempDirs: string[] = [];
const schemas: string[] = [];
const runId = `${Date.now().toString(36)}_${process.pid}`;

const sqlite: TestDialect = {
  name: 'sqlite',
  freshConfig() {
    const root = mkdtempSync(join(tmpdir(), 'micropurse-store-'));
    tempDirs.push(root);
    // A folder that does not exist yet: opening must create it.
    return { dataDir: join(root, 'data', 'store') };
  },
};

function postgres(url: string): TestDialect {
  return {
    name: 'postgres',
    freshConfig() {
      const schema = `mp_test_${runId}_${schemas.length}`;
      schemas.push(schema);
      return { databaseUrl: url, schema };
    },
  };
}

export const DIALECTS: readonly TestDialect[] = POSTGRES_URL === null ? [sqlite] : [sqlite, postgres(POSTGRES_URL)];

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  if (POSTGRES_URL === null || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
  } finally {
    await client.end();
  }
});

/** The shared suite: `body` once for each database, and the PostgreSQL notice or failure when it is missing. */
export function describeEachDialect(title: string, body: (d: TestDialect) => void): void {
  for (const d of DIALECTS) describe(`${title} [${d.name}]`, () => body(d));
  if (POSTGRES_URL !== null) return;
  if (onCi) {
    describe(`${title} [postgres]`, () => {
      it('has a PostgreSQL to run on (CI=true)', () => {
        throw new Error(`PostgreSQL not reachable at ${CANDIDATES.join(' or ')}: on CI the store suite must run on PostgreSQL too`);
      });
    });
  } else {
    describe.skip(`${title} [postgres]: PostgreSQL not reachable: skipping`, () => {
      it('runs on PostgreSQL', () => {});
    });
  }
}

/** The date the store tests seed their catalogs with. */
export const SEED_DATE = '2026-03-01';

/** Opens the store (seeded as of SEED_DATE), runs `work` on it and closes it, whatever happens. */
export async function withStore<T>(config: StoreConfig, work: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ ...config, seedDate: SEED_DATE });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
