import { describe, expect, it } from 'vitest';
import { verifyLayout, type Placement } from '@micropurse/core';
import { runCli } from './run-cli.js';

const box = (w: number, h: number, d: number) => ({ shape: 'box' as const, w, h, d });

describe('machine contracts of the advice commands', () => {
  it('fit --json on a kit that does not fit gives reasons with codes and swaps', () => {
    const r = runCli(['fit', '--bag-dims', '110x80x14', '--items', 'micro wallet, mini lipstick', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as { verdict: string; reasons: { code: string }[]; swaps: { replace: string; with: string; verdict: string; placements: Placement[] }[] };
    expect(o.verdict).toBe('does-not-fit');
    expect(o.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['item-too-large', 'volume-ratio', 'bottleneck', 'short-by']));
    expect(o.swaps.length).toBeGreaterThan(0);
    const first = o.swaps[0]!;
    expect(first).toMatchObject({ replace: 'Micro wallet (trifold mini)', verdict: 'fits' });
    expect(first.placements.length).toBe(2);
  });

  it('fit --leave-behind --json keeps the highest-priority part that fits', () => {
    const r = runCli(['fit', '--bag-dims', '100x70x30', '--items', 'e03:3,e20:2,e37:1,e24:2', '--leave-behind', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as { keep: string[]; leave: string[]; verdict: string; placements: Placement[] };
    expect(o.verdict).toBe('fits');
    expect(o.leave).toEqual(['iPhone 15']);
    expect(o.keep.sort()).toEqual(['AirPods Pro 2 charging case', 'Credit/debit card', 'Lipstick (standard bullet tube)']);
    expect(o.placements).toHaveLength(3);
  });

  it('design --json prints the smallest interior, its layout and the exterior', () => {
    const r = runCli(['design', '--items', 'e03,e24', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as { interior_mm: { w: number; h: number; d: number }; volume_mm3: number; placements: Placement[]; exterior_mm: { w: number; h: number; d: number } };
    expect(o.interior_mm).toEqual({ w: 147.6, h: 71.6, d: 8.56 });
    expect(o.volume_mm3).toBeCloseTo(147.6 * 71.6 * 8.56, 3);
    expect(o.exterior_mm).toEqual({ w: 150.6, h: 74.6, d: 11.56 });
    const items = [
      { name: 'iPhone 15', dims: { w: 71.6, h: 147.6, d: 7.8 }, quantity: 1, rotation: 'all' as const },
      { name: 'Credit/debit card', dims: { w: 85.6, h: 53.98, d: 0.76 }, quantity: 1, rotation: 'all' as const },
    ];
    expect(verifyLayout(box(o.interior_mm.w, o.interior_mm.h, o.interior_mm.d), items, o.placements)).toEqual({ ok: true });
  });

  it('design holds a given depth', () => {
    const r = runCli(['design', '--items', 'e03,e24', '--depth', '20', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { interior_mm: { d: number } }).interior_mm.d).toBe(20);
  });

  it('stack splits a kit across two bags worn together', () => {
    const r = runCli(['stack', '--bags', '70x50x25,90x60x10', '--items', 'AirPods Pro 2, credit card x2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as { verdict: string; bags: { name: string; items: string[] }[] };
    expect(o.verdict).toBe('fits');
    expect(o.bags.flatMap((b) => b.items).sort()).toEqual(['AirPods Pro 2 charging case', 'Credit/debit card', 'Credit/debit card']);
    expect(o.bags[0]!.items).toEqual(['AirPods Pro 2 charging case']);
  });

  it('stack refuses one bag, naming the field', () => {
    const r = runCli(['stack', '--bags', 'Nano Speedy', '--items', 'lipstick']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--bags: stacking takes 2 or 3 bags, got 1/);
  });
});
