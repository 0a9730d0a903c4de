/**
 * stackKit(): every unit lands in exactly one bag, each bag's share verifies, 'does-not-fit'
 * comes only with a proof, and on tiny integer kits the verdict agrees with a brute force over
 * every assignment of units to bags, each share decided by fit() directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SPLITS, stackKit } from '../src/advice/stack.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';
import type { Item } from '../src/model/item.js';
import { StackInputSchema, type StackInput, type StackInputRaw, type StackResult } from '../src/model/stack.js';
import { PUB_155_ITEMS } from './kits.js';

const box = (w: number, h: number, d: number): Interior => ({ shape: 'box', w, h, d });

/** Runs stackKit and checks what every answer must satisfy. */
function run(raw: StackInputRaw): { input: StackInput; res: StackResult } {
  // A generous budget unless the test sets one: exactness must not depend on the machine's load.
  const input = StackInputSchema.parse({ options: { timeLimitMs: 30_000 }, ...raw });
  const res = stackKit(input);
  if (res.verdict !== 'fits') {
    expect(res.bags).toEqual([]);
    expect(res.reasons.length).toBeGreaterThan(0);
    return { input, res };
  }
  expect(res.bags.map((b) => b.name)).toEqual(input.bags.map((b) => b.name));
  const placed = input.items.map(() => 0);
  res.bags.forEach((share, b) => {
    const counts = input.items.map((it) => share.items.filter((n) => n === it.name).length);
    const items = input.items.map((it, i) => ({ ...it, quantity: counts[i]! }));
    expect(verifyLayout(input.bags[b]!.interior, items, share.placements)).toEqual({ ok: true });
    for (const p of share.placements) placed[p.item]!++;
  });
  // Exactly once: each item's copies over all bags add up to its quantity.
  expect(placed).toEqual(input.items.map((it) => it.quantity));
  return { input, res };
}

const PHONE = { name: 'iPhone 15', dims: { w: 71.6, h: 147.6, d: 7.8 } };
const AIRPODS = { name: 'AirPods Pro 2 charging case', dims: { w: 60.6, h: 45.2, d: 21.7 } };
const LIPSTICK = { name: 'Lipstick', dims: { w: 20, h: 75, d: 20 } };
const CARD = { name: 'Credit/debit card', dims: { w: 85.6, h: 53.98, d: 0.76 } };

const PUB_155 = PUB_155_ITEMS;

describe('stackKit(): examples', () => {
  it('a kit no single bag holds, split across two', () => {
    // The pouch is too short for the phone; the phone sleeve is too thin for the AirPods case.
    const bags = [
      { name: 'pouch', interior: box(100, 70, 30) },
      { name: 'phone sleeve', interior: box(80, 160, 15) },
    ];
    const items = [PHONE, AIRPODS, LIPSTICK, CARD];
    for (const b of bags) {
      const alone = fit({ bag: b.interior, items: items.map((it) => ({ ...it, quantity: 1, rotation: 'all' as const, shape: 'box' as const })), options: { timeLimitMs: 5000 } });
      expect(alone.verdict).toBe('does-not-fit');
    }
    const { res } = run({ bags, items });
    expect(res.verdict).toBe('fits');
    expect(res.bags[0]!.items).toContain(AIRPODS.name);
    expect(res.bags[1]!.items).toContain(PHONE.name);
  });

  it('a kit that cannot be split is proved so: no-split', () => {
    // Two sleeves that each hold one phone; three phones.
    const sleeve = box(75, 150, 9);
    const { res } = run({
      bags: [
        { name: 'left', interior: sleeve },
        { name: 'right', interior: sleeve },
      ],
      items: [{ ...PHONE, quantity: 3 }],
    });
    expect(res.verdict).toBe('does-not-fit');
    // Copies are counts: three phones make four splits (0..3 in the left bag), not 2^3.
    expect(res.reasons).toEqual([{ code: 'no-split', tried: 4 }]);
    expect(res.stats.splits).toBe(4);
  });

  it('an item no bag can hold alone: item-fits-no-bag', () => {
    const { res } = run({
      bags: [
        { name: 'a', interior: box(100, 70, 30) },
        { name: 'b', interior: box(90, 90, 20) },
      ],
      items: [CARD, PHONE],
    });
    expect(res.verdict).toBe('does-not-fit');
    expect(res.reasons).toEqual([{ code: 'item-fits-no-bag', item: 1, name: PHONE.name }]);
  });

  it('a split left undecided is never reported as a "no"', () => {
    // pub-155 fits its bag only if the complete search says so (it does not); the thimble holds nothing.
    const raw = {
      bags: [
        { name: 'pub-155 bag', interior: box(102, 71.5, 45) },
        { name: 'thimble', interior: box(1, 1, 1) },
      ],
      items: PUB_155,
    };
    const capped = run({ ...raw, options: { timeLimitMs: 30_000, nodeLimit: 1 } }).res;
    expect(capped.verdict).toBe('undecided');
    expect(capped.reasons).toContainEqual({ code: 'undecided-splits', count: 1 });
    const full = run(raw).res;
    expect(full.verdict).toBe('does-not-fit');
    expect(full.reasons).toEqual([{ code: 'no-split', tried: 2 ** 9 }]);
  });

  it('three bags, and the bigger load goes to the bigger bag', () => {
    const cube = { name: 'cube', dims: { w: 10, h: 10, d: 10 } };
    const { res } = run({
      bags: [
        { name: 'small', interior: box(10, 10, 10) },
        { name: 'big', interior: box(40, 10, 10) },
        { name: 'medium', interior: box(20, 10, 10) },
      ],
      items: [{ ...cube, quantity: 4 }],
    });
    expect(res.verdict).toBe('fits');
    // The most even fill: 3/4 of big, 1/2 of medium, small empty (any other split fills a bag).
    expect(res.bags.map((b) => b.items.length)).toEqual([0, 3, 1]);
  });

  it('a spent budget never gives a wrong answer', () => {
    let t = 0;
    const now = () => (t += 1000);
    const input = StackInputSchema.parse({
      bags: [
        { name: 'pouch', interior: box(100, 70, 30) },
        { name: 'phone sleeve', interior: box(80, 160, 15) },
      ],
      items: [PHONE, AIRPODS, LIPSTICK, CARD],
    });
    const res = stackKit(input, { now });
    expect(res.verdict).not.toBe('does-not-fit');
    if (res.verdict === 'fits') {
      res.bags.forEach((share, b) => {
        const items = input.items.map((it) => ({ ...it, quantity: share.items.filter((n) => n === it.name).length }));
        expect(verifyLayout(input.bags[b]!.interior, items, share.placements)).toEqual({ ok: true });
      });
    }
  });

  it(`more than ${MAX_SPLITS} splits: a greedy split or undecided, never a "no"`, () => {
    // 32 distinct cubes over two bags: 2^32 splits.
    const items = Array.from({ length: 32 }, (_, i) => ({ name: `c${i}`, dims: { w: 10, h: 10, d: 10 } }));
    const { res } = run({
      bags: [
        { name: 'a', interior: box(40, 40, 10) },
        { name: 'b', interior: box(40, 40, 10) },
      ],
      items,
    });
    expect(res.verdict).toBe('fits');
    const full = run({
      bags: [
        { name: 'a', interior: box(40, 40, 10) },
        { name: 'b', interior: box(40, 30, 10) },
      ],
      items,
    });
    expect(full.res.verdict).toBe('undecided');
    expect(full.res.reasons).toContainEqual({ code: 'split-limit', splits: 2 ** 32, limit: MAX_SPLITS });
  });
});

// ---- property: agrees with a brute force over every assignment of units to bags ----

interface TinyStack {
  readonly bags: { name: string; interior: Interior }[];
  readonly items: Item[];
}

const len = (max: number) => fc.integer({ min: 1, max });
const rawStackArb: fc.Arbitrary<TinyStack> = fc
  .record({
    bags: fc.array(fc.record({ w: len(5), h: len(5), d: len(5) }), { minLength: 2, maxLength: 3 }),
    items: fc.array(
      fc.record({
        dims: fc.record({ w: len(4), h: len(4), d: len(4) }),
        quantity: fc.integer({ min: 1, max: 3 }),
        rotation: fc.constantFrom('all' as const, 'all' as const, 'upright' as const, 'fixed' as const),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ bags, items }) => {
    const maxUnits = bags.length === 2 ? 6 : 5;
    let units = 0;
    const out: Item[] = [];
    for (const it of items) {
      const quantity = Math.min(it.quantity, maxUnits - units);
      if (quantity <= 0) break;
      units += quantity;
      out.push({ ...it, quantity, name: `item${out.length}`, shape: 'box' });
    }
    return { bags: bags.map((b, i) => ({ name: `bag${i}`, interior: box(b.w, b.h, b.d) })), items: out };
  });

/**
 * Where the search has work to do: each item's sorted sides within some bag's sorted sides, and
 * the kit 50-100% of the bags' total volume.
 */
function isTight(kit: TinyStack): boolean {
  const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b);
  const bagSides = kit.bags.map((b) => sorted([b.interior.w, b.interior.h, b.interior.d]));
  const each = kit.items.every((it) => {
    const s = sorted([it.dims.w, it.dims.h, it.dims.d]);
    return bagSides.some((b) => s.every((v, k) => v <= b[k]!));
  });
  const vol = kit.items.reduce((t, it) => t + it.quantity * it.dims.w * it.dims.h * it.dims.d, 0);
  const cap = kit.bags.reduce((t, b) => t + b.interior.w * b.interior.h * b.interior.d, 0);
  return each && vol >= 0.5 * cap && vol <= cap;
}

const tinyStackArb = fc.oneof({ weight: 1, arbitrary: rawStackArb }, { weight: 3, arbitrary: rawStackArb.filter(isTight) });

/** Is there an assignment of every unit (copies distinct) to a bag whose shares all fit? */
function bruteForce(kit: TinyStack): boolean {
  const units = kit.items.flatMap((it, i) => new Array<number>(it.quantity).fill(i));
  const B = kit.bags.length;
  const memo = new Map<string, boolean>();
  const shareFits = (b: number, counts: number[]): boolean => {
    const key = `${b}:${counts.join(',')}`;
    let v = memo.get(key);
    if (v === undefined) {
      const items = kit.items.flatMap((it, i) => (counts[i]! > 0 ? [{ ...it, quantity: counts[i]! }] : []));
      const r = fit({ bag: kit.bags[b]!.interior, items, options: { timeLimitMs: 20_000 } });
      expect(r.verdict).not.toBe('undecided');
      v = r.verdict === 'fits';
      memo.set(key, v);
    }
    return v;
  };
  for (let code = 0; code < B ** units.length; code++) {
    const shares = kit.bags.map(() => kit.items.map(() => 0));
    let rest = code;
    for (const i of units) {
      shares[rest % B]![i]!++;
      rest = Math.floor(rest / B);
    }
    if (shares.every((c, b) => shareFits(b, c))) return true;
  }
  return false;
}

describe('stackKit(): property', () => {
  it('agrees with a brute force over all assignments on tiny integer kits', () => {
    fc.assert(
      fc.property(tinyStackArb, (kit) => {
        const { res } = run({ ...kit, options: { timeLimitMs: 20_000 } });
        expect(res.verdict).not.toBe('undecided');
        expect(res.verdict === 'fits').toBe(bruteForce(kit));
      }),
      { numRuns: 300, seed: 20240612 },
    );
  });
});
