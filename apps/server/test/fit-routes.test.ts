import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveBehind, parseKit, verifyLayout, type FitReport, type Item, type LeaveBehindResult, type StackResult } from '@micropurse/core';
import { HARD_INSTANCE, cliBin, post, repoRoot, startTestApp, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp({ budgetMs: 1000 });
});
afterAll(() => s.close());

const box = (b: { w: number; h: number; d: number }) => ({ shape: 'box' as const, ...b });
const asItems = (list: { name: string; w: number; h: number; d: number }[]): Item[] =>
  list.map((i) => ({ name: i.name, dims: { w: i.w, h: i.h, d: i.d }, quantity: 1, rotation: 'all', shape: 'box' }));

/** What the real command prints for the same question. */
function cliFit(args: string[]): FitReport {
  const r = spawnSync(process.execPath, [cliBin, 'fit', ...args, '--json'], { cwd: repoRoot, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as FitReport;
}

const withoutMs = ({ ms: _ms, ...rest }: FitReport & { id?: unknown }) => rest;

describe('POST /v1/fit', () => {
  it('answers the batch contract\'s instance shape with a verified layout, echoing the id', async () => {
    const instance = { id: 'demo-1', bag: { w: 100, h: 70, d: 30 }, items: [{ name: 'card', w: 85.6, h: 53.98, d: 0.76 }, { name: 'lipstick', w: 20, h: 75, d: 20 }, { name: 'airpods', w: 60.6, h: 45.2, d: 21.7 }] };
    const res = await post(s.app, '/v1/fit', instance);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const o = res.json() as FitReport & { id: string };
    expect(o.id).toBe('demo-1');
    expect(o.verdict).toBe('fits');
    expect(o.reasons).toEqual([]);
    expect(o.swaps).toEqual([]);
    expect(o.bag).toEqual({ interior_mm: box(instance.bag) });
    expect(verifyLayout(box(instance.bag), asItems(instance.items), o.placements)).toEqual({ ok: true });
    for (const p of o.placements) expect(Object.keys(p)).toEqual(expect.arrayContaining(['name', 'x', 'y', 'z', 'w', 'h', 'd']));
  });

  it('gives the same verdict object as `micropurse fit --json`, reasons and swaps included', async () => {
    const cli = cliFit(['--bag-dims', '110x80x14', '--items', 'micro wallet, mini lipstick, credit card']);
    const res = await post(s.app, '/v1/fit', { bag: { w: 110, h: 80, d: 14 }, items: ['micro wallet', 'mini lipstick', 'credit card'] });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as FitReport;
    expect(o.verdict).toBe('does-not-fit');
    expect(o.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['volume-ratio', 'bottleneck', 'short-by']));
    expect(o.swaps.length).toBeGreaterThan(0);
    expect(withoutMs(o)).toEqual(withoutMs(cli));
  });

  it('resolves a catalog bag by name or id, from the store, like the CLI', async () => {
    const items = ['iPhone 15', 'AirPods Pro 2', 'lipstick', 'credit card x2'];
    const byName = (await post(s.app, '/v1/fit', { bag: 'Nano Speedy', items })).json() as FitReport;
    const byId = (await post(s.app, '/v1/fit', { bag: 'b05', items })).json() as FitReport;
    expect(byName.bag.id).toBe('b05');
    expect(byName.bag.name).toBe('Louis Vuitton Nano Speedy');
    expect(withoutMs(byId)).toEqual(withoutMs(byName));
    expect(byName.bag.interior_mm).toEqual((await s.store.bags.get('b05'))!.interior);
    const cli = cliFit(['--bag', 'Nano Speedy', '--items', items.join(', ')]);
    expect(withoutMs(byName)).toEqual(withoutMs(cli));
  });

  it('takes item references, core items and kit text in one kit', async () => {
    const res = await post(s.app, '/v1/fit', {
      bag: { shape: 'box', w: 200, h: 120, d: 40 },
      items: [{ item: 'e03', case: true }, { name: 'notebook', dims: { w: 90, h: 60, d: 8 } }, 'keys=60x30x15', { item: 'credit card', quantity: 2, priority: 3 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as FitReport;
    expect(o.verdict).toBe('fits');
    expect(o.items.map((i) => [i.id ?? null, i.name, i.quantity])).toEqual([
      ['e03', 'iPhone 15', 1],
      [null, 'notebook', 1],
      [null, 'keys', 1],
      ['e24', 'Credit/debit card', 2],
    ]);
    // The phone in its case: 2 mm more on every side.
    const phone = o.placements.find((p) => p.item === 0)!;
    expect([phone.w, phone.h, phone.d].sort((a, b) => a - b)).toEqual([11.8, 75.6, 151.6]);
    expect(o.placements).toHaveLength(5);
  });

  it('holds the engine to the server\'s budget whatever the client asks: undecided, never a long-held core', async () => {
    const tight = await startTestApp({ budgetMs: 200 });
    try {
      const t0 = performance.now();
      const res = await post(tight.app, '/v1/fit', { ...HARD_INSTANCE, time_limit_ms: 600_000 });
      const elapsed = performance.now() - t0;
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json() as FitReport;
      expect(o.verdict).toBe('undecided');
      const limit = o.reasons.find((r) => r.code === 'time-limit');
      expect(limit && 'limit_ms' in limit ? limit.limit_ms : NaN).toBeLessThanOrEqual(100);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      await tight.close();
    }
  });
});

describe('POST /v1/fit/leave-behind, /v1/fit/stack, /v1/design/interior', () => {
  it('leave-behind: keeps the most wanted part that fits, as the core computes it', async () => {
    const res = await post(s.app, '/v1/fit/leave-behind', { bag: { w: 100, h: 70, d: 30 }, items: ['e03:3', 'e20:2', 'e37:1', 'e24:2'] });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as LeaveBehindResult;
    expect(o.leave).toEqual(['iPhone 15']);
    expect(o.exact).toBe(true);
    const direct = leaveBehind({ bag: box({ w: 100, h: 70, d: 30 }), items: parseKit('e03:3,e20:2,e37:1,e24:2'), options: { timeLimitMs: 1000 } });
    expect({ ...o, stats: null }).toEqual({ ...direct, stats: null });
  });

  it('stack: splits a kit across two catalog bags, each share verified in its bag', async () => {
    const items = ['AirPods Pro 2', 'lipstick', 'credit card x2', 'car key', 'mini perfume'];
    const res = await post(s.app, '/v1/fit/stack', { bags: ['b01', 'Micro Lady Dior'], items });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as StackResult;
    expect(o.verdict).toBe('fits');
    expect(o.bags.map((b) => b.name)).toEqual(['Jacquemus Le Chiquito (original)', 'Dior Micro Lady Dior']);
    expect(o.bags.flatMap((b) => b.items).sort()).toEqual(parseKit(items.join(',')).flatMap((it) => Array(it.quantity).fill(it.name)).sort());
    const kit = parseKit(items.join(','));
    for (const [i, share] of o.bags.entries()) {
      const interior = (await s.store.bags.get(i === 0 ? 'b01' : 'b11'))!.interior;
      const counts = kit.map((_, k) => share.placements.filter((p) => p.item === k).length);
      expect(verifyLayout(interior, kit.map((it, k) => ({ ...it, quantity: counts[k]! })), share.placements)).toEqual({ ok: true });
    }
  });

  it('design: the smallest interior for a kit and its exterior, as the README shows', async () => {
    const res = await post(s.app, '/v1/design/interior', { items: ['iPhone 15', 'AirPods Pro 2', 'lipstick', 'credit card x2'], construction: 'structured' });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as { verdict: string; interior_mm: object; exterior_mm: object; volume_mm3: number; construction: string; placements: unknown[] };
    expect(o).toMatchObject({ verdict: 'fits', construction: 'structured', interior_mm: { w: 147.6, h: 71.6, d: 29.5 }, exterior_mm: { w: 155.6, h: 79.6, d: 37.5 } });
    expect(o.volume_mm3).toBeCloseTo(311_760.72, 1);
    expect(o.placements).toHaveLength(5);
  });

  it('design: a held side that no orientation fits is a verdict, not an error', async () => {
    const res = await post(s.app, '/v1/design/interior', { items: ['iPhone 15'], fix: { h: 50, d: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'does-not-fit', construction: 'soft' });
  });
});
