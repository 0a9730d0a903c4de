/**
 * Configuration from the environment, read in one place:
 * MICROPURSE_DATA_DIR  the embedded store's folder (default ./.micropurse in the working folder)
 * DATABASE_URL         use PostgreSQL instead of the embedded SQLite store
 */
import { resolve } from 'node:path';

export interface StoreConfig {
  readonly dataDir: string;
  readonly databaseUrl?: string;
}

export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const dataDir = resolve(env['MICROPURSE_DATA_DIR'] ?? '.micropurse');
  const databaseUrl = env['DATABASE_URL'];
  return databaseUrl ? { dataDir, databaseUrl } : { dataDir };
}
