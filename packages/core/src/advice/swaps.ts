/**
 * swaps(input): for a kit that does not fit, the small changes a person might accept that make
 * it fit, ranked by how little they give up.
 *
 * A change replaces one unit of an item: an essential (an item with an `id`) by one of its
 * alternatives in data/alternatives.csv, or a phone in a case by the same phone without it
 * (give-up 1). Leaving things behind is leave-behind's job, not this one's. Each changed kit is
 * put to fit(); only when no single change fits are pairs of changes (on two different items)
 * tried, at most MAX_PAIRS of them.
 *
 * Order, fixed before anything is evaluated so that the search can stop at MAX_SWAPS fits:
 * 1. give_up, least first (the issue: "ranked by how little the user gives up");
 * 2. then the least change in volume (|mm³ before - mm³ after|): of two swaps that cost the same,
 *    the one whose replacement is most like the original leaves the kit most as the person
 *    packed it; freeing more room than needed is no gain to them;
 * 3. then the kit's item order, then the order of data/alternatives.csv.
 */
import { ALTERNATIVES } from '../data/alternatives.js';
import { ESSENTIALS } from '../data/essentials.js';
import { itemFromEssential } from '../catalog/items.js';
import type { AlternativeRecord, EssentialRecord } from '../catalog/records.js';
import { fit, type FitEnv } from '../fit/fit.js';
import type { FitResult } from '../model/fit.js';
import { packedDims, type Item } from '../model/item.js';
import { MAX_SWAPS, type Swap, type SwapChange, type SwapsResult } from '../model/swaps.js';
import { adviceBudget, type AdviceInput } from './why-not.js';

/** Pairs of changes tried at most, cheapest first, when no single change fits. */
export const MAX_PAIRS = 40;

export interface SwapsInput extends AdviceInput {
  /** The swaps people accept; the built-in data/alternatives.csv when absent. */
  readonly alternatives?: readonly AlternativeRecord[];
}

/** A change to one unit of the kit's item `index`. */
interface Change {
  readonly index: number;
  readonly to: Item;
  readonly info: SwapChange;
  /** |volume change| of the unit, mm³, for the ranking. */
  readonly delta: number;
}

const essentialsById = new Map<string, EssentialRecord>(ESSENTIALS.map((e) => [e.id, e]));

export function swaps(input: SwapsInput, env: FitEnv = {}): SwapsResult {
  const now = env.now ?? Date.now;
  const budget = adviceBudget(input.options, now);
  const singles = candidateChanges(input.items, input.alternatives ?? ALTERNATIVES).map((c) => [c]);
  const pairs = pairsOf(singles.map((s) => s[0]!));
  const result = input.result ?? fit({ bag: input.bag, items: [...input.items], options: budget.next(singles.length + pairs.length + 1) }, { now });
  if (result.verdict === 'fits') return { swaps: [], tried: 0, untried: 0 };

  const evaluated: Swap[] = [];
  let untried = 0;
  // `calls`: fit() calls still planned, this one included, for sharing the budget.
  const evaluate = (changes: readonly Change[], calls: number): void => {
    if (evaluated.filter((s) => s.verdict === 'fits').length >= MAX_SWAPS) return;
    if (budget.spent()) {
      untried++;
      return;
    }
    const r = fit({ bag: input.bag, items: applyChanges(input.items, changes), options: budget.next(calls) }, { now });
    evaluated.push(toSwap(changes, r));
  };
  // The singles plan for the pairs too, so that hard singles cannot starve them.
  singles.forEach((s, k) => evaluate(s, singles.length - k + pairs.length));
  if (!evaluated.some((s) => s.verdict === 'fits')) pairs.forEach((p, k) => evaluate(p, pairs.length - k));

  // Evaluated in rank order already: a stable filter keeps it.
  const shown = [...evaluated.filter((s) => s.verdict === 'fits'), ...evaluated.filter((s) => s.verdict === 'undecided')];
  return { swaps: shown.slice(0, MAX_SWAPS), tried: evaluated.length, untried };
}

/** Every single change, in rank order (see the top of the file), one per distinct item and target. */
function candidateChanges(items: readonly Item[], alternatives: readonly AlternativeRecord[]): Change[] {
  const out: Change[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const add = (to: Item, info: SwapChange) => {
      // Two entries of the same item would give the same changed kit twice.
      const key = `${JSON.stringify({ ...item, quantity: 0 })}->${info.with}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ index, to, info, delta: Math.abs(volume(item) - volume(to)) });
    };
    const ids = item.id === undefined ? {} : { replace_id: item.id, with_id: item.id };
    if (item.withCase) {
      const name = `${item.name} (no case)`;
      add({ ...item, name, quantity: 1, withCase: false }, { replace: item.name, with: name, ...ids, give_up: 1 });
    }
    for (const alt of alternatives) {
      const rec = alt.from_id === item.id ? essentialsById.get(alt.to_id) : undefined;
      if (!rec) continue;
      add(replacementFor(item, rec), { replace: item.name, with: rec.name, replace_id: alt.from_id, with_id: rec.id, give_up: alt.give_up });
    }
  });
  const order = new Map(out.map((c, i) => [c, i]));
  return out.sort((a, b) => a.info.give_up - b.info.give_up || a.delta - b.delta || order.get(a)! - order.get(b)!);
}

/**
 * The essential that replaces one unit of item, made as the kit parser makes it (discs turned,
 * soft items squeezable). It keeps the item's rotation rule (a lipstick kept upright keeps its
 * replacement upright) and priority.
 */
function replacementFor(item: Item, rec: EssentialRecord): Item {
  const to = itemFromEssential(rec, item.priority === undefined ? {} : { priority: item.priority });
  return { ...to, rotation: item.rotation };
}

/** Pairs of changes to two different items, cheapest first, at most MAX_PAIRS. */
function pairsOf(changes: readonly Change[]): Change[][] {
  const pairs: Change[][] = [];
  for (let i = 0; i < changes.length; i++) {
    for (let j = i + 1; j < changes.length; j++) {
      if (changes[i]!.index !== changes[j]!.index) pairs.push([changes[i]!, changes[j]!]);
    }
  }
  const cost = (p: readonly Change[]) => p.reduce((s, c) => s + c.info.give_up, 0);
  const delta = (p: readonly Change[]) => p.reduce((s, c) => s + c.delta, 0);
  // Stable sort: equal pairs stay in the order of their (ranked) members.
  return pairs.sort((a, b) => cost(a) - cost(b) || delta(a) - delta(b)).slice(0, MAX_PAIRS);
}

/**
 * The kit with each change applied: the replacement takes the item's place, or, when only one
 * of several copies is swapped, follows the item with its quantity one less.
 */
function applyChanges(items: readonly Item[], changes: readonly Change[]): Item[] {
  return items.flatMap((item, index) => {
    const change = changes.find((c) => c.index === index);
    if (!change) return [item];
    return item.quantity > 1 ? [{ ...item, quantity: item.quantity - 1 }, change.to] : [change.to];
  });
}

function toSwap(changes: readonly Change[], r: FitResult): Swap {
  const infos = changes.map((c) => c.info);
  const one = infos.length === 1 ? infos[0]! : undefined;
  return {
    replace: infos.map((c) => c.replace).join(' + '),
    with: infos.map((c) => c.with).join(' + '),
    ...(one?.replace_id === undefined ? {} : { replace_id: one.replace_id }),
    ...(one?.with_id === undefined ? {} : { with_id: one.with_id }),
    give_up: infos.reduce((s, c) => s + c.give_up, 0),
    verdict: r.verdict,
    placements: r.verdict === 'fits' ? r.placements : [],
    changes: infos,
  };
}

function volume(item: Item): number {
  return packedDims(item).reduce((a, b) => a * b, 1);
}
