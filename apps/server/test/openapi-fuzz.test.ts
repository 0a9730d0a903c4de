/**
 * The OpenAPI document, generated from the schemas, served and usable; and the fuzz pass: requests
 * that violate it, generated from it, sent to the real server over a loopback socket, are all
 * answered with a 4xx problem (never a 5xx), and leave the store exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../../packages/store/test/snapshot.js';
import { startTestApp, type TestServer } from './helpers.js';
import { documentedExamples, violatingRequests, type FuzzRequest, type OpenApiDoc } from './openapi-fuzz.js';

let s: TestServer;
let base: string;
let doc: OpenApiDoc;

beforeAll(async () => {
  s = await startTestApp();
  base = await s.app.listen({ host: '127.0.0.1', port: 0 });
  doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDoc;
});
afterAll(() => s.close());

async function send(r: FuzzRequest): Promise<Response> {
  const hasBody = r.body !== undefined;
  return fetch(`${base}${r.url}`, {
    method: r.method.toUpperCase(),
    ...(hasBody ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(r.body) } : {}),
  });
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every endpoint with its methods', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'POST /v1/fit',
        'POST /v1/fit/leave-behind',
        'POST /v1/fit/stack',
        'POST /v1/design/interior',
        'GET /v1/bags',
        'GET /v1/bags/{id}',
        'GET /v1/items',
        'POST /v1/imports',
        'POST /v1/style',
        'GET /v1/trends/adoption',
        'GET /v1/trends/onset',
        'GET /v1/trends/lag',
        'GET /v1/trends/prices',
        'GET /v1/trends/forecast',
      ].sort(),
    );
  });

  it('documents the problem responses, the API key, and the core schemas as components', () => {
    const fit = doc.paths['/v1/fit']!['post'] as unknown as { responses: Record<string, { content: Record<string, unknown> }> };
    expect(Object.keys(fit.responses).sort()).toEqual(['200', '400', '413', '415', '422', '429']);
    expect(Object.keys(fit.responses['422']!.content)).toEqual(['application/problem+json']);
    const imports = doc.paths['/v1/imports']!['post'] as unknown as { security: unknown };
    expect(imports.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Problem', 'Interior', 'Placement', 'CatalogBag', 'BagSummary']));
  });

  it('serves the interactive docs', async () => {
    const res = await fetch(`${base}/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/swagger/i);
  });

  it('has documented examples that the server accepts', async () => {
    const examples = documentedExamples(doc);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const ex of examples) {
      const res = await send(ex);
      expect(res.status, `${ex.method} ${ex.url} ${JSON.stringify(ex.body)}: ${await res.clone().text()}`).toBe(200);
    }
  });
});

describe('fuzz: schema-violating requests from the document', () => {
  it('are answered 4xx with a problem, never 5xx, and change nothing in the store', async () => {
    const before = { ...(await snapshot(s.store)), keys: await s.store.apiKeys.list() };
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(violatingRequests(doc), async (r) => {
        const res = await send(r);
        const text = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(res.status, `${r.method} ${r.url} (${r.why}) ${JSON.stringify(r.body)?.slice(0, 300)} -> ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
        expect((JSON.parse(text) as { status: number }).status).toBe(res.status);
      }),
      { numRuns: 400, seed: 20261129 },
    );
    expect({ ...(await snapshot(s.store)), keys: await s.store.apiKeys.list() }).toEqual(before);
    // The pass reached the validation of bodies and queries, not only one kind of refusal.
    expect(seen.get(400) ?? 0).toBeGreaterThan(200);
  });
});
