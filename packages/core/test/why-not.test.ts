/**
 * whyNot(): the advice's reasons on hand-made kits, and short-by as a property on tiny integer
 * boxes, checked against fit() and against the independent brute-force oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeAdvice, describeWhyNot, reasonsForPeople, whyNot } from '../src/advice/why-not.js';
import { parseKit } from '../src/catalog/kit.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';
import type { Item } from '../src/model/item.js';
import { WhyNotResultSchema, type AdviceReason, type WhyNotResult } from '../src/model/why-not.js';
import { bruteForceFit } from './brute-force.js';

const box = (w: number, h: number, d: number): Interior => ({ shape: 'box', w, h, d });
const item = (name: string, w: number, h: number, d: number, quantity = 1): Item => ({ name, dims: { w, h, d }, quantity, rotation: 'all', shape: 'box' });
const options = { timeLimitMs: 10_000 };

function whyNotChecked(bag: Interior, items: Item[]): WhyNotResult {
  const res = whyNot({ bag, items, options });
  expect(WhyNotResultSchema.safeParse(res).success, JSON.stringify(res)).toBe(true);
  expect(res.verdict).toBe(fit({ bag, items, options }).verdict);
  return res;
}

function advice<C extends AdviceReason['code']>(res: WhyNotResult, code: C): Extract<AdviceReason, { code: C }>[] {
  return res.reasons.filter((r) => r.code === code) as Extract<AdviceReason, { code: C }>[];
}

describe('whyNot', () => {
  it('always says how full the bag is, and only that for a kit that fits', () => {
    const res = whyNotChecked(box(100, 50, 20), [item('a', 50, 50, 20), item('b', 10, 10, 10, 2)]);
    expect(res).toEqual({ verdict: 'fits', reasons: [{ code: 'volume-ratio', ratio: 0.52, items_mm3: 52_000, bag_mm3: 100_000 }] });
  });

  it('names every item too large alone as a bottleneck, by the right mm and side', () => {
    // In 100 x 60 x 30 the iPhone 15 (71.6 x 147.6 x 7.8) is best lying with its length across:
    // 47.6 mm too long; the sunglasses (145 x 50 x 40) 45 mm. The engine's proof names only one.
    const items = parseKit('iPhone 15, credit card, sunglasses');
    const res = whyNotChecked(box(100, 60, 30), items);
    expect(res.verdict).toBe('does-not-fit');
    expect(res.reasons[0]).toMatchObject({ code: 'item-too-large', item: 0, overshoot_mm: 47.6 });
    expect(advice(res, 'bottleneck')).toEqual([
      { code: 'bottleneck', item: 0, name: 'iPhone 15', overshoot_mm: 47.6, axis: 'w' },
      { code: 'bottleneck', item: 2, name: 'Sunglasses, folded (standard frame)', overshoot_mm: 45, axis: 'w' },
    ]);
    expect(advice(res, 'fits-alone-not-together')).toEqual([]);
    // Only depth helps: at 147.6 mm both lie along it, side by side in height (7.8 + 50 <= 60).
    // Across, the phone's 71.6 mm width still overshoots both 60 and 30; upwards, the
    // sunglasses' 40 x 50 section fits neither way in 100 x 30.
    expect(advice(res, 'short-by')).toEqual([{ code: 'short-by', axis: 'd', mm: 117.6 }]);
    expect(advice(res, 'advice-unsettled')).toEqual([]);
  });

  it('says which single item to leave out when each fits alone but not all together', () => {
    // Two 10 x 10 x 6 slabs in a 10 mm cube: each fits, both need 12 mm. The 2 mm die fits with either.
    const items = [item('slab A', 10, 10, 6), item('slab B', 10, 10, 6), item('die', 2, 2, 2)];
    const res = whyNotChecked(box(10, 10, 10), items);
    expect(advice(res, 'bottleneck')).toEqual([]);
    expect(advice(res, 'fits-alone-not-together')).toEqual([
      {
        code: 'fits-alone-not-together',
        leave_one_out: [
          { item: 0, name: 'slab A', verdict: 'fits' },
          { item: 1, name: 'slab B', verdict: 'fits' },
          { item: 2, name: 'die', verdict: 'does-not-fit' },
        ],
      },
    ]);
    // 12 mm holds the slabs but no room is left for the die: 14 mm on any side.
    expect(advice(res, 'short-by')).toEqual([
      { code: 'short-by', axis: 'w', mm: 4 },
      { code: 'short-by', axis: 'h', mm: 4 },
      { code: 'short-by', axis: 'd', mm: 4 },
    ]);
  });

  it('leaves one copy out of an item with a quantity', () => {
    const res = whyNotChecked(box(10, 10, 10), [item('slab', 10, 10, 6, 2)]);
    expect(advice(res, 'fits-alone-not-together')[0]!.leave_one_out).toEqual([{ item: 0, name: 'slab', verdict: 'fits' }]);
  });

  it('passes through blocked-by-opening, and names a second blocked item the proof did not', () => {
    // The zip is 50 x 20 mm: a 60 x 60 x 5 card passes no way round (10 mm too long), nor does a
    // 70 x 25 x 25 case (its best cross-section 25 x 25 is 5 mm too wide).
    const bag: Interior = { shape: 'box', w: 100, h: 80, d: 30, opening: { length: 50, gape: 20 } };
    const res = whyNotChecked(bag, [item('card', 60, 60, 5), item('ok', 10, 10, 10), item('case', 70, 25, 25)]);
    const blocked = res.reasons.filter((r) => r.code === 'blocked-by-opening');
    expect(blocked.map((r) => [r.item, r.name, r.by_mm])).toEqual([
      [0, 'card', 10],
      [2, 'case', 5],
    ]);
  });

  it('gives no short-by for shaped interiors, and still the volume ratio', () => {
    const bag: Interior = { shape: 'round', w: 60, h: 60, d: 20 };
    const res = whyNotChecked(bag, [item('slab', 55, 55, 15)]);
    expect(res.verdict).toBe('does-not-fit');
    expect(advice(res, 'short-by')).toEqual([]);
    expect(advice(res, 'volume-ratio')[0]!.bag_mm3).toBeCloseTo(Math.PI * 30 * 30 * 20, 3);
  });

  it('names the checks a spent budget left unsettled instead of guessing', () => {
    // A clock that jumps 1 s at every reading: the first call spends the whole budget.
    let t = 0;
    const now = () => (t += 1000);
    const items = [item('slab A', 10, 10, 6), item('slab B', 10, 10, 6), item('die', 2, 2, 2)];
    const res = whyNot({ bag: box(10, 10, 10), items, options: { timeLimitMs: 1500 } }, { now });
    expect(res.verdict).toBe('does-not-fit');
    expect(advice(res, 'short-by')).toEqual([]);
    expect(advice(res, 'advice-unsettled')).toEqual([{ code: 'advice-unsettled', checks: ['fits-alone', 'short-by-w', 'short-by-h', 'short-by-d'] }]);
  });

  it('describes every advice code in plain words', () => {
    const all: AdviceReason[] = [
      { code: 'volume-ratio', ratio: 1.25, items_mm3: 125_000, bag_mm3: 100_000 },
      { code: 'bottleneck', item: 0, name: 'iPhone 15', overshoot_mm: 47.6, axis: 'w' },
      { code: 'fits-alone-not-together', leave_one_out: [{ item: 0, name: 'slab A', verdict: 'fits' }, { item: 2, name: 'die', verdict: 'does-not-fit' }] },
      { code: 'short-by', axis: 'd', mm: 4 },
      { code: 'advice-unsettled', checks: ['short-by-w'] },
    ];
    expect(all.map(describeAdvice)).toEqual([
      "The items take 125% of the bag's volume (125 cm³ of items, 100 cm³ inside).",
      'iPhone 15 does not fit this bag even on its own: it is 47.6 mm too big at best, in the width.',
      'Each item fits on its own, but not all together: leaving out one slab A would make the rest fit.',
      'A bag 4 mm deeper would hold everything.',
      'Not settled within the time budget: how much wider the bag would need to be.',
    ]);
    expect(describeWhyNot({ code: 'search-exhausted', nodes: 12 })).toMatch(/every arrangement was tried/);
  });
});

describe('short-by on tiny integer boxes', () => {
  const len = (max: number) => fc.integer({ min: 1, max });
  const tinyArb = fc.record({
    bag: fc.tuple(len(5), len(5), len(5)),
    items: fc.array(fc.record({ dims: fc.tuple(len(4), len(4), len(4)), quantity: fc.integer({ min: 1, max: 2 }), upright: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  });
  const AXES = ['w', 'h', 'd'] as const;

  it('growing the reported side by the reported mm fits; by half a millimetre less, not', () => {
    let reported = 0;
    let none = 0;
    let unsettled = 0;
    fc.assert(
      fc.property(tinyArb, ({ bag: [w, h, d], items: raw }) => {
        const bag = box(w, h, d);
        const items = raw.map((r, i): Item => ({ ...item(`i${i}`, ...r.dims, r.quantity), rotation: r.upright ? 'upright' : 'all' }));
        const res = whyNot({ bag, items, options });
        if (res.verdict !== 'does-not-fit') return;
        // A kit of many copies can outlast its share of the budget on a loaded machine: that is
        // reported as unsettled, never as a wrong figure; such runs are counted and must stay rare.
        if (advice(res, 'advice-unsettled').length > 0) {
          unsettled++;
          return;
        }
        const tiny = items.map((it) => ({ name: it.name, dims: it.dims, quantity: it.quantity, rotation: it.rotation as 'all' | 'upright' }));
        const sides = { w, h, d };
        for (const axis of AXES) {
          const found = advice(res, 'short-by').find((r) => r.axis === axis);
          const grown = (mm: number) => ({ ...sides, [axis]: sides[axis] + mm });
          const context = JSON.stringify({ bag: sides, items: tiny, axis, found });
          if (!found) {
            // No growth helps: not even one holding every item end to end along this axis.
            const all = items.reduce((s, it) => s + it.quantity * Math.max(it.dims.w, it.dims.h, it.dims.d), 0);
            expect(fit({ bag: box(...(Object.values(grown(all)) as [number, number, number])), items, options }).verdict, context).toBe('does-not-fit');
            expect(bruteForceFit(grown(all), tiny).fits, context).toBe(false);
            none++;
            continue;
          }
          reported++;
          expect(Number.isInteger(found.mm) && found.mm > 0, context).toBe(true);
          const at = grown(found.mm);
          const yes = fit({ bag: box(at.w, at.h, at.d), items, options });
          expect(yes.verdict, context).toBe('fits');
          expect(verifyLayout(box(at.w, at.h, at.d), items, yes.placements), context).toEqual({ ok: true });
          const less = grown(found.mm - 0.5);
          expect(fit({ bag: box(less.w, less.h, less.d), items, options }).verdict, context).toBe('does-not-fit');
          const hair = grown(found.mm - 0.001);
          expect(fit({ bag: box(hair.w, hair.h, hair.d), items, options }).verdict, context).toBe('does-not-fit');
          // The independent oracle agrees at both lengths (integers: mm - 1 is as good as mm - 0.5).
          expect(bruteForceFit(at, tiny).fits, context).toBe(true);
          expect(bruteForceFit(grown(found.mm - 1), tiny).fits, context).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must keep producing both outcomes, or this test is idle.
    expect(reported).toBeGreaterThan(50);
    expect(unsettled).toBeLessThan(15);
    expect(none).toBeGreaterThan(5);
  });

  it('is exact with give, squeezable items and cases too: a thousandth of a millimetre less does not fit', () => {
    const arb = fc.record({
      bag: fc.tuple(len(9), len(9), len(9)),
      give: fc.integer({ min: 0, max: 3 }),
      items: fc.array(
        fc.record({ dims: fc.tuple(len(4), len(4), len(4)), quantity: fc.integer({ min: 1, max: 2 }), squeeze: fc.constantFrom(0, 0.25, 0.5), withCase: fc.boolean() }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    let unsettled = 0;
    let reported = 0;
    fc.assert(
      fc.property(arb, ({ bag: [w, h, d], give, items: raw }) => {
        const bag: Interior = { shape: 'box', w, h, d, ...(give > 0 ? { give } : {}) };
        const items = raw.map(
          (r, i): Item => ({
            ...item(`i${i}`, ...r.dims, r.quantity),
            ...(r.squeeze > 0 ? { soft: { squeeze: r.squeeze } } : {}),
            ...(r.withCase ? { withCase: true } : {}),
          }),
        );
        const res = whyNot({ bag, items, options });
        if (res.verdict !== 'does-not-fit') return;
        // A kit of many copies can outlast its share of the budget on a loaded machine: that is
        // reported as unsettled, never as a wrong figure; such runs are counted and must stay rare.
        if (advice(res, 'advice-unsettled').length > 0) {
          unsettled++;
          return;
        }
        for (const { axis, mm } of advice(res, 'short-by')) {
          reported++;
          const context = JSON.stringify({ bag, items, axis, mm });
          const yes = fit({ bag: { ...bag, [axis]: bag[axis] + mm }, items, options });
          expect(yes.verdict, context).toBe('fits');
          expect(verifyLayout({ ...bag, [axis]: bag[axis] + mm }, items, yes.placements), context).toEqual({ ok: true });
          expect(fit({ bag: { ...bag, [axis]: bag[axis] + mm - 0.001 }, items, options }).verdict, context).toBe('does-not-fit');
        }
      }),
      { numRuns: 150 },
    );
    expect(reported).toBeGreaterThan(30);
    expect(unsettled).toBeLessThan(8);
  });
});

describe('reasonsForPeople', () => {
  it('says each fact once: an item-too-large proof gives way to the bottleneck line for the same item', () => {
    const reasons = [
      { code: 'item-too-large' as const, item: 0, name: 'iPhone 15', overshoot_mm: 18.3 },
      { code: 'item-too-large' as const, item: 2, name: 'Sunglasses', overshoot_mm: 4 },
      { code: 'volume-ratio' as const, ratio: 0.27, items_mm3: 1, bag_mm3: 4 },
      { code: 'bottleneck' as const, item: 0, name: 'iPhone 15', overshoot_mm: 18.3, axis: 'w' as const },
    ];
    expect(reasonsForPeople(reasons).map((r) => r.code)).toEqual(['item-too-large', 'volume-ratio', 'bottleneck']);
    expect(reasonsForPeople(reasons)[0]).toMatchObject({ item: 2 });
  });
});
