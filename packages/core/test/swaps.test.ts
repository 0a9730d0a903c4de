/**
 * swaps(): swaps that make a kit fit, ranked by how little they give up. Every 'fits' swap's
 * layout is checked by the verifier against the changed kit, which the test builds on its own.
 */
import { describe, expect, it } from 'vitest';
import { swaps } from '../src/advice/swaps.js';
import { itemFromEssential } from '../src/catalog/items.js';
import { parseKit } from '../src/catalog/kit.js';
import type { AlternativeRecord } from '../src/catalog/records.js';
import { ESSENTIALS } from '../src/data/essentials.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';
import type { Item } from '../src/model/item.js';
import { SwapsResultSchema, type Swap, type SwapsResult } from '../src/model/swaps.js';

const box = (w: number, h: number, d: number): Interior => ({ shape: 'box', w, h, d });
const options = { timeLimitMs: 10_000 };

/** The kit after a swap, built from the swap's own description (not from swaps.ts's code). */
function changedKit(items: readonly Item[], swap: Swap): Item[] {
  const kit = [...items];
  for (const c of swap.changes) {
    const i = kit.findIndex((it) => it.name === c.replace);
    const item = kit[i]!;
    const rec = ESSENTIALS.find((e) => e.id === c.with_id);
    const to: Item =
      c.with === `${item.name} (no case)` ? { ...item, name: c.with, quantity: 1, withCase: false } : { ...itemFromEssential(rec!), rotation: item.rotation };
    kit.splice(i, 1, ...(item.quantity > 1 ? [{ ...item, quantity: item.quantity - 1 }, to] : [to]));
  }
  return kit;
}

/** The result, after checking the contract every answer carries. */
function swapsChecked(bag: Interior, items: Item[], alternatives?: readonly AlternativeRecord[]): SwapsResult {
  const res = swaps({ bag, items, options, ...(alternatives ? { alternatives } : {}) });
  expect(SwapsResultSchema.safeParse(res).success).toBe(true);
  expect(res.swaps.length).toBeLessThanOrEqual(5);
  for (const s of res.swaps) {
    expect(s.verdict).not.toBe('does-not-fit');
    if (s.verdict !== 'fits') continue;
    const kit = changedKit(items, s);
    expect(verifyLayout(bag, kit, s.placements), `${s.replace} -> ${s.with}`).toEqual({ ok: true });
  }
  return res;
}

const withs = (r: SwapsResult) => r.swaps.map((s) => s.with_id);

describe('swaps', () => {
  // A slim clutch 110 x 80 x 14 mm inside: the 20 mm thick micro wallet does not go in any way
  // round, even squeezed (soft: to 15 mm); the slim card holder (8 mm), the magnetic wallet
  // (7 mm) and a loose card do.
  const clutch = box(110, 80, 14);
  const kit = parseKit('micro wallet, credit card, house key');

  it('suggests the slim card holder first for a micro wallet too thick for the bag', () => {
    expect(fit({ bag: clutch, items: kit, options }).verdict).toBe('does-not-fit');
    const res = swapsChecked(clutch, kit);
    const first = res.swaps[0]!;
    expect(first).toMatchObject({ replace: 'Micro wallet (trifold mini)', replace_id: 'e29', with_id: 'e27', give_up: 2, verdict: 'fits' });
    expect(first.with).toBe('Slim card holder (4 slots, 3-4 cards)');
    expect(first.placements).toHaveLength(3);
    // The rest in rank order: magnetic wallet (give-up 3), then a loose card (4).
    expect(withs(res)).toEqual(['e27', 'e28', 'e24']);
    expect(res.swaps.every((s) => s.changes.length === 1)).toBe(true);
    expect(res.tried).toBe(3);
  });

  it('ranks by give-up first, whatever the data order or the volume change', () => {
    const alt = (to_id: string, give_up: number): AlternativeRecord => ({ from_id: 'e29', to_id, give_up, note: 'test' });
    // The magnetic wallet changes the volume more than the card holder, and is listed second.
    expect(withs(swapsChecked(clutch, kit, [alt('e27', 2), alt('e28', 1)]))).toEqual(['e28', 'e27']);
    expect(withs(swapsChecked(clutch, kit, [alt('e28', 2), alt('e27', 1)]))).toEqual(['e27', 'e28']);
    // Equal give-up: the smaller change of volume first (the card holder: 73 000 mm³ less, the
    // magnetic wallet 91 105 mm³ less), even when listed second.
    expect(withs(swapsChecked(clutch, kit, [alt('e28', 2), alt('e27', 2)]))).toEqual(['e27', 'e28']);
  });

  it('returns no swaps, having tried none, for a kit that already fits', () => {
    const items = parseKit('micro wallet, credit card');
    expect(swaps({ bag: box(120, 90, 30), items, options })).toEqual({ swaps: [], tried: 0, untried: 0 });
  });

  it('tries pairs only when no single change fits', () => {
    // Both the micro wallet and the lipstick (20 mm across) are too thick for 14 mm: no single
    // swap can help. The cheapest pair, mini lipstick (13 mm) and slim card holder (give-up 1 + 2),
    // does not fit either: the 100 x 75 holder leaves 10, 5 and 6 mm, less than 13 mm, beside it.
    // The magnetic wallet (95 x 63 x 7, give-up 3) leaves 15 mm across: that pair fits.
    const items = parseKit('micro wallet, lipstick');
    const res = swapsChecked(clutch, items);
    expect(res.swaps.length).toBeGreaterThan(0);
    const first = res.swaps[0]!;
    expect(first.verdict).toBe('fits');
    expect(first.changes.map((c) => c.with_id)).toEqual(['e38', 'e28']);
    expect(first).toMatchObject({ replace: 'Lipstick (standard bullet tube) + Micro wallet (trifold mini)', give_up: 4 });
    expect(first.replace_id).toBeUndefined();
    expect(res.swaps.every((s) => s.changes.length === 2)).toBe(true);
    const costs = res.swaps.map((s) => s.give_up);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    // The five singles, then pairs until one fits: the (mini lipstick, card holder) pair among them.
    expect(res.tried).toBeGreaterThan(6);
  });

  it('takes a phone out of its case (give-up 1) before swapping anything else', () => {
    // iPhone 15 is 71.6 x 147.6 x 7.8; in a case 75.6 x 151.6 x 11.8, too big for 74 x 150 x 12.
    const items = parseKit('iPhone 15 +case, lipstick');
    const bag = box(74, 150, 35);
    const res = swapsChecked(bag, items);
    expect(res.swaps[0]).toMatchObject({ replace: 'iPhone 15', with: 'iPhone 15 (no case)', replace_id: 'e03', with_id: 'e03', give_up: 1, verdict: 'fits' });
  });

  it('swaps one of several copies', () => {
    // Two lipsticks (20 mm across, 75 long) need 40 mm side by side; the bag is 21 x 80 x 35.
    const items = parseKit('lipstick x2');
    const bag = box(21, 80, 35);
    expect(fit({ bag, items, options }).verdict).toBe('does-not-fit');
    const res = swapsChecked(bag, items);
    expect(res.swaps[0]).toMatchObject({ with_id: 'e38', verdict: 'fits' });
    expect(res.swaps[0]!.placements.map((p) => p.name).sort()).toEqual(['Lipstick (standard bullet tube)', 'Mini lipstick (deluxe sample)']);
  });

  it('says how many changes a spent budget left untried', () => {
    // A clock that jumps 1 s at every reading: the kit's own fit() spends the 1.5 s budget.
    let t = 0;
    const now = () => (t += 1000);
    const res = swaps({ bag: clutch, items: kit, options: { timeLimitMs: 1500 } }, { now });
    expect(res).toEqual({ swaps: [], tried: 0, untried: 3 });
  });
});
