/**
 * API keys for the server's write endpoints. A key is 32 random bytes (256 bits, base64url) after
 * the "mpk_" marker; the store keeps only its SHA-256 hash. A fast unsalted hash is enough here,
 * unlike for passwords: with 256 bits of entropy there is nothing to guess, so no dictionary and
 * no slow hash can matter, and a lookup by hash needs no constant-time comparison (the hash of a
 * guess says nothing about the hash of a real key). The key itself is returned once, by create.
 */
import { createHash, randomBytes } from 'node:crypto';
import { InputError } from '@micropurse/core';
import type { Kysely } from 'kysely';
import type { ApiKeysTable, Database } from '../schema/tables.js';

export const API_KEY_MARKER = 'mpk_';
/** The marker and 43 base64url characters: 32 random bytes. */
const KEY_FORMAT = /^mpk_[A-Za-z0-9_-]{43}$/;
/** Characters of the key kept in clear to tell keys apart: the marker and 8 of the 43. */
const PREFIX_LENGTH = API_KEY_MARKER.length + 8;
const MAX_NAME_LENGTH = 100;

/** A key as listed: never its secret, never its hash. Times are ISO 8601 UTC. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
}

/** What create returns: the record and the key, which is shown this once and kept nowhere. */
export interface CreatedApiKey extends ApiKeyRecord {
  readonly key: string;
}

export interface ApiKeyRepository {
  /** A new key named `name` (1-100 characters, for people: "shop feed", "ci"). */
  create(name: string): Promise<CreatedApiKey>;
  /** Every key, revoked ones included, oldest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** Revokes the key; the record as it now is, or null when there is no key with this id. Revoking twice keeps the first time. */
  revoke(id: string): Promise<ApiKeyRecord | null>;
  /** The active key this secret opens (its last use recorded), or null for a wrong, malformed or revoked key. */
  verify(key: string): Promise<ApiKeyRecord | null>;
}

/** SHA-256 of the key, lower-case hex: what the store keeps. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toRecord(r: ApiKeysTable): ApiKeyRecord {
  return { id: r.id, name: r.name, prefix: r.prefix, created_at: r.created_at, last_used_at: r.last_used_at, revoked_at: r.revoked_at };
}

function checkName(name: unknown): string {
  if (typeof name !== 'string') throw new InputError('name', 'must be text');
  const trimmed = name.trim();
  if (trimmed === '') throw new InputError('name', 'must not be empty');
  if (trimmed.length > MAX_NAME_LENGTH) throw new InputError('name', `must be at most ${MAX_NAME_LENGTH} characters`);
  // Control characters would let a name rewrite the terminal or the log line that shows it.
  if (/\p{Cc}/u.test(trimmed)) throw new InputError('name', 'must not contain control characters');
  return trimmed;
}

/** `now` is the clock, a parameter so that tests can fix it. */
export function apiKeyRepository(db: Kysely<Database>, now: () => Date = () => new Date()): ApiKeyRepository {
  const byId = async (id: string) => {
    const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  };
  return {
    async create(name) {
      const key = API_KEY_MARKER + randomBytes(32).toString('base64url');
      const row: ApiKeysTable = {
        id: `key_${randomBytes(6).toString('hex')}`,
        name: checkName(name),
        prefix: key.slice(0, PREFIX_LENGTH),
        hash: hashApiKey(key),
        created_at: now().toISOString(),
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto('api_keys').values(row).execute();
      return { ...toRecord(row), key };
    },

    async list() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async revoke(id) {
      if (typeof id !== 'string' || id === '') throw new InputError('id', 'must name a key, e.g. key_0123456789ab');
      await db.updateTable('api_keys').set({ revoked_at: now().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
      return byId(id);
    },

    async verify(key) {
      if (typeof key !== 'string' || !KEY_FORMAT.test(key)) return null;
      const row = await db.selectFrom('api_keys').selectAll().where('hash', '=', hashApiKey(key)).where('revoked_at', 'is', null).executeTakeFirst();
      if (!row) return null;
      const used = now().toISOString();
      await db.updateTable('api_keys').set({ last_used_at: used }).where('id', '=', row.id).execute();
      return toRecord({ ...row, last_used_at: used });
    },
  };
}
