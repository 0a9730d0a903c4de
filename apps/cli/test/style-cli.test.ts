import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAGS } from '@micropurse/core';
import { runCli } from './run-cli.js';

interface StyleJson {
  recommendations: {
    bag_id: string;
    brand: string;
    model: string;
    exterior_mm: { w: number; h: number; d: number };
    finish: string[];
    color_hex: string;
    wear_modes: string[];
    score: number;
    components: Record<string, number>;
    why: string[];
  }[];
  stack: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'mp-style-'));
function outfitFile(name: string, body: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
}

// An oversized black suit for work: the sample wardrobe's g01 and g04, colours as the CSV writes them.
const SUIT = {
  occasion: 'work',
  garments: [
    { category: 'blazer', silhouette: 'oversized', colors: ['#1C1C1C'], pattern: 'solid', material: 'wool' },
    { category: 'trousers', silhouette: 'relaxed', colors: ['#3B3B3B'], pattern: 'pinstripe', material: 'wool' },
  ],
};
const suit = outfitFile('suit.json', SUIT);
const suitLower = outfitFile('suit-lower.json', { ...SUIT, garments: SUIT.garments.map((g) => ({ ...g, colors: g.colors.map((c) => c.toLowerCase()) })) });
const price = new Map(BAGS.map((b) => [b.id, b.price_usd]));

function styleJson(args: string[]): StyleJson {
  const r = runCli(['style', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as StyleJson;
}

describe('micropurse style (the machine contract)', () => {
  it('prints the ten best bags, best first, in the contract shape', () => {
    const o = styleJson(['--outfit', suit]);
    expect(Object.keys(o).sort()).toEqual(['recommendations', 'stack']);
    expect(o.recommendations).toHaveLength(10);
    expect(o.stack).toEqual([]);
    for (const rec of o.recommendations) {
      expect(Object.keys(rec).sort()).toEqual(['bag_id', 'brand', 'color_hex', 'components', 'exterior_mm', 'finish', 'model', 'score', 'wear_modes', 'why']);
      expect(Object.keys(rec.components).sort()).toEqual(['colour', 'occasion', 'practicality', 'proportion', 'texture']);
      expect(Object.keys(rec.exterior_mm).sort()).toEqual(['d', 'h', 'w']);
      expect(rec.color_hex).toMatch(/^#[0-9a-f]{6}$/);
      const sum = Object.values(rec.components).reduce((s, v) => s + v, 0);
      expect(rec.score).toBeCloseTo(sum, 6);
      expect(rec.why.length).toBe(5);
      expect(price.has(rec.bag_id)).toBe(true);
    }
    const scores = o.recommendations.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The stylist's pick for an oversized black suit: a tiny, saturated bag.
    const first = o.recommendations[0]!;
    expect(Math.sqrt(first.exterior_mm.w * first.exterior_mm.h)).toBeLessThanOrEqual(110);
    expect(first.why.join(' ')).toMatch(/standout/);
  });

  it('accepts upper-case hex as the same colours', () => {
    expect(styleJson(['--outfit', suit])).toEqual(styleJson(['--outfit', suitLower]));
  });

  it('--top limits the list to the first N of the same ranking', () => {
    const all = styleJson(['--outfit', suit, '--top', '53']);
    const three = styleJson(['--outfit', suit, '--top', '3']);
    expect(all.recommendations).toHaveLength(53);
    expect(three.recommendations).toEqual(all.recommendations.slice(0, 3));
    const bad = runCli(['style', '--outfit', suit, '--top', '0', '--json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--top must be a whole number of 1 or more, got "0"/);
  });

  it('--stack adds two or three different bags to wear together', () => {
    const o = styleJson(['--outfit', suit, '--stack']);
    expect(o.stack.length).toBeGreaterThanOrEqual(2);
    expect(o.stack.length).toBeLessThanOrEqual(3);
    expect(new Set(o.stack).size).toBe(o.stack.length);
    for (const id of o.stack) expect(price.has(id)).toBe(true);
  });

  it('honours the budget in the outfit file', () => {
    const file = outfitFile('budget.json', { ...SUIT, budget_usd: 60 });
    const o = styleJson(['--outfit', file, '--top', '53']);
    expect(o.recommendations.length).toBeGreaterThan(0);
    for (const rec of o.recommendations) expect(price.get(rec.bag_id)!).toBeLessThanOrEqual(60);
  });

  it('--kit keeps only bags the kit fits', () => {
    const o = styleJson(['--outfit', suit, '--kit', 'iPhone 15, lipstick', '--top', '53']);
    const ids = o.recommendations.map((r) => r.bag_id);
    expect(ids).not.toContain('b02');
    expect(ids.length).toBeGreaterThan(5);
    expect(o.recommendations[0]!.why.join(' ')).toMatch(/holds your kit/);
  });

  it('--wear-mode and --tier narrow the candidates, and name a bad value', () => {
    const belt = styleJson(['--outfit', suit, '--wear-mode', 'belt']);
    expect(belt.recommendations.map((r) => r.bag_id).sort()).toEqual(['b08', 'c03']);
    for (const rec of belt.recommendations) expect(rec.wear_modes).toContain('belt');
    const cheap = styleJson(['--outfit', suit, '--tier', 'fast-fashion', '--top', '53']);
    expect(cheap.recommendations.every((r) => r.bag_id.startsWith('f'))).toBe(true);
    const bad = runCli(['style', '--outfit', suit, '--tier', 'haute', '--json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--tier: "haute" is not one of luxury, contemporary, fast-fashion/);
  });

  it('names the malformed field and exits 2', () => {
    const file = outfitFile('bad.json', { ...SUIT, garments: [SUIT.garments[0], { ...SUIT.garments[1], colors: ['navy'] }] });
    const r = runCli(['style', '--outfit', file, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/garments\[1\]\.colors\[0\]: must be a colour #rrggbb/);
    const noOccasion = runCli(['style', '--outfit', outfitFile('no-occasion.json', { garments: SUIT.garments }), '--json']);
    expect(noOccasion.status).toBe(2);
    expect(noOccasion.stderr).toMatch(/occasion: is required/);
  });

  it('refuses a missing or unreadable outfit file, naming --outfit', () => {
    for (const args of [[], ['--outfit', join(dir, 'nope.json')], ['--outfit', outfitFile('broken.json', '{"occasion": ')]]) {
      const r = runCli(['style', ...args, '--json']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--outfit: /);
    }
  });

  it('prints a readable ranked table with the reasons', () => {
    const r = runCli(['style', '--outfit', suit, '--top', '2', '--stack']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Outfit: work, 2 garments/);
    expect(r.stdout).toMatch(/Score = proportion 20 \+ occasion 30 \+ colour 20 \+ texture 15 \+ practicality 15/);
    expect(r.stdout).toMatch(/^ {2}1\. \S+ /m);
    expect(r.stdout).toMatch(/^ {2}2\. \S+ /m);
    expect(r.stdout).not.toMatch(/^ {2}3\. /m);
    expect(r.stdout).toMatch(/^ {7}- .*proportion|^ {7}- .*(tiny|small|large)/m);
    expect(r.stdout).toMatch(/^Stack \(\d+(\.\d+)?\): \S+ \w+ \+ \S+ \w+/m);
  });
});
