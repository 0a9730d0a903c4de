import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLayout, type Placement } from '@micropurse/core';
import { repoRoot, runCli } from './run-cli.js';

const fixtures = join(repoRoot, 'packages/store/test/fixtures/feeds');

interface SearchJson {
  results: {
    bag_id: string;
    brand: string;
    model: string;
    tier: string;
    price_usd: number | null;
    shape: string;
    interior_mm: { w: number; h: number; d: number };
    interior_derived: boolean;
    verdict: string;
    placements: Placement[];
  }[];
  total: number;
}

describe('micropurse search (the machine contract)', () => {
  const env = { MICROPURSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-search-')) };

  it('answers "fits my kit" over the seeded catalog, smallest first, with layouts', () => {
    const r = runCli(['search', '--kit', 'e03,e20,e24', '--sort', 'volume', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as SearchJson;
    expect(o.total).toBeGreaterThan(5);
    expect(o.results.length).toBeLessThanOrEqual(20);
    const first = o.results[0]!;
    expect(Object.keys(first).sort()).toEqual(['bag_id', 'brand', 'interior_derived', 'interior_mm', 'model', 'placements', 'price_usd', 'shape', 'tier', 'verdict']);
    const volumes = o.results.map((x) => x.interior_mm.w * x.interior_mm.h * x.interior_mm.d);
    expect(volumes).toEqual([...volumes].sort((a, b) => a - b));
    for (const res of o.results) {
      expect(res.verdict).toBe('fits');
      expect(res.placements).toHaveLength(3);
      expect(res.interior_derived).toBe(true);
    }
    // The layout of a box bag verifies in its interior.
    const box = o.results.find((x) => x.shape === 'box')!;
    const items = [
      { name: 'iPhone 15', dims: { w: 71.6, h: 147.6, d: 7.8 }, quantity: 1, rotation: 'all' as const },
      { name: 'AirPods Pro 2 charging case', dims: { w: 60.6, h: 45.2, d: 21.7 }, quantity: 1, rotation: 'all' as const },
      { name: 'Credit/debit card', dims: { w: 85.6, h: 53.98, d: 0.76 }, quantity: 1, rotation: 'all' as const },
    ];
    const layout = box.placements.map((p) => ({ ...p, item: items.findIndex((i) => i.name === p.name), copy: 0 }));
    expect(verifyLayout({ shape: 'box', ...box.interior_mm }, items, layout)).toEqual({ ok: true });
  });

  it('filters by price, tier and colour family', () => {
    const r = runCli(['search', '--kit', 'lipstick, credit card x2', '--price-max', '150', '--tier', 'fast-fashion', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as SearchJson;
    expect(o.total).toBeGreaterThan(0);
    for (const res of o.results) {
      expect(res.tier).toBe('fast-fashion');
      expect(res.price_usd).not.toBeNull();
      expect(res.price_usd!).toBeLessThanOrEqual(150);
    }
    const pink = JSON.parse(runCli(['search', '--colour', 'pink', '--json'], env).stdout) as SearchJson;
    expect(pink.results.map((x) => x.bag_id)).toContain('b01');
  });

  it('names a bad filter value and lists the allowed ones', () => {
    const r = runCli(['search', '--tier', 'haute', '--json'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--tier: "haute" is not one of luxury, contemporary, fast-fashion/);
  });
});

describe('micropurse import (the machine contract)', () => {
  it('imports a Merchant feed, then reports every row unchanged on a second import', () => {
    const env = { MICROPURSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-import-')) };
    const feed = join(fixtures, 'gmc-bags.tsv');
    const first = runCli(['import', feed, '--json', '--seen', '2026-11-01'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'gmc-tsv', accepted: 7, unchanged: 0, rejected: 0, rejects: [], rejects_file: null });
    const again = runCli(['import', feed, '--json', '--seen', '2026-11-01'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, updated: 0, unchanged: 7, rejected: 0 });
    const found = JSON.parse(runCli(['search', '--brand', 'Dior', '--json'], env).stdout) as SearchJson;
    expect(found.results.some((x) => /saddle/i.test(x.model))).toBe(true);
  });

  it('keeps the good rows, reports and writes every rejected one', () => {
    const env = { MICROPURSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-import-')) };
    const lines = readFileSync(join(fixtures, 'gmc-bags.tsv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split('\t');
    const poison = (line: string, column: string, value: string) => {
      const cells = line.split('\t');
      cells[header.indexOf(column)] = value;
      return cells.join('\t');
    };
    const dir = mkdtempSync(join(tmpdir(), 'mp-feed-'));
    const feed = join(dir, 'hostile.tsv');
    writeFileSync(feed, [lines[0], poison(lines[1]!, 'brand', '=HYPERLINK("http://x","y")'), poison(lines[2]!, 'product_length', '-16 cm'), ...lines.slice(3)].join('\n'));
    const r = runCli(['import', feed, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as { accepted: number; rejected: number; rejects: { line: number; field: string; reason: string }[]; rejects_file: string };
    expect(o.accepted).toBe(lines.length - 3);
    expect(o.rejected).toBe(2);
    expect(o.rejects.map((x) => [x.line, x.field])).toEqual([
      [2, 'brand'],
      [3, 'product_length'],
    ]);
    expect(o.rejects_file).toBe(`${feed}.rejects.csv`);
    expect(existsSync(o.rejects_file)).toBe(true);
    expect(readFileSync(o.rejects_file, 'utf8')).toMatch(/formula/);
  });

  it('refuses an XML feed with a DOCTYPE and leaves the store as it was', () => {
    const env = { MICROPURSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-import-')) };
    const dir = mkdtempSync(join(tmpdir(), 'mp-feed-'));
    const evil = join(dir, 'evil.xml');
    writeFileSync(evil, '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaa">]>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel></channel></rss>');
    const before = (JSON.parse(runCli(['search', '--json', '--limit', '1'], env).stdout) as SearchJson).total;
    const r = runCli(['import', evil, '--json'], env);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/refused: .*DOCTYPE/);
    expect((JSON.parse(runCli(['search', '--json', '--limit', '1'], env).stdout) as SearchJson).total).toBe(before);
  });

  it('imports a simulated listings file into the store, where the trends read it', () => {
    const env = { MICROPURSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-listings-')) };
    const file = join(mkdtempSync(join(tmpdir(), 'mp-sim-')), 'market.csv');
    const sim = runCli(['trends', 'simulate', '--out', file, '--seed', '5', '--lag', '8'], env);
    expect(sim.status, sim.stderr).toBe(0);
    const rows = readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;
    const first = JSON.parse(runCli(['import', file, '--json'], env).stdout) as { format: string; accepted: number; unchanged: number; rejected: number };
    expect(first).toMatchObject({ format: 'listings-csv', accepted: rows, unchanged: 0, rejected: 0 });
    expect(JSON.parse(runCli(['import', file, '--json'], env).stdout)).toMatchObject({ accepted: 0, unchanged: rows });
    const fromStore = runCli(['trends', 'lag', '--attribute', 'size=micro', '--json'], env);
    const fromFile = runCli(['trends', 'lag', '--attribute', 'size=micro', '--listings', file, '--json'], env);
    expect(fromStore.status, fromStore.stderr).toBe(0);
    expect(JSON.parse(fromStore.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const lag = (JSON.parse(fromStore.stdout) as { lead: string; follower: string; lag_months: number }[]).find((p) => p.lead === 'luxury' && p.follower === 'fast-fashion');
    expect(lag).toBeDefined();
    expect(lag!.lag_months).toBeGreaterThan(0);
  });
});
