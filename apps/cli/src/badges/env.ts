/**
 * The badge commands' settings from the environment, beside the store's (config.ts):
 * REDIS_URL              enables the distributed path (BullMQ over Redis)
 * MICROPURSE_QUEUE       the BullMQ queue's name (default micropurse-badges)
 * MICROPURSE_DB_SCHEMA   PostgreSQL only: the schema holding the store (default public)
 * MICROPURSE_LOCK_MS     how long a worker's hold on a chunk lasts without renewal (default 30000):
 *                        a killed worker's chunk goes to another worker about this long after
 */
import { storeConfig } from '../config.js';

export const DEFAULT_QUEUE = 'micropurse-badges';

export function badgeStoreConfig(env: NodeJS.ProcessEnv = process.env): { dataDir: string; databaseUrl?: string; schema?: string } {
  const base = storeConfig(env);
  const schema = env['MICROPURSE_DB_SCHEMA'];
  return base.databaseUrl && schema ? { ...base, schema } : base;
}

export function queueName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env['MICROPURSE_QUEUE'] ?? DEFAULT_QUEUE;
}

export function lockMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['MICROPURSE_LOCK_MS'] ?? 30_000);
  return Number.isFinite(n) && n >= 500 ? n : 30_000;
}

/** ioredis options from REDIS_URL: commands wait through a reconnect instead of failing. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null; retryStrategy: (times: number) => number } {
  return { url, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(200 * times, 2_000) };
}
