import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairCompatible, proveTooLarge, proveVolume, usableLengths } from '../src/fit/bounds.js';
import { greedyPack } from '../src/fit/greedy.js';
import { toProblem, type PackProblem, type Packing } from '../src/fit/problem.js';
import { searchPacking } from '../src/fit/search.js';
import { verifyLayout } from '../src/fit/verify.js';
import { fit } from '../src/fit/fit.js';
import type { FitInput } from '../src/model/fit.js';

function input(bag: [number, number, number], items: [number, number, number, number?][]): FitInput {
  return {
    bag: { shape: 'box', w: bag[0], h: bag[1], d: bag[2] },
    items: items.map(([w, h, d, q], i) => ({ name: `i${i}`, dims: { w, h, d }, quantity: q ?? 1, rotation: 'all' as const, shape: 'box' as const })),
    options: { timeLimitMs: 10_000 },
  };
}

function problemOf(inp: FitInput): PackProblem {
  return toProblem(inp.items, [inp.bag.w, inp.bag.h, inp.bag.d], true);
}

function layoutOf(problem: PackProblem, packing: Packing) {
  return problem.pieces.map((p, i) => {
    const o = p.orients[packing.orient[i]!]!;
    const [x, y, z] = packing.pos[i]!;
    return { name: p.name, item: p.item, copy: p.copy, x, y, z, w: o.ext[0], h: o.ext[1], d: o.ext[2] };
  });
}

const budget = { nodeLimit: 1e7, deadline: Infinity, now: () => 0 };

describe('bounds', () => {
  it('measures how far a too-large item overshoots', () => {
    const r = proveTooLarge(problemOf(input([100, 70, 30], [[71.6, 147.6, 7.8]])));
    expect(r).toEqual({ code: 'item-too-large', item: 0, name: 'i0', overshoot_mm: 47.6 });
  });

  it('shortens each side to the longest sum of extents that fits', () => {
    // Extents 30 and 40 along any axis: sums 0, 30, 40, 60, 70, 80; the longest <= 75 is 70.
    const p = problemOf(input([75, 75, 75], [[30, 30, 30], [40, 40, 40]]));
    expect(usableLengths(p)).toEqual([70, 70, 70]);
  });

  it('proves "no" by usable volume where raw volume cannot', () => {
    // Four 30 mm cubes in a 59.9 x 59.9 x 61 box: raw volume 108000 < 218862 fits, but each side
    // uses at most 30 mm (60 > 59.9) except d, so usable is 30 x 30 x 60 = 54000.
    const p = problemOf(input([59.9, 59.9, 61], [[30, 30, 30, 4]]));
    expect(proveVolume(p, p.L)).toBeNull();
    const r = proveVolume(p, usableLengths(p));
    expect(r).toMatchObject({ code: 'volume', usable_mm3: 54000 });
  });

  it('pair test agrees with trying every orientation pair and axis', () => {
    const dim = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim), fc.tuple(dim, dim, dim), fc.tuple(dim, dim, dim), (bag, a, b) => {
        const p = problemOf(input(bag, [a, b]));
        const [pa, pb] = p.pieces;
        if (!pa || !pb || pa.orients.length === 0 || pb.orients.length === 0) return true;
        let brute = false;
        for (const oa of pa.orients) for (const ob of pb.orients) for (let ax = 0; ax < 3; ax++) if (oa.ext[ax]! + ob.ext[ax]! <= bag[ax]!) brute = true;
        return pairCompatible(p.L, pa, pb) === brute;
      }),
    );
  });
});

describe('quick packer', () => {
  it('returns layouts that verify, or nothing', () => {
    const dim = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(dim, dim, dim), { minLength: 1, maxLength: 9 }), (items) => {
        const inp = input([60, 50, 40], items);
        const p = problemOf(inp);
        if (p.pieces.some((x) => x.orients.length === 0)) return true;
        const packing = greedyPack(p.L, p.pieces);
        if (!packing) return true;
        return verifyLayout(inp.bag, inp.items, layoutOf(p, packing)).ok;
      }),
      { numRuns: 300 },
    );
  });
});

describe('complete search', () => {
  it('packs eight cubes into a cube of twice the side', () => {
    const eight = problemOf(input([2, 2, 2], [[1, 1, 1, 8]]));
    expect(searchPacking(eight.L, eight.pieces, budget).kind).toBe('found');
  });

  it('exhausts when no arrangement exists although no bound can tell', () => {
    // A 3x3, a 3x2 and a 2x2 tile (1 mm thick) in a 5x4x1 bag: area 19 of 20, every pair fits,
    // yet beside the 3x3 only an L of width 2 and 1 remains.
    const p = problemOf(input([5, 4, 1], [[3, 3, 1], [3, 2, 1], [2, 2, 1]]));
    expect(proveVolume(p, usableLengths(p))).toBeNull();
    expect(p.pieces.every((a) => p.pieces.every((b) => a === b || pairCompatible(p.L, a, b)))).toBe(true);
    expect(searchPacking(p.L, p.pieces, budget).kind).toBe('exhausted');
    // With a 2x1 tile instead of the 2x2 it fits.
    const q = problemOf(input([5, 4, 1], [[3, 3, 1], [3, 2, 1], [2, 1, 1]]));
    expect(searchPacking(q.L, q.pieces, budget).kind).toBe('found');
  });

  it('finds the pinwheel, which no guillotine cut produces', () => {
    // Four 2x1 bars around a 1x1 centre fill a 3x3 square; extruded to depth 1.
    const p = problemOf(input([3, 3, 1], [[2, 1, 1, 4], [1, 1, 1]]));
    const r = searchPacking(p.L, p.pieces, budget);
    expect(r.kind).toBe('found');
    if (r.kind === 'found') expect(verifyLayout({ shape: 'box', w: 3, h: 3, d: 1 }, input([3, 3, 1], [[2, 1, 1, 4], [1, 1, 1]]).items, layoutOf(p, r.packing))).toEqual({ ok: true });
  });

  it('stops at its node budget instead of guessing', () => {
    const p = problemOf(input([2, 2, 2], [[1, 1, 1, 9]]));
    const r = searchPacking(p.L, p.pieces, { ...budget, nodeLimit: 5 });
    expect(r).toMatchObject({ kind: 'budget', by: 'nodes' });
  });

  it('stops at its deadline', () => {
    const p = problemOf(input([2, 2, 2], [[1, 1, 1, 9]]));
    let t = 0;
    const r = searchPacking(p.L, p.pieces, { nodeLimit: 1e9, deadline: 10, now: () => (t += 100) });
    expect(r).toMatchObject({ kind: 'budget', by: 'time' });
  });
});

describe('the overshoot of an item too large for a shaped bag', () => {
  it('is how much every side must shrink for the item to fit alone, never more than its longest side', () => {
    const dim = fc.integer({ min: 20, max: 160 });
    fc.assert(
      fc.property(fc.constantFrom('half-moon', 'round', 'cylinder'), dim, dim, dim, fc.tuple(dim, dim, fc.integer({ min: 2, max: 40 })), (shape, w, h, d, [a, b, c]) => {
        const bag = { shape: shape as 'round', w, h, d };
        const item = { name: 'thing', dims: { w: a, h: b, d: c }, quantity: 1, rotation: 'all' as const, shape: 'box' as const };
        const r = fit({ bag, items: [item], options: { timeLimitMs: 1000 } });
        const reason = r.reasons.find((x) => x.code === 'item-too-large');
        if (!reason || reason.code !== 'item-too-large') return;
        const o = reason.overshoot_mm;
        expect(o).toBeGreaterThan(0);
        expect(o).toBeLessThan(Math.max(a, b, c) + 1e-6);
        const shrunk = (by: number) => ({ ...item, dims: { w: Math.max(0.01, a - by), h: Math.max(0.01, b - by), d: Math.max(0.01, c - by) } });
        expect(fit({ bag, items: [shrunk(o + 0.01)], options: { timeLimitMs: 1000 } }).verdict).toBe('fits');
        expect(fit({ bag, items: [shrunk(Math.max(0, o - 0.01))], options: { timeLimitMs: 1000 } }).verdict).not.toBe('fits');
      }),
      { numRuns: 300 },
    );
  });
});
