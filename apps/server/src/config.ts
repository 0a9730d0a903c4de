/**
 * The server's configuration, read from the environment in one place. A value that is set but
 * not valid stops the server at start with a message naming the variable, rather than being
 * replaced by a default nobody asked for.
 *
 * PORT                          port to listen on (default 3000)
 * HOST                          address to listen on (default 127.0.0.1)
 * MICROPURSE_DATA_DIR           the embedded SQLite store's folder (default ./.micropurse)
 * DATABASE_URL                  postgres://... : PostgreSQL instead of SQLite
 * REDIS_URL                     read and reported; nothing distributed uses it yet
 * MICROPURSE_RATE_LIMIT_MAX     requests per client per window on the read endpoints (default 600)
 * MICROPURSE_RATE_LIMIT_WINDOW_MS  the window, ms (default 60000)
 * MICROPURSE_BODY_LIMIT_BYTES   largest JSON body (default 65536)
 * MICROPURSE_IMPORT_LIMIT_BYTES largest feed upload (default 10 MiB)
 * MICROPURSE_MAX_KIT_PIECES     pieces per kit, quantities counted (default 32)
 * MICROPURSE_REQUEST_BUDGET_MS  engine time per request, ms (default 1000)
 * MICROPURSE_TRUST_PROXY        "true" when behind a proxy that sets X-Forwarded-For (default false)
 * LOG_LEVEL                     pino level: fatal, error, warn, info, debug, trace, silent (default info)
 */
import { resolve } from 'node:path';
import { MAX_PIECES } from '@micropurse/core';
import { DEFAULT_MAX_FEED_BYTES } from '@micropurse/store';

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly store: { readonly dataDir: string; readonly databaseUrl?: string };
  readonly redisUrl?: string;
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  readonly bodyLimitBytes: number;
  readonly importLimitBytes: number;
  readonly maxKitPieces: number;
  /** The engine's time per request, ms: a client may ask for less (time_limit_ms), never more. */
  readonly budgetMs: number;
  readonly trustProxy: boolean;
  readonly logLevel: string;
}

export const DEFAULT_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 3000,
  store: { dataDir: resolve('.micropurse') },
  rateLimit: { max: 600, windowMs: 60_000 },
  bodyLimitBytes: 64 * 1024,
  importLimitBytes: 10 * 1024 * 1024,
  maxKitPieces: MAX_PIECES,
  budgetMs: 1000,
  trustProxy: false,
  logLevel: 'info',
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(name, `"${text}" must be a whole number from ${min} to ${max}`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = env['LOG_LEVEL'] || DEFAULT_CONFIG.logLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `"${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  const trust = env['MICROPURSE_TRUST_PROXY'] ?? 'false';
  if (trust !== 'true' && trust !== 'false') throw new ConfigError('MICROPURSE_TRUST_PROXY', `"${trust}" must be true or false`);
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL', 'must be a postgres:// URL');
  const redisUrl = env['REDIS_URL'] || undefined;
  return {
    host: env['HOST'] || DEFAULT_CONFIG.host,
    port: whole(env, 'PORT', DEFAULT_CONFIG.port, 0, 65_535),
    store: { dataDir: resolve(env['MICROPURSE_DATA_DIR'] || '.micropurse'), ...(databaseUrl ? { databaseUrl } : {}) },
    ...(redisUrl ? { redisUrl } : {}),
    rateLimit: {
      max: whole(env, 'MICROPURSE_RATE_LIMIT_MAX', DEFAULT_CONFIG.rateLimit.max, 1, 1e9),
      windowMs: whole(env, 'MICROPURSE_RATE_LIMIT_WINDOW_MS', DEFAULT_CONFIG.rateLimit.windowMs, 1, 86_400_000),
    },
    bodyLimitBytes: whole(env, 'MICROPURSE_BODY_LIMIT_BYTES', DEFAULT_CONFIG.bodyLimitBytes, 1024, 16 * 1024 * 1024),
    importLimitBytes: whole(env, 'MICROPURSE_IMPORT_LIMIT_BYTES', DEFAULT_CONFIG.importLimitBytes, 1024, DEFAULT_MAX_FEED_BYTES),
    maxKitPieces: whole(env, 'MICROPURSE_MAX_KIT_PIECES', DEFAULT_CONFIG.maxKitPieces, 1, MAX_PIECES),
    budgetMs: whole(env, 'MICROPURSE_REQUEST_BUDGET_MS', DEFAULT_CONFIG.budgetMs, 10, 60_000),
    trustProxy: trust === 'true',
    logLevel,
  };
}
