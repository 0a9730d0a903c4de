/**
 * GET /v1/trends/...: the CLI's trend reports over the store's listings or the seeded simulator's,
 * each saying where its listings came from; the lag answer carries the objects
 * `trends lag --json` prints; bootstraps capped by the request budget; every documented error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdoptionCurveSchema, OnsetSchema, PriceBandSchema, TierForecastSchema, TierLagSchema, type AdoptionReport } from '@micropurse/core';
import { importDrafts, parseFeed } from '@micropurse/store';
import { replicatesCap } from '../src/schemas/trends.js';
import { cliBin, repoRoot, startTestApp, tempDir, type TestServer } from './helpers.js';

let s: TestServer;
const files = tempDir('mp-trends-routes-');
beforeAll(async () => {
  s = await startTestApp({ budgetMs: 1000 });
});
afterAll(async () => {
  await s.close();
  files.remove();
});

function cli(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [cliBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function get(url: string, app = s.app) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: res.headers['content-type'], body: res.json() as Record<string, unknown> };
}

async function ok(url: string): Promise<Record<string, unknown>> {
  const r = await get(url);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('GET /v1/trends over the simulated market', () => {
  it('lag: the objects `trends lag --json` prints for the same simulated listings file', async () => {
    const csv = join(files.dir, 'seed2.csv');
    cli(['trends', 'simulate', '--out', csv, '--seed', '2']);
    const printed = JSON.parse(cli(['trends', 'lag', '--listings', csv, '--attribute', 'size=micro', '--replicates', '40', '--seed', '5', '--json'])) as unknown[];
    const body = await ok('/v1/trends/lag?attribute=size=micro&source=simulated&sim_seed=2&replicates=40&seed=5');
    expect(body['lags']).toEqual(printed);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n').length - 1;
    expect(body).toMatchObject({ source: 'simulated', sim_seed: 2, listings: rows, replicates: 40, seed: 5, attribute: 'size=micro', level: 0.95 });
    expect(body['matching']).toBeGreaterThan(0);
    expect(body['matching']).toBeLessThan(rows);
    const lags = (body['lags'] as unknown[]).map((l) => TierLagSchema.parse(l));
    expect(lags.map((l) => `${l.lead}>${l.follower}`)).toEqual(['luxury>contemporary', 'luxury>fast-fashion', 'contemporary>fast-fashion']);
    for (const l of lags) {
      expect(Object.keys(l)).toEqual(['attribute', 'lead', 'follower', 'lag_months', 'ci']);
      expect(l.ci![0]).toBeLessThanOrEqual(l.lag_months!);
      expect(l.ci![1]).toBeGreaterThanOrEqual(l.lag_months!);
    }
    // The simulator plants 6 and 12 months (README); the analysis finds them within a month.
    expect(Math.abs(lags[1]!.lag_months! - 12)).toBeLessThanOrEqual(1);

    const adoption = JSON.parse(cli(['trends', 'adoption', '--listings', csv, '--attribute', 'size=micro', '--json'])) as AdoptionReport;
    const served = await ok('/v1/trends/adoption?attribute=size=micro&demo=1&sim_seed=2');
    expect({ attribute: served['attribute'], curves: served['curves'] }).toEqual(adoption);
  });

  it('adoption with demo=1: every tier, every month, with counts and intervals', async () => {
    const body = await ok('/v1/trends/adoption?attribute=size=micro&demo=1');
    expect(body).toMatchObject({ source: 'simulated', sim_seed: 1, attribute: 'size=micro' });
    const curves = (body['curves'] as unknown[]).map((c) => AdoptionCurveSchema.parse(c));
    expect(curves.map((c) => c.tier)).toEqual(['luxury', 'contemporary', 'fast-fashion']);
    for (const c of curves) expect(c.points).toHaveLength(48);
    const n = curves.flatMap((c) => c.points).reduce((sum, p) => sum + p.n, 0);
    const k = curves.flatMap((c) => c.points).reduce((sum, p) => sum + p.k, 0);
    expect(n).toBe(body['listings']);
    expect(k).toBe(body['matching']);
  });

  it('onset, prices and forecast, with the options as parameters', async () => {
    const onset = await ok('/v1/trends/onset?attribute=size=micro&demo=1&share=0.3&replicates=40');
    expect(onset).toMatchObject({ share: 0.3, replicates: 40, seed: 1, level: 0.95 });
    const months = (onset['onsets'] as unknown[]).map((o) => OnsetSchema.parse(o).month);
    expect(months.every((m) => m !== null)).toBe(true);
    expect([...months].sort()).toEqual(months);

    const prices = await ok('/v1/trends/prices?attribute=size=micro&demo=1&period=year');
    const bands = (prices['bands'] as unknown[]).map((b) => PriceBandSchema.parse(b));
    expect(prices['period']).toBe('year');
    expect(bands.map((b) => `${b.tier} ${b.currency}`)).toEqual(['luxury EUR', 'luxury USD', 'contemporary USD', 'fast-fashion USD']);
    for (const b of bands) for (const p of b.points) expect(p.q1 <= p.median && p.median <= p.q3).toBe(true);

    const forecast = await ok('/v1/trends/forecast?attribute=size=micro&demo=1&replicates=20&horizon=3&holdout=4&level=0.8');
    expect(forecast).toMatchObject({ replicates: 20, level: 0.8 });
    for (const t of (forecast['tiers'] as unknown[]).map((x) => TierForecastSchema.parse(x))) {
      expect(t.forecast.map((p) => p.month)).toEqual(['2025-01', '2025-02', '2025-03']);
      expect(t.backtest?.holdout).toBe(4);
      for (const p of t.forecast) expect(p.lo <= p.share && p.share <= p.hi).toBe(true);
    }
  });

  it('is the same for the same seeds, and another market for another simulator seed', async () => {
    const url = '/v1/trends/onset?attribute=size=micro&demo=1&replicates=30&seed=7';
    expect(await ok(url)).toEqual(await ok(url));
    const other = await ok('/v1/trends/adoption?attribute=size=micro&source=simulated&sim_seed=9');
    const first = await ok('/v1/trends/adoption?attribute=size=micro&demo=1');
    expect(other['listings']).not.toBe(first['listings']);
  });
});

describe('bootstrap caps', () => {
  it('follow the request budget, are the default when lower than the CLI\'s, and are documented', async () => {
    expect(replicatesCap('lag', 1000)).toBe(100);
    expect(replicatesCap('forecast', 1000)).toBe(166);
    expect(replicatesCap('onset', 1000)).toBe(5000);
    expect(replicatesCap('lag', 10)).toBe(20);
    const tight = await startTestApp({ budgetMs: 200 });
    try {
      const lag = await get('/v1/trends/lag?attribute=size=micro&demo=1', tight.app);
      expect(lag.status).toBe(200);
      expect(lag.body['replicates']).toBe(20);
      const over = await get('/v1/trends/lag?attribute=size=micro&demo=1&replicates=21', tight.app);
      expect(over.status).toBe(400);
      expect(over.body['field']).toBe('replicates');
      expect(over.body['detail']).toMatch(/at most 20/);
      const doc = (await tight.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, { get: { parameters: { name: string; schema: { maximum?: number } }[] } }> };
      const param = doc.paths['/v1/trends/lag']!.get.parameters.find((p) => p.name === 'replicates');
      expect(param?.schema.maximum).toBe(20);
    } finally {
      await tight.close();
    }
    // Without the parameter the server uses the CLI's 200 where its cap allows it.
    expect((await ok('/v1/trends/onset?attribute=size=micro&demo=1'))['replicates']).toBe(200);
  });
});

describe('GET /v1/trends over the store', () => {
  it('is a 404 naming the source while the store has no listings', async () => {
    const r = await get('/v1/trends/adoption?attribute=size=micro');
    expect(r.status).toBe(404);
    expect(r.type).toBe('application/problem+json; charset=utf-8');
    expect(r.body['field']).toBe('source');
    expect(r.body['detail']).toMatch(/no dated listings yet.*demo=1/);
  });

  it('reads the listings imports recorded, as `micropurse trends` does on the same store', async () => {
    const feed = new Uint8Array(readFileSync(join(repoRoot, 'packages/store/test/fixtures/feeds/gmc-bags.tsv')));
    // The same feed seen in two months: a listing a bag each month. (The store records a price when it is new or
    // changed, or from an older observation, so the later month is imported first.)
    const seenIn = async (seen: string) => {
      const parsed = parseFeed(feed, { source: 'gmc-bags.tsv', seen });
      if (!parsed.ok) throw new Error(parsed.reason);
      return importDrafts(s.store, parsed.drafts, parsed.rejects, { source: 'gmc-bags.tsv' });
    };
    const { accepted } = await seenIn('2024-06-01');
    expect(accepted).toBeGreaterThan(0);
    await seenIn('2024-05-01');
    const body = await ok('/v1/trends/adoption?attribute=novelty=false');
    expect(body['source']).toBe('store');
    expect(body['sim_seed']).toBeUndefined();
    expect(body['listings']).toBe(2 * accepted);
    const printed = JSON.parse(cli(['trends', 'adoption', '--attribute', 'novelty=false', '--json'], { MICROPURSE_DATA_DIR: s.dir })) as AdoptionReport;
    expect({ attribute: body['attribute'], curves: body['curves'] }).toEqual(printed);
    const points = printed.curves.flatMap((c) => c.points);
    expect(new Set(points.map((p) => p.month))).toEqual(new Set(['2024-05', '2024-06']));

    const prices = await ok('/v1/trends/prices?attribute=novelty=false&period=month');
    expect((prices['bands'] as unknown[]).length).toBeGreaterThan(0);
    // Two months are too few to time a diffusion: the pairs come back without a lag, each with its reason.
    const lag = await ok('/v1/trends/lag?attribute=novelty=false&replicates=20');
    for (const l of (lag['lags'] as unknown[]).map((x) => TierLagSchema.parse(x))) {
      expect(l.lag_months).toBeNull();
      expect(l.note).toBeTruthy();
    }
  });
});

describe('GET /v1/trends: bad input', () => {
  it('an attribute no listing has is a 422 listing the keys there are', async () => {
    const r = await get('/v1/trends/lag?attribute=sise=micro&demo=1');
    expect(r.status).toBe(422);
    expect(r.body['field']).toBe('attribute');
    expect(r.body['detail']).toMatch(/no listing has the attribute "sise"; the listings have: category, colour, finish, novelty, size, wear/);
    expect((r.body['candidates'] as { id: string }[]).map((c) => c.id)).toEqual(['category', 'colour', 'finish', 'novelty', 'size', 'wear']);
  });

  it('a malformed query is a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/v1/trends/adoption?demo=1', 'attribute'],
      ['/v1/trends/adoption?attribute=micro&demo=1', 'attribute'],
      ['/v1/trends/adoption?attribute=size=micro&demo=maybe', 'demo'],
      ['/v1/trends/adoption?attribute=size=micro&source=web', 'source'],
      ['/v1/trends/adoption?attribute=size=micro&demo=1&source=store', 'demo'],
      ['/v1/trends/adoption?attribute=size=micro&sim_seed=3', 'sim_seed'],
      ['/v1/trends/adoption?attribute=size=micro&demo=1&period=year', 'period'],
      ['/v1/trends/onset?attribute=size=micro&demo=1&share=1.5', 'share'],
      ['/v1/trends/lag?attribute=size=micro&demo=1&replicates=5', 'replicates'],
      ['/v1/trends/lag?attribute=size=micro&demo=1&level=0.4', 'level'],
      ['/v1/trends/prices?attribute=size=micro&demo=1&period=week', 'period'],
      ['/v1/trends/forecast?attribute=size=micro&demo=1&horizon=0', 'horizon'],
    ];
    for (const [url, field] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.type).toBe('application/problem+json; charset=utf-8');
      expect(r.body['field'], url).toBe(field);
    }
  });
});
