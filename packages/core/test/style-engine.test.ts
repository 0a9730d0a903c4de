/** scoreOutfit as a whole: constraints, the score as a sum of weighted components, stacks. */
import { describe, expect, it } from 'vitest';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { parseKit } from '../src/catalog/kit.js';
import { fit } from '../src/fit/fit.js';
import { COMPONENTS, StyleResultSchema } from '../src/model/style.js';
import { pairColours, readColour } from '../src/style/colour-space.js';
import { scoreOutfit } from '../src/style/score-outfit.js';
import { assignWearModes } from '../src/style/stacking.js';
import { MAX_SCORE, WEIGHTS } from '../src/style/weights.js';
import { outfitOf } from './style-wardrobe.js';

const BAGS = builtinCatalogBags('2026-01-01');
const byId = new Map(BAGS.map((b) => [b.id, b]));

describe('scoreOutfit', () => {
  const result = scoreOutfit({ outfit: outfitOf('work', ['g01', 'g04']), bags: BAGS });

  it('returns a result its schema accepts, every bag ranked when nothing constrains', () => {
    expect(StyleResultSchema.safeParse(result).success).toBe(true);
    expect(result.recommendations).toHaveLength(BAGS.length);
    expect(result.excluded).toEqual([]);
  });

  it('scores each bag as the sum of its weighted components, with a sentence each', () => {
    expect(MAX_SCORE).toBe(100);
    for (const r of result.recommendations) {
      const sum = COMPONENTS.reduce((s, n) => s + r.components[n].points, 0);
      expect(r.score).toBeCloseTo(sum, 6);
      for (const n of COMPONENTS) {
        const c = r.components[n];
        expect(c.weight).toBe(WEIGHTS[n]);
        expect(c.points).toBeCloseTo(c.weight * c.raw, 1);
      }
      expect(r.why).toHaveLength(COMPONENTS.length);
      expect(new Set(r.why)).toEqual(new Set(COMPONENTS.map((n) => r.components[n].why)));
      // The biggest contribution's sentence comes first.
      const top = COMPONENTS.reduce((a, b) => (r.components[b].points > r.components[a].points ? b : a));
      expect(r.why[0]).toBe(r.components[top].why);
    }
  });

  it('ranks best first, ties by bag id', () => {
    const recs = result.recommendations;
    for (let i = 1; i < recs.length; i++) {
      const [a, b] = [recs[i - 1]!, recs[i]!];
      expect(a.score > b.score || (a.score === b.score && a.bag_id < b.bag_id)).toBe(true);
    }
  });

  it('refuses two candidates with one id, naming the second', () => {
    expect(() => scoreOutfit({ outfit: outfitOf('day', ['g05']), bags: [BAGS[0]!, BAGS[1]!, BAGS[0]!] })).toThrow(/^bags\[2\]\.id: bag id "b01" appears more than once$/);
  });

  it('names a bad outfit field under its path', () => {
    const outfit = { ...outfitOf('day', ['g05']), garments: [{ category: 'top' as const, silhouette: 'fitted' as const, colors: ['#GGGGGG'], pattern: 'solid', material: 'cotton' }] };
    expect(() => scoreOutfit({ outfit, bags: BAGS })).toThrow(/^outfit\.garments\[0\]\.colors\[0\]: must be a colour #rrggbb$/);
  });
});

describe('constraints', () => {
  it('a budget leaves out dearer bags and bags without a price, and says which', () => {
    const r = scoreOutfit({ outfit: outfitOf('day', ['g12', 'g05'], { budget_usd: 100 }), bags: BAGS });
    for (const rec of r.recommendations) expect(rec.price_usd).not.toBeNull();
    for (const rec of r.recommendations) expect(rec.price_usd!).toBeLessThanOrEqual(100);
    const codes = new Map(r.excluded.map((e) => [e.bag_id, e.code]));
    expect(codes.get('b08')).toBe('no-price');
    expect(codes.get('b05')).toBe('over-budget');
    expect(r.recommendations.length + r.excluded.length).toBe(BAGS.length);
  });

  it('tiers and wear modes filter', () => {
    const belt = scoreOutfit({ outfit: outfitOf('casual', ['g24'], { wear_modes: ['belt'] }), bags: BAGS });
    expect(belt.recommendations.map((x) => x.bag_id).sort()).toEqual(['b08', 'c03']);
    expect(belt.excluded.every((e) => e.code === 'wear-mode')).toBe(true);
    const both = scoreOutfit({ outfit: outfitOf('casual', ['g24'], { tiers: ['contemporary'], wear_modes: ['belt'] }), bags: BAGS });
    expect(both.recommendations.map((x) => x.bag_id)).toEqual(['c03']);
    expect(both.excluded.find((e) => e.bag_id === 'b08')?.code).toBe('tier');
  });

  it('the kit must fit, proven by the fit engine; practicality then counts the room left', () => {
    const kit = parseKit('iPhone 15, card holder, lipstick');
    const r = scoreOutfit({ outfit: outfitOf('day', ['g12', 'g05']), bags: BAGS, kit });
    const kept = new Set(r.recommendations.map((x) => x.bag_id));
    expect(kept.has('b02')).toBe(false);
    expect(r.excluded.find((e) => e.bag_id === 'b02')?.code).toBe('kit-does-not-fit');
    for (const id of kept) {
      expect(fit({ bag: byId.get(id)!.interior, items: kit, options: { timeLimitMs: 2000, nodeLimit: 5000 } }).verdict).toBe('fits');
    }
    for (const rec of r.recommendations) expect(rec.components.practicality.why).toMatch(/holds your kit with \d+% of the interior to spare/);
  });
});

describe('stacks', () => {
  const outfits = [outfitOf('work', ['g01', 'g04']), outfitOf('evening', ['g09']), outfitOf('casual', ['g24', 'g16']), outfitOf('day', ['g27'])];

  it.each(outfits.map((o, i) => [i, o] as const))('outfit %i: two or three micro-bags, each worn its own way, colours agreeing', (_i, outfit) => {
    const r = scoreOutfit({ outfit, bags: BAGS });
    expect(r.stack).not.toBeNull();
    const stack = r.stack!;
    expect(stack.bags.length).toBeGreaterThanOrEqual(2);
    expect(stack.bags.length).toBeLessThanOrEqual(3);
    const modes = stack.bags.map((b) => b.wear_mode);
    expect(new Set(modes).size).toBe(modes.length);
    expect(modes.filter((m) => m === 'hand' || m === 'wrist').length).toBeLessThanOrEqual(1);
    const bags = stack.bags.map((b) => byId.get(b.bag_id)!);
    bags.forEach((b, i) => expect(b.wear_modes).toContain(modes[i]));
    for (let i = 0; i < bags.length; i++) {
      for (let j = i + 1; j < bags.length; j++) {
        expect(pairColours(readColour(bags[i]!.color_hex), readColour(bags[j]!.color_hex)).relation).not.toBe('unrelated');
      }
    }
    // Drawn from the best-ranked bags.
    const rank = new Map(r.recommendations.map((x, i) => [x.bag_id, i]));
    for (const b of stack.bags) expect(rank.get(b.bag_id)!).toBeLessThan(20);
    expect(stack.why.length).toBeGreaterThan(0);
  });

  it('assigns different ways of wearing, or none when the bags can only be worn one same way', () => {
    const beltOnly = byId.get('b08')!;
    expect(assignWearModes([beltOnly, { ...beltOnly, id: 'x' }])).toBeNull();
    expect(assignWearModes([byId.get('c03')!, beltOnly])).toEqual(['crossbody', 'belt']);
    const clutch = byId.get('b17')!;
    expect(assignWearModes([clutch, { ...clutch, id: 'y' }])).toBeNull();
  });
});
