/**
 * leaveBehind(): the kept units always fit (layout verified, fit() re-run on them), and on tiny
 * integer kits the priority kept is the brute-force maximum over every subset of units, decided
 * by fit() directly, with the tie rule (more units) honoured.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaveBehind, MAX_SUBKITS } from '../src/advice/leave-behind.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';
import type { Item } from '../src/model/item.js';
import { LeaveBehindInputSchema, type LeaveBehindInputRaw, type LeaveBehindResult } from '../src/model/leave-behind.js';
import { PUB_155_ITEMS } from './kits.js';

const box = (w: number, h: number, d: number): Interior => ({ shape: 'box', w, h, d });

/** The input items with quantities cut to the kept copies (0 for items left entirely). */
function keptItems(items: readonly Item[], res: LeaveBehindResult): Item[] {
  return items.map((it, i) => ({ ...it, quantity: res.kept.find((k) => k.item === i)?.copies ?? 0 }));
}

/** Runs leaveBehind and checks what every answer must satisfy. */
function run(raw: LeaveBehindInputRaw): LeaveBehindResult {
  // A generous budget unless the test sets one: exactness must not depend on the machine's load.
  const input = LeaveBehindInputSchema.parse({ options: { timeLimitMs: 30_000 }, ...raw });
  const res = leaveBehind(input);
  expect(res.verdict).toBe('fits');
  const kept = keptItems(input.items, res);
  expect(verifyLayout(input.bag, kept, res.placements)).toEqual({ ok: true });
  const again = fit({ bag: input.bag, items: kept.filter((it) => it.quantity > 0), options: { timeLimitMs: 10_000 } });
  expect(again.verdict).toBe('fits');
  expect(res.keep.length + res.leave.length).toBe(input.items.reduce((s, it) => s + it.quantity, 0));
  expect(res.keep.length).toBe(res.placements.length);
  return res;
}

const CONTRACT_ITEMS = [
  { name: 'iPhone 15', dims: { w: 71.6, h: 147.6, d: 7.8 }, priority: 3 },
  { name: 'AirPods Pro 2 charging case', dims: { w: 60.6, h: 45.2, d: 21.7 }, priority: 2 },
  { name: 'Lipstick', dims: { w: 20, h: 75, d: 20 }, priority: 1 },
  { name: 'Credit/debit card', dims: { w: 85.6, h: 53.98, d: 0.76 }, priority: 2 },
];

const PUB_155 = PUB_155_ITEMS;

describe('leaveBehind(): examples', () => {
  it('the contract example: the phone is too long for 100 x 70 x 30, the rest is kept', () => {
    const res = run({ bag: box(100, 70, 30), items: CONTRACT_ITEMS });
    expect(res.leave).toEqual(['iPhone 15']);
    expect(res.keep).toEqual(['AirPods Pro 2 charging case', 'Lipstick', 'Credit/debit card']);
    expect(res.kept).toEqual([
      { item: 1, copies: 1 },
      { item: 2, copies: 1 },
      { item: 3, copies: 1 },
    ]);
    expect(res.priority_kept).toBe(5);
    expect(res.priority_total).toBe(8);
    expect(res.exact).toBe(true);
    // Item indices refer to the input list, where the phone is item 0.
    expect(new Set(res.placements.map((p) => p.item))).toEqual(new Set([1, 2, 3]));
  });

  it('a kit that fits is kept whole, and the empty kit is fine', () => {
    const all = run({ bag: box(160, 90, 40), items: CONTRACT_ITEMS });
    expect(all.leave).toEqual([]);
    expect(all.exact).toBe(true);
    const none = run({ bag: box(10, 10, 10), items: [] });
    expect(none).toMatchObject({ keep: [], leave: [], kept: [], priority_kept: 0, priority_total: 0, exact: true });
  });

  it('copies are left one at a time, the kept ones numbered from 0', () => {
    // Three 10 mm cubes of priority 1 and a spacer of 0.5, in room for two: two cubes.
    const res = run({
      bag: box(20, 10, 10),
      items: [
        { name: 'spacer', dims: { w: 10, h: 10, d: 10 }, priority: 0.5 },
        { name: 'cube', dims: { w: 10, h: 10, d: 10 }, quantity: 3, priority: 1 },
      ],
    });
    expect(res.kept).toEqual([{ item: 1, copies: 2 }]);
    expect(res.leave).toEqual(['spacer', 'cube']);
    expect(res.placements.map((p) => p.copy).sort()).toEqual([0, 1]);
  });

  it('ties go to more units, then to lower item indices', () => {
    // Room for 20 mm of 10 mm cubes: {a} (priority 2) ties {b, c} (1 + 1), and {b, c} has more units.
    const more = run({
      bag: box(20, 10, 10),
      items: [
        { name: 'a', dims: { w: 20, h: 10, d: 10 }, priority: 2 },
        { name: 'b', dims: { w: 10, h: 10, d: 10 }, priority: 1 },
        { name: 'c', dims: { w: 10, h: 10, d: 10 }, priority: 1 },
      ],
    });
    expect(more.keep).toEqual(['b', 'c']);
    // Three equal cubes, room for two: the first two.
    const lower = run({
      bag: box(20, 10, 10),
      items: ['x', 'y', 'z'].map((name) => ({ name, dims: { w: 10, h: 10, d: 10 } })),
    });
    expect(lower.keep).toEqual(['x', 'y']);
  });

  it('a unit of negative priority is left even when it would fit', () => {
    const res = run({
      bag: box(50, 50, 50),
      items: [
        { name: 'wanted', dims: { w: 10, h: 10, d: 10 } },
        { name: 'unwanted', dims: { w: 10, h: 10, d: 10 }, priority: -1 },
      ],
    });
    expect(res.keep).toEqual(['wanted']);
    expect(res.exact).toBe(true);
  });

  it('a spent budget still answers with units that fit, and says it is not exact', () => {
    let t = 0;
    const now = () => (t += 1000); // every reading of the clock is a second later
    const input = LeaveBehindInputSchema.parse({ bag: box(100, 70, 30), items: CONTRACT_ITEMS });
    const res = leaveBehind(input, { now });
    expect(res.exact).toBe(false);
    expect(verifyLayout(input.bag, keptItems(input.items, res), res.placements)).toEqual({ ok: true });
  });

  it('a sub-kit left undecided above the answer makes it inexact', () => {
    // The benchmark kit pub-155: only the complete search proves it does not fit its bag.
    const raw = { bag: box(102, 71.5, 45), items: PUB_155 };
    const capped = run({ ...raw, options: { timeLimitMs: 30_000, nodeLimit: 1 } });
    expect(capped.exact).toBe(false);
    const full = run(raw);
    expect(full.exact).toBe(true);
    expect(full.leave.length).toBeGreaterThan(0);
  });

  it(`more than ${MAX_SUBKITS} sub-kits: greedy, exact only when every wanted unit fits`, () => {
    // 13 distinct 10 mm cubes (8192 sub-kits) in a bag for 12 of them.
    const items = Array.from({ length: 13 }, (_, i) => ({ name: `c${i}`, dims: { w: 10, h: 10, d: 10 }, priority: 13 - i }));
    const tight = run({ bag: box(40, 30, 10), items });
    expect(tight.exact).toBe(false);
    expect(tight.leave).toEqual(['c12']); // greedy keeps the most wanted first
    const roomy = run({ bag: box(50, 30, 10), items });
    expect(roomy.exact).toBe(true);
    expect(roomy.leave).toEqual([]);
  });

  it('supersets of a proved misfit are ruled out without calling fit()', () => {
    // Six wanted cubes and one huge item: one item-too-large proof rules out the 64 sub-kits holding it.
    const items = [
      { name: 'huge', dims: { w: 500, h: 500, d: 500 }, priority: 100 },
      ...Array.from({ length: 6 }, (_, i) => ({ name: `c${i}`, dims: { w: 10, h: 10, d: 10 } })),
    ];
    const res = run({ bag: box(60, 10, 10), items });
    expect(res.leave).toEqual(['huge']);
    expect(res.stats.fit_calls).toBe(2);
  });
});

// ---- property: agrees with a brute force over all subsets of units ----

interface TinyKit {
  readonly bag: Interior;
  readonly items: Item[];
}

const len = (max: number) => fc.integer({ min: 1, max });
const rawKitArb: fc.Arbitrary<TinyKit> = fc
  .record({
    bag: fc.record({ w: len(6), h: len(6), d: len(6) }),
    items: fc.array(
      fc.record({
        dims: fc.record({ w: len(4), h: len(4), d: len(4) }),
        quantity: fc.integer({ min: 1, max: 3 }),
        rotation: fc.constantFrom('all' as const, 'all' as const, 'upright' as const, 'fixed' as const),
        priority: fc.integer({ min: -1, max: 5 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ bag, items }) => {
    let units = 0;
    const out: Item[] = [];
    for (const it of items) {
      const quantity = Math.min(it.quantity, 6 - units);
      if (quantity <= 0) break;
      units += quantity;
      out.push({ ...it, quantity, name: `item${out.length}`, shape: 'box' });
    }
    return { bag: box(bag.w, bag.h, bag.d), items: out };
  });

/** Where there is a choice to make: each item's sorted sides within the bag's, the kit 60-200% of its volume. */
function isTight(kit: TinyKit): boolean {
  const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b);
  const bag = sorted([kit.bag.w, kit.bag.h, kit.bag.d]);
  const each = kit.items.every((it) => sorted([it.dims.w, it.dims.h, it.dims.d]).every((v, k) => v <= bag[k]!));
  const ratio = kit.items.reduce((t, it) => t + it.quantity * it.dims.w * it.dims.h * it.dims.d, 0) / (kit.bag.w * kit.bag.h * kit.bag.d);
  return each && ratio >= 0.6 && ratio <= 2;
}

const tinyKitArb = fc.oneof({ weight: 1, arbitrary: rawKitArb }, { weight: 3, arbitrary: rawKitArb.filter(isTight) });

/** Every subset of units (copies distinct), each put to fit(): the best priority, and the most units at it. */
function bruteForce(kit: TinyKit): { priority: number; units: number } {
  const units = kit.items.flatMap((it, i) => new Array<number>(it.quantity).fill(i));
  let best = { priority: -Infinity, units: -1 };
  for (let mask = 0; mask < 1 << units.length; mask++) {
    const counts = kit.items.map(() => 0);
    units.forEach((i, u) => {
      if (mask & (1 << u)) counts[i]!++;
    });
    const priority = counts.reduce((s, c, i) => s + c * kit.items[i]!.priority!, 0);
    const n = counts.reduce((s, c) => s + c, 0);
    if (priority < best.priority || (priority === best.priority && n <= best.units)) continue;
    const items = kit.items.flatMap((it, i) => (counts[i]! > 0 ? [{ ...it, quantity: counts[i]! }] : []));
    const r = fit({ bag: kit.bag, items, options: { timeLimitMs: 20_000 } });
    expect(r.verdict).not.toBe('undecided');
    if (r.verdict === 'fits') best = { priority, units: n };
  }
  return best;
}

describe('leaveBehind(): property', () => {
  it('keeps the brute-force maximum priority (and the most units at it) on tiny integer kits', () => {
    fc.assert(
      fc.property(tinyKitArb, (kit) => {
        const res = run({ bag: kit.bag, items: kit.items, options: { timeLimitMs: 20_000 } });
        const want = bruteForce(kit);
        expect(res.exact).toBe(true);
        expect(res.priority_kept).toBe(want.priority);
        expect(res.keep.length).toBe(want.units);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});
