import { Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { API_KEY_MARKER, hashApiKey, type StoreConfig } from '../src/index.js';
import type { Database } from '../src/schema/tables.js';
import { dialectSetup } from '../src/store.js';
import { describeEachDialect, withStore } from './dialects.js';

/** The api_keys table's rows as the database holds them, read around the repository. */
async function rawRows(config: StoreConfig): Promise<Record<string, unknown>[]> {
  const setup = dialectSetup(config);
  const db = new Kysely<Database>({ dialect: setup.dialect });
  try {
    return await db.selectFrom('api_keys').selectAll().execute();
  } finally {
    await db.destroy();
  }
}

describeEachDialect('API keys', (d) => {
  it('creates a key that is shown once and kept only as its SHA-256 hash', async () => {
    const config = d.freshConfig();
    const created = await withStore(config, (s) => s.apiKeys.create('  shop feed  '));
    expect(created.key).toMatch(/^mpk_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe('shop feed');
    expect(created.prefix).toBe(created.key.slice(0, API_KEY_MARKER.length + 8));
    expect(created.revoked_at).toBeNull();
    const rows = await rawRows(config);
    expect(rows).toHaveLength(1);
    expect(rows[0]!['hash']).toBe(hashApiKey(created.key));
    expect(hashApiKey(created.key)).toMatch(/^[0-9a-f]{64}$/);
    // The secret appears in no column.
    for (const value of Object.values(rows[0]!)) expect(String(value)).not.toContain(created.key.slice(API_KEY_MARKER.length + 8));
  });

  it('verifies the key itself and nothing else, and records its last use', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const a = await s.apiKeys.create('a');
      const b = await s.apiKeys.create('b');
      expect(a.key).not.toBe(b.key);
      expect(a.id).not.toBe(b.id);
      const seen = await s.apiKeys.verify(a.key);
      expect(seen?.id).toBe(a.id);
      expect(seen?.last_used_at).not.toBeNull();
      expect((await s.apiKeys.list()).find((k) => k.id === a.id)?.last_used_at).toBe(seen?.last_used_at);
      // One character changed, the hash itself, a prefix, junk: all refused.
      const flipped = a.key.slice(0, -1) + (a.key.endsWith('A') ? 'B' : 'A');
      for (const wrong of [flipped, hashApiKey(a.key), a.prefix, '', 'mpk_', `${a.key} `, a.key.toUpperCase()]) {
        expect(await s.apiKeys.verify(wrong)).toBeNull();
      }
    });
  });

  it('revokes a key: it opens nothing afterwards, stays listed, and a second revoke keeps the first time', async () => {
    const config = d.freshConfig();
    const { key, id } = await withStore(config, (s) => s.apiKeys.create('ci'));
    const first = await withStore(config, async (s) => {
      const r = await s.apiKeys.revoke(id);
      expect(r?.revoked_at).not.toBeNull();
      expect(await s.apiKeys.verify(key)).toBeNull();
      return r!;
    });
    // Across a reopen: the revocation is stored, not remembered.
    await withStore(config, async (s) => {
      expect(await s.apiKeys.verify(key)).toBeNull();
      await new Promise((r) => setTimeout(r, 5));
      expect((await s.apiKeys.revoke(id))?.revoked_at).toBe(first.revoked_at);
      expect(await s.apiKeys.list()).toEqual([{ ...first }]);
      expect(await s.apiKeys.revoke('key_000000000000')).toBeNull();
    });
  });

  it('refuses a name that is empty, too long or holds control characters, naming the field', async () => {
    await withStore(d.freshConfig(), async (s) => {
      for (const bad of ['', '   ', 'x'.repeat(101), 'evil\u001b[2J', 'two\nlines']) {
        await expect(s.apiKeys.create(bad)).rejects.toThrow(/^name: /);
      }
      expect(await s.apiKeys.list()).toEqual([]);
    });
  });

  it('lists keys oldest first, without secrets or hashes', async () => {
    await withStore(d.freshConfig(), async (s) => {
      const made = [];
      for (const name of ['first', 'second', 'third']) {
        made.push(await s.apiKeys.create(name));
        await new Promise((r) => setTimeout(r, 3));
      }
      const list = await s.apiKeys.list();
      expect(list.map((k) => k.name)).toEqual(['first', 'second', 'third']);
      for (const k of list) expect(Object.keys(k).sort()).toEqual(['created_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at']);
    });
  });

  it('keeps the hash unique: the database refuses a second row with the same hash', async () => {
    const config = d.freshConfig();
    await withStore(config, (s) => s.apiKeys.create('one'));
    const setup = dialectSetup(config);
    const db = new Kysely<Database>({ dialect: setup.dialect });
    try {
      const [row] = await db.selectFrom('api_keys').selectAll().execute();
      await expect(db.insertInto('api_keys').values({ ...row!, id: 'key_other' }).execute()).rejects.toThrow();
      const n = await sql<{ n: number }>`select count(*) as n from api_keys`.execute(db);
      expect(Number(n.rows[0]!.n)).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});
