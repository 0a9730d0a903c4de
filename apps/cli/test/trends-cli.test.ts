import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdoptionCurveSchema, OnsetSchema, PriceBandSchema, TierForecastSchema, TierLagSchema, type PlantedTruth } from '@micropurse/core';
import { repoRoot, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mp-trends-'));
const csv = join(dir, 'listings.csv');
const truthFile = join(dir, 'truth.json');
// One simulated market for the whole file: the default volumes, 4 years, seed 3.
const sim = runCli(['trends', 'simulate', '--out', csv, '--truth', truthFile, '--seed', '3', '--json']);

describe('micropurse trends simulate', () => {
  it('writes a listings CSV with its planted truth, the same for the same seed', () => {
    expect(sim.status, sim.stderr).toBe(0);
    const summary = JSON.parse(sim.stdout) as { out: string; listings: number; truth: PlantedTruth[] };
    expect(summary.out).toBe(csv);
    expect(summary.listings).toBeGreaterThan(25_000);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n')[0]).toBe('date,tier,price,currency,size,novelty,finish,colour,category,wear');
    expect(text.trimEnd().split('\n')).toHaveLength(summary.listings + 1);
    const again = join(dir, 'again.csv');
    expect(runCli(['trends', 'simulate', '--out', again, '--seed', '3']).status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(text);
  });

  it('names a bad option', () => {
    const r = runCli(['trends', 'simulate', '--out', join(dir, 'x.csv'), '--months', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--months: /);
    expect(runCli(['trends', 'simulate']).stderr).toMatch(/--out: is required/);
  });
});

describe('micropurse trends lag (the machine contract)', () => {
  it('prints, for each pair of tiers, who leads, who follows, by how many months, with an interval', () => {
    const r = runCli(['trends', 'lag', '--listings', csv, '--attribute', 'size=micro', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const lags = JSON.parse(r.stdout) as { attribute: string; lead: string; follower: string; lag_months: number; ci: [number, number] }[];
    expect(lags).toHaveLength(3);
    const { truth } = JSON.parse(readFileSync(truthFile, 'utf8')) as { truth: PlantedTruth[] };
    for (const l of lags) {
      expect(Object.keys(l)).toEqual(['attribute', 'lead', 'follower', 'lag_months', 'ci']);
      TierLagSchema.parse(l);
      expect(l.attribute).toBe('size=micro');
      const planted = truth[0]!.lags.find((p) => p.lead === l.lead && p.follower === l.follower)!;
      expect(planted).toBeDefined();
      expect(Math.abs(l.lag_months - planted.half_lag)).toBeLessThanOrEqual(1);
      expect(l.ci[0]).toBeLessThanOrEqual(l.lag_months);
      expect(l.ci[1]).toBeGreaterThanOrEqual(l.lag_months);
    }
    expect(lags.find((l) => l.follower === 'fast-fashion' && l.lead === 'luxury')).toBeDefined();
  });

  it('says it in words without --json', () => {
    const r = runCli(['trends', 'lag', '--listings', csv, '--attribute', 'size=micro', '--replicates', '20']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/fast-fashion follows luxury by 1\d\.\d months {2}\[\d+\.\d to \d+\.\d\]/);
  });
});

describe('micropurse trends adoption, onset, prices, forecast', () => {
  it('give JSON in the core schemas', () => {
    const adoption = JSON.parse(runCli(['trends', 'adoption', '--listings', csv, '--attribute', 'size=micro', '--json']).stdout) as { attribute: string; curves: unknown[] };
    expect(adoption.attribute).toBe('size=micro');
    expect(adoption.curves.map((c) => AdoptionCurveSchema.parse(c).points.length)).toEqual([48, 48, 48]);

    const onset = JSON.parse(runCli(['trends', 'onset', '--listings', csv, '--attribute', 'size=micro', '--share', '0.3', '--replicates', '40', '--json']).stdout) as { share: number; onsets: unknown[] };
    expect(onset.share).toBe(0.3);
    const months = onset.onsets.map((o) => OnsetSchema.parse(o).month);
    expect([...months].sort()).toEqual(months);

    const prices = JSON.parse(runCli(['trends', 'prices', '--listings', csv, '--attribute', 'size=micro', '--period', 'year', '--json']).stdout) as { bands: unknown[] };
    const bands = prices.bands.map((b) => PriceBandSchema.parse(b));
    expect(bands.map((b) => `${b.tier} ${b.currency}`)).toEqual(['luxury EUR', 'luxury USD', 'contemporary USD', 'fast-fashion USD']);

    const forecast = JSON.parse(runCli(['trends', 'forecast', '--listings', csv, '--attribute', 'size=micro', '--replicates', '20', '--horizon', '3', '--json']).stdout) as { tiers: unknown[] };
    for (const t of forecast.tiers.map((x) => TierForecastSchema.parse(x))) expect(t.forecast.map((p) => p.month)).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('draw adoption as sparklines and a table for people', () => {
    const r = runCli(['trends', 'adoption', '--listings', csv, '--attribute', 'size=micro']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}luxury {8}[▁▂▃▄▅▆▇█]{48}$/m);
    expect(r.stdout).toMatch(/^2021-01 {2}0% {2}\(0\/\d+\)/m);
  });
});

describe('bad input to micropurse trends', () => {
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, ['date,tier,price,currency,size', '2023-01-05,luxury,100,USD,micro', '2023-13-01,luxury,100,USD,micro', '2023-01-06,couture,100,USD,mini', '2023-01-07,luxury,-1,USD,mini', '2023-01-08,luxury,10,USD,mini'].join('\n'));

  it('reports every bad row of a file with its line, column and reason, and reads the rest', () => {
    const r = runCli(['trends', 'adoption', '--listings', bad, '--attribute', 'size=micro', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${bad} line 3: date: date is "2023-13-01", not a date yyyy-mm-dd.`);
    expect(r.stderr).toContain(`${bad} line 4: tier: tier is "couture", not one of luxury, contemporary, fast-fashion.`);
    expect(r.stderr).toContain(`${bad} line 5: price: price is negative`);
    const out = JSON.parse(r.stdout) as { curves: { points: { n: number; k: number }[] }[] };
    expect(out.curves[0]!.points).toEqual([expect.objectContaining({ n: 2, k: 1 })]);
  });

  it('fails on any bad row with --strict, naming the first', () => {
    const r = runCli(['trends', 'lag', '--listings', bad, '--attribute', 'size=micro', '--strict', '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--listings: .* has 3 bad row\(s\), the first on line 3 \(date\)/);
  });

  it('refuses an attribute no listing has, listing those there are, and a query that is not KEY=VALUE', () => {
    const r = runCli(['trends', 'lag', '--listings', csv, '--attribute', 'sise=micro', '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--attribute: no listing has the attribute "sise"; the listings have: category, colour, finish, novelty, size, wear/);
    expect(runCli(['trends', 'lag', '--listings', csv, '--attribute', 'micro']).stderr).toMatch(/--attribute: "micro" is not KEY=VALUE/);
    expect(runCli(['trends', 'lag', '--listings', csv, '--attribute', 'size=micro', '--replicates', '5']).stderr).toMatch(/--replicates: /);
    expect(runCli(['trends', 'lag', '--listings', join(dir, 'missing.csv'), '--attribute', 'size=micro']).stderr).toMatch(/--listings: cannot read/);
  });
});

describe('micropurse trends over the store', () => {
  it('reads the listings imports recorded, with their bags\' attributes', () => {
    const env = { MICROPURSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-trends-store-')) };
    const empty = runCli(['trends', 'adoption', '--attribute', 'size=micro', '--json'], env);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no dated listings yet/);
    const feed = join(repoRoot, 'packages/store/test/fixtures/feeds/gmc-bags.tsv');
    const imported = JSON.parse(runCli(['import', feed, '--json', '--seen', '2024-05-01'], env).stdout) as { accepted: number };
    expect(imported.accepted).toBeGreaterThan(0);
    const r = runCli(['trends', 'adoption', '--attribute', 'novelty=false', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { curves: { tier: string; points: { month: string; n: number; k: number }[] }[] };
    const points = out.curves.flatMap((c) => c.points);
    expect(new Set(points.map((p) => p.month))).toEqual(new Set(['2024-05']));
    expect(points.reduce((s, p) => s + p.n, 0)).toBe(imported.accepted);
  });
});
