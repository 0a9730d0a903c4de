/** The API over each database the store supports: the same answers from SQLite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '@micropurse/store';
import { describeEachDialect } from '../../../packages/store/test/dialects.js';
import { createApp } from '../src/index.js';
import { repoRoot, testConfig } from './helpers.js';

const feed = readFileSync(join(repoRoot, 'packages/store/test/fixtures/feeds/product-graph.jsonld'));

describeEachDialect('the API', (d) => {
  it('is ready, searches, imports with a key, and fits a bag it has just imported', async () => {
    const store = await openStore({ ...d.freshConfig(), seedDate: '2026-03-01' });
    const app = createApp({ store, config: testConfig(), logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', store: d.name, bags: 53 });
      const search = (await app.inject({ method: 'GET', url: '/v1/bags?kit=e03,e20,e24&sort=volume' })).json() as { total: number; results: { bag_id: string }[] };
      expect(search.total).toBeGreaterThan(5);

      const { key } = await store.apiKeys.create('dialect test');
      const imported = await app.inject({ method: 'POST', url: '/v1/imports?seen=2026-11-01', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/ld+json' }, payload: feed });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toMatchObject({ format: 'jsonld', accepted: 4, rejected: 0 });

      const page = (await app.inject({ method: 'GET', url: '/v1/bags?brand=Celine' })).json() as { results: { bag_id: string }[] };
      const id = page.results[0]!.bag_id;
      const detail = await app.inject({ method: 'GET', url: `/v1/bags/${encodeURIComponent(id)}` });
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ bag: { brand: 'Celine', model: 'Nano Luggage' }, json_ld: { name: 'Celine Nano Luggage' } });
      const fitted = await app.inject({ method: 'POST', url: '/v1/fit', payload: { bag: id, items: ['lipstick', 'credit card'] } });
      expect(fitted.json()).toMatchObject({ verdict: 'fits', bag: { id, name: 'Celine Nano Luggage' } });
      expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ bags: 57 });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
