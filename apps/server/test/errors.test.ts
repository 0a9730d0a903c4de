/** Every documented error, as an RFC 9457 problem naming the field, and never a stack trace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@micropurse/store';
import { createApp } from '../src/index.js';
import { post, startTestApp, testConfig, type TestServer } from './helpers.js';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  request_id: string;
  field?: string;
  errors?: { field: string; message: string }[];
  candidates?: { id: string; name: string }[];
  limit?: number;
  retry_after_s?: number;
}

type Reply = Awaited<ReturnType<TestServer['app']['inject']>>;

/** The shape every error response has; returns the body for the specific checks. */
function problem(res: Reply, status: number): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json() as ProblemBody;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^urn:micropurse:problem:[a-z-]+$/);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.request_id).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  return body;
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp({ bodyLimitBytes: 2048, importLimitBytes: 4096, maxKitPieces: 8 });
});
afterAll(() => s.close());

describe('400: the request does not match its schema', () => {
  it('names the failing field of the body by its path', async () => {
    const body = problem(await post(s.app, '/v1/fit', { bag: { w: 100, h: 70, d: 30 }, items: [{ name: 'card', w: 85, h: 54, d: 1 }, { name: 'x', w: -1, h: 2, d: 3 }] }), 400);
    expect(body.field).toBe('items[1].w');
    expect(body.detail).toContain('greater than 0 mm');
  });

  it('lists every failing field, and names a wrong type of a union once', async () => {
    const body = problem(await post(s.app, '/v1/fit', { bag: true, items: [] }), 400);
    expect(body.errors?.map((e) => e.field)).toEqual(['bag', 'items']);
  });

  it('names an unknown query parameter and a bad one', async () => {
    expect(problem(await s.app.inject({ method: 'GET', url: '/v1/bags?colour=red' }), 400).field).toBe('colour');
    expect(problem(await s.app.inject({ method: 'GET', url: '/v1/bags?limit=0' }), 400).field).toBe('limit');
    expect(problem(await s.app.inject({ method: 'GET', url: '/v1/bags?tier=luxury,lux' }), 400).field).toBe('tier[1]');
  });

  it('names a path parameter over its length, and answers a far longer one as a problem too', async () => {
    expect(problem(await s.app.inject({ method: 'GET', url: `/v1/bags/${'x'.repeat(300)}` }), 400).field).toBe('id');
    problem(await s.app.inject({ method: 'GET', url: `/v1/bags/${'x'.repeat(1000)}` }), 414);
  });

  it('refuses malformed JSON and an empty JSON body', async () => {
    const bad = await s.app.inject({ method: 'POST', url: '/v1/fit', headers: { 'content-type': 'application/json' }, payload: '{"bag": "b05",' });
    expect(problem(bad, 400).type).toBe('urn:micropurse:problem:malformed-body');
    problem(await s.app.inject({ method: 'POST', url: '/v1/fit', headers: { 'content-type': 'application/json' }, payload: '' }), 400);
  });
});

describe('401, 404, 413, 415', () => {
  it('401: an import without a key, with a wrong one, with a revoked one', async () => {
    const feed = 'id,brand\n';
    const none = problem(await s.app.inject({ method: 'POST', url: '/v1/imports', payload: feed }), 401);
    expect(none.detail).toContain('API key');
    const { key, id } = await s.store.apiKeys.create('errors test');
    const wrong = await s.app.inject({ method: 'POST', url: '/v1/imports', headers: { authorization: `Bearer ${key.slice(0, -2)}xx` }, payload: feed });
    problem(wrong, 401);
    expect(wrong.headers['www-authenticate']).toContain('Bearer');
    await s.store.apiKeys.revoke(id);
    problem(await s.app.inject({ method: 'POST', url: '/v1/imports', headers: { 'x-api-key': key }, payload: feed }), 401);
  });

  it('404: an unknown route and an unknown bag', async () => {
    expect(problem(await s.app.inject({ method: 'GET', url: '/v2/everything' }), 404).instance).toBe('/v2/everything');
    expect(problem(await s.app.inject({ method: 'GET', url: '/v1/bags/zz-unknown' }), 404).field).toBe('id');
  });

  it('413: a JSON body over the limit, and an upload over the import limit', async () => {
    const big = { bag: 'b05', items: Array.from({ length: 200 }, () => 'credit card') };
    expect(problem(await post(s.app, '/v1/fit', big), 413).limit).toBe(2048);
    const { key } = await s.store.apiKeys.create('413 test');
    const upload = await s.app.inject({ method: 'POST', url: '/v1/imports', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' }, payload: 'x'.repeat(5000) });
    expect(problem(upload, 413).limit).toBe(4096);
  });

  it('415: a body that is not JSON', async () => {
    problem(await s.app.inject({ method: 'POST', url: '/v1/fit', headers: { 'content-type': 'text/plain' }, payload: 'iPhone 15 in b05?' }), 415);
  });
});

describe('422: well-formed, but not something to act on', () => {
  it('an ambiguous bag name, with the candidates', async () => {
    const body = problem(await post(s.app, '/v1/fit', { bag: 'chiquito', items: ['lipstick'] }), 422);
    expect(body.field).toBe('bag');
    expect(body.candidates?.map((c) => c.id)).toEqual(['b01', 'b02', 'b03']);
  });

  it('an unknown item, naming its entry', async () => {
    const body = problem(await post(s.app, '/v1/fit', { bag: 'b05', items: ['lipstick', 'unicorn horn'] }), 422);
    expect(body.field).toBe('items[1]');
    const ref = problem(await post(s.app, '/v1/fit', { bag: 'b05', items: [{ item: 'unicorn horn' }] }), 422);
    expect(ref.field).toBe('items[0].item');
    expect(problem(await s.app.inject({ method: 'GET', url: '/v1/bags?kit=e03,nothing-like-this' }), 422).field).toBe('kit[1]');
  });

  it('a kit over the piece limit, quantities counted, on every kit endpoint', async () => {
    for (const [url, payload] of [
      ['/v1/fit', { bag: 'b05', items: ['credit card x9'] }],
      ['/v1/fit/leave-behind', { bag: 'b05', items: Array(9).fill('lipstick') }],
      ['/v1/fit/stack', { bags: ['b05', 'b11'], items: ['lipstick x5', 'credit card x4'] }],
      ['/v1/design/interior', { items: ['lipstick x9'] }],
    ] as const) {
      const body = problem(await post(s.app, url, payload), 422);
      expect(body).toMatchObject({ type: 'urn:micropurse:problem:kit-too-large', field: 'items', limit: 8 });
    }
    expect(problem(await s.app.inject({ method: 'GET', url: '/v1/bags?kit=lipstick x9' }), 422).field).toBe('kit');
  });

  it('a feed the importer refuses, with its reason', async () => {
    const { key } = await s.store.apiKeys.create('422 test');
    const res = await s.app.inject({ method: 'POST', url: '/v1/imports', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/xml' }, payload: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss/>' });
    const body = problem(res, 422);
    expect(body).toMatchObject({ type: 'urn:micropurse:problem:feed-refused', field: 'body' });
    expect(body.detail).toMatch(/DOCTYPE/);
  });
});

describe('429 and 500', () => {
  it('429: a client over the read limit, with Retry-After; health probes are never limited', async () => {
    const limited = await startTestApp({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.app.inject({ method: 'GET', url: '/v1/items' })).statusCode).toBe(200);
      const res = await limited.app.inject({ method: 'POST', url: '/v1/fit', payload: { bag: 'b05', items: ['lipstick'] } });
      const body = problem(res, 429);
      expect(body.limit).toBe(3);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(body.retry_after_s).toBe(Number(res.headers['retry-after']));
      // Another client is not affected; nor are the probes.
      expect((await limited.app.inject({ method: 'GET', url: '/v1/items', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
      expect((await limited.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await limited.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('500: a failure of ours says nothing of itself to the client, and everything to the log', async () => {
    const lines: string[] = [];
    const broken = {
      ...s.store,
      bags: {
        ...s.store.bags,
        get: async () => {
          throw new Error('secret connection string postgres://admin:hunter2@db');
        },
      },
    } as Store;
    const app = createApp({ store: broken, config: testConfig(), logger: { level: 'info', stream: { write: (l: string) => lines.push(l) } } });
    try {
      const res = await app.inject({ method: 'GET', url: '/v1/bags/b05', headers: { 'x-request-id': 'trace-me-42' } });
      const body = problem(res, 500);
      expect(body.request_id).toBe('trace-me-42');
      expect(res.body).not.toContain('hunter2');
      expect(res.body).not.toContain('secret');
      const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; level: number; err?: { stack?: string } }).find((l) => l.level >= 50);
      expect(logged?.reqId).toBe('trace-me-42');
      expect(logged?.err?.stack).toContain('hunter2');
    } finally {
      await app.close();
    }
  });

  it('request ids: a plain client id is kept, anything else replaced', async () => {
    const ok = await s.app.inject({ method: 'GET', url: '/v1/bags/nope', headers: { 'x-request-id': 'abc-123' } });
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const forged = await s.app.inject({ method: 'GET', url: '/v1/bags/nope', headers: { 'x-request-id': 'x\n{"level":60}' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
