/**
 * POST /v1/style: the store's bags ranked for an outfit, answered exactly as the real
 * `micropurse style --json` prints it; constraints leave bags out; imported bags count; a
 * malformed outfit is a 400 naming the field.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAGS, StyleContractSchema, type FitReport, type StyleContract } from '@micropurse/core';
import { importDrafts, parseFeed } from '@micropurse/store';
import { SUIT_EXAMPLE } from '../src/schemas/style.js';
import { cliBin, post, repoRoot, startTestApp, tempDir, type TestServer } from './helpers.js';

let s: TestServer;
const files = tempDir('mp-style-routes-');
beforeAll(async () => {
  s = await startTestApp({ budgetMs: 1000 });
});
afterAll(async () => {
  await s.close();
  files.remove();
});

// The README's oversized black suit for work (the sample wardrobe's g01 and g04), as documented.
const SUIT = SUIT_EXAMPLE;
const EVENING = {
  occasion: 'evening',
  garments: [{ category: 'dress', silhouette: 'bodycon', colors: ['#101010'], pattern: 'solid', material: 'satin' }],
};

/** What the real command prints for the outfit, raw. */
function cliStyle(outfit: unknown, args: string[]): string {
  const file = join(files.dir, `outfit-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(outfit));
  const r = spawnSync(process.execPath, [cliBin, 'style', '--outfit', file, ...args, '--json'], { cwd: repoRoot, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function style(body: unknown): Promise<StyleContract> {
  const res = await post(s.app, '/v1/style', body);
  expect(res.statusCode, res.body).toBe(200);
  return StyleContractSchema.parse(res.json());
}

describe('POST /v1/style', () => {
  it('answers byte for byte what `micropurse style --json` prints over the built-in catalog', async () => {
    const res = await post(s.app, '/v1/style', { ...SUIT, top: BAGS.length, stack: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const printed = cliStyle(SUIT, ['--top', String(BAGS.length), '--stack']);
    expect(res.body).toBe(printed.trimEnd());
    const o = StyleContractSchema.parse(res.json());
    // The budget left bags out, so the whole ranking is shorter than the catalog; the stack exists for this outfit.
    expect(o.recommendations.length).toBeGreaterThan(10);
    expect(o.recommendations.length).toBeLessThan(BAGS.length);
    expect(o.stack.length).toBeGreaterThanOrEqual(2);
  });

  it('agrees with the command on constraints: a kit, tiers and ways of wearing', async () => {
    const body = { ...EVENING, tiers: ['luxury', 'contemporary'], wear_modes: ['hand', 'wrist', 'crossbody'], kit: ['lipstick', 'credit card x2'], top: 20, stack: true };
    const res = await post(s.app, '/v1/style', body);
    expect(res.statusCode, res.body).toBe(200);
    const printed = cliStyle(EVENING, ['--tier', 'luxury,contemporary', '--wear-mode', 'hand,wrist,crossbody', '--kit', 'lipstick,credit card x2', '--top', '20', '--stack']);
    expect(res.body).toBe(printed.trimEnd());
  });

  it('answers the same over a loopback socket', async () => {
    const base = await s.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${base}/v1/style`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...EVENING, top: 5, stack: true }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await res.text()).toBe((await post(s.app, '/v1/style', { ...EVENING, top: 5, stack: true })).body);
  });

  it('lists the ten best by default, best first, each in the contract shape, and no stack unless asked', async () => {
    const o = await style(SUIT);
    expect(o.recommendations).toHaveLength(10);
    expect(o.stack).toEqual([]);
    const scores = o.recommendations.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of o.recommendations) {
      expect(Object.keys(r)).toEqual(['bag_id', 'brand', 'model', 'exterior_mm', 'finish', 'color_hex', 'wear_modes', 'score', 'components', 'why']);
      expect(Object.keys(r.components)).toEqual(['proportion', 'occasion', 'colour', 'texture', 'practicality']);
      const sum = Object.values(r.components).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - r.score)).toBeLessThan(0.02);
      const price = BAGS.find((b) => b.id === r.bag_id)?.price_usd;
      expect(price).not.toBeNull();
      expect(price!).toBeLessThanOrEqual(SUIT.budget_usd);
    }
    expect((await style({ ...SUIT, top: 3 })).recommendations.map((r) => r.bag_id)).toEqual(o.recommendations.slice(0, 3).map((r) => r.bag_id));
  });

  it('lists only bags the fit engine proves hold the kit', async () => {
    const kit = ['iPhone 15', 'AirPods Pro 2', 'credit card x2'];
    const o = await style({ ...EVENING, kit, top: 100 });
    const all = await style({ ...EVENING, top: 100 });
    expect(o.recommendations.length).toBeGreaterThan(0);
    expect(o.recommendations.length).toBeLessThan(all.recommendations.length);
    for (const r of o.recommendations) {
      const fit = await post(s.app, '/v1/fit', { bag: r.bag_id, items: kit });
      expect((fit.json() as FitReport).verdict, r.bag_id).toBe('fits');
    }
  });

  it('with a tiny budget leaves out the bags it cannot settle, and never lists one that does not hold the kit', async () => {
    const tight = await startTestApp({ budgetMs: 10 });
    try {
      const kit = ['iPhone 15 Pro Max', 'AirPods Pro 2', 'lipstick x2', 'credit card x3', 'car key'];
      const res = await post(tight.app, '/v1/style', { ...EVENING, kit, top: 100 });
      expect(res.statusCode, res.body).toBe(200);
      const full = await style({ ...EVENING, kit, top: 100 });
      const listed = (res.json() as StyleContract).recommendations.map((r) => r.bag_id);
      expect(full.recommendations.map((r) => r.bag_id)).toEqual(expect.arrayContaining(listed));
    } finally {
      await tight.close();
    }
  });

  it('ranks the store\'s bags, imported ones included', async () => {
    const feed = readFileSync(join(repoRoot, 'packages/store/test/fixtures/feeds/gmc-bags.tsv'));
    const parsed = parseFeed(new Uint8Array(feed), { source: 'gmc-bags.tsv', seen: '2026-03-02' });
    if (!parsed.ok) throw new Error(parsed.reason);
    const report = await importDrafts(s.store, parsed.drafts, parsed.rejects, { source: 'gmc-bags.tsv' });
    expect(report.accepted).toBeGreaterThan(0);
    const total = await s.store.bags.count();
    expect(total).toBeGreaterThan(BAGS.length);
    const o = await style({ ...EVENING, top: 100 });
    expect(o.recommendations).toHaveLength(Math.min(100, total));
    const builtin = new Set(BAGS.map((b) => b.id));
    expect(o.recommendations.some((r) => !builtin.has(r.bag_id))).toBe(true);
  });
});

describe('POST /v1/style: bad input', () => {
  async function problem(body: unknown) {
    const res = await post(s.app, '/v1/style', body);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    return { status: res.statusCode, body: res.json() as { field?: string; detail: string; candidates?: { id: string }[]; limit?: number } };
  }

  it('names the failing field of a malformed outfit (400)', async () => {
    const badColour = await problem({ ...SUIT, garments: [SUIT.garments[0], { ...SUIT.garments[1], colors: ['grey'] }] });
    expect(badColour.status).toBe(400);
    expect(badColour.body.field).toBe('garments[1].colors[0]');
    expect(badColour.body.detail).toMatch(/must be a colour #rrggbb/);

    expect((await problem({ ...SUIT, occasion: 'gala' })).body.field).toBe('occasion');
    expect((await problem({ occasion: 'work' })).body.field).toBe('garments');
    expect((await problem({ ...SUIT, garments: [{ ...SUIT.garments[0], silhouette: 'boxy' }] })).body.field).toBe('garments[0].silhouette');
    expect((await problem({ ...SUIT, budget_usd: -5 })).body.field).toBe('budget_usd');
    expect((await problem({ ...SUIT, tiers: ['couture'] })).body.field).toBe('tiers[0]');
  });

  it('refuses a top out of range and a stack that is not a boolean (400)', async () => {
    for (const top of [0, 101, 2.5, '3']) {
      const p = await problem({ ...SUIT, top });
      expect(p.status).toBe(400);
      expect(p.body.field).toBe('top');
    }
    expect((await problem({ ...SUIT, stack: 'yes' })).body.field).toBe('stack');
  });

  it('answers an unknown kit item with the nearest names (422) and a kit over the limit with the limit (422)', async () => {
    const unknown = await problem({ ...SUIT, kit: ['iPhone 15', 'zzqx widget'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe('kit[1]');
    expect(unknown.body.candidates?.length).toBeGreaterThan(0);
    const big = await problem({ ...SUIT, kit: ['credit card x40'] });
    expect(big.status).toBe(422);
    expect(big.body.field).toBe('kit');
    expect(big.body.limit).toBe(32);
  });
});
