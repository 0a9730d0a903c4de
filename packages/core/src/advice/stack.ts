/**
 * stackKit(input): split a kit over two or three bags worn together, every unit in one of them.
 *
 * Idea: a split gives each bag a sub-kit, the sub-kits adding up to the kit. Copies of an item are
 * counts, not distinct units, so a kit with quantities q has prod(q_i + 1) two-bag splits and
 * prod((q_i + 1)(q_i + 2) / 2) three-bag ones. Up to MAX_SPLITS of them are listed, ordered and
 * tried in turn; each bag's share goes to that bag's oracle (subsets.ts: fit() memoised and closed
 * under monotonicity, so most shares are settled by a look-up: a share holding one proved too
 * much is out, a share inside one that fits is in). The first split whose every share fits is
 * the answer; 'does-not-fit' only when every split had a share proved not to fit.
 *
 * Order: the most even fill first, i.e. the least largest fill ratio (share volume over the bag's
 * bounding-box volume). Balancing the fill rather than the volume puts the bigger load in the
 * bigger bag; a bag filled less is the likelier to pack, so a fitting split tends to come early,
 * and the wearer gets no one bag crammed. Within a split the fullest share is checked first: it
 * is the likeliest to fail, and one failing share settles the split.
 *
 * Beyond MAX_SPLITS, or once the budget is spent, first-fit decreasing (largest units first, each
 * into the bag it leaves least full among those it still fits), which may find a split but never
 * proves there is none.
 */
import type { FitEnv } from '../fit/fit.js';
import { packedDims, type Item } from '../model/item.js';
import type { StackInput, StackReason, StackResult } from '../model/stack.js';
import { KitSpace, SubKitOracle, startBudget, type Counts } from './subsets.js';

/** Splits enumerated at most: 3^12, every three-bag split of 12 distinct units. */
export const MAX_SPLITS = 531_441;
/** Each fit() call may use 1/PLANNED_CALLS of the time left: the hard shares are few. */
const PLANNED_CALLS = 4;

export function stackKit(input: StackInput, env: FitEnv = {}): StackResult {
  const now = env.now ?? Date.now;
  const budget = startBudget(input.options, now);
  const { bags, items } = input;
  const space = new KitSpace(items.map((it) => it.quantity));
  const oracles = bags.map((b) => new SubKitOracle(b.interior, space, items, budget, PLANNED_CALLS, { now }));
  const splits = splitCount(space.quantities, bags.length);
  const caps = bags.map((b) => b.interior.w * b.interior.h * (b.interior.d + (b.interior.give ?? 0)));
  const unitVolume = items.map((it) => packedDims(it).reduce((a, b) => a * b, 1));
  const fill = (b: number, counts: Counts) => counts.reduce((s, c, i) => s + c * unitVolume[i]!, 0) / caps[b]!;
  let tried = 0;
  const stats = () => ({ fit_calls: oracles.reduce((s, o) => s + o.calls, 0), splits, tried });

  const answer = (shares: readonly Counts[]): StackResult => ({
    verdict: 'fits',
    bags: shares.map((counts, b) => ({
      name: bags[b]!.name,
      items: items.flatMap((it, i) => new Array<string>(counts[i]!).fill(it.name)),
      placements: [...oracles[b]!.check(counts).placements],
    })),
    reasons: [],
    stats: stats(),
  });
  const settle = (verdict: 'does-not-fit' | 'undecided', reasons: StackReason[]): StackResult => ({ verdict, bags: [], reasons, stats: stats() });

  // An item no bag can hold alone settles it at once, with the reason people need.
  for (const [i, item] of items.entries()) {
    const unit = items.map((_, j) => (j === i ? 1 : 0));
    if (oracles.every((o) => o.check(unit).verdict === 'does-not-fit')) {
      return settle('does-not-fit', [{ code: 'item-fits-no-bag', item: i, name: item.name }]);
    }
  }

  const reasons: StackReason[] = [];
  if (splits <= MAX_SPLITS) {
    const volume = Float64Array.from({ length: space.size }, (_, i) => space.counts(i).reduce((s, c, k) => s + c * unitVolume[k]!, 0));
    const list = listSplits(space, bags.length);
    const order = orderSplits(list, bags.length, (b, i) => volume[i]! / caps[b]!);
    let undecided = 0;
    for (const s of order) {
      if (budget.spent()) break;
      tried++;
      const shares = sharesOf(list, bags.length, s);
      // The fullest share first: the likeliest to fail, and one failure settles the split.
      const byFill = shares.map((_, b) => b).sort((a, b) => volume[shares[b]!]! / caps[b]! - volume[shares[a]!]! / caps[a]! || a - b);
      let verdict: 'fits' | 'does-not-fit' | 'undecided' = 'fits';
      for (const b of byFill) {
        const v = oracles[b]!.checkIndex(shares[b]!).verdict;
        if (v === 'does-not-fit') {
          verdict = v;
          break;
        }
        if (v === 'undecided') verdict = v;
      }
      if (verdict === 'fits') return answer(shares.map((i) => space.counts(i)));
      if (verdict === 'undecided') undecided++;
    }
    if (tried === order.length && undecided === 0) return settle('does-not-fit', [{ code: 'no-split', tried }]);
    if (undecided > 0) reasons.push({ code: 'undecided-splits', count: undecided });
    if (tried < order.length) reasons.push({ code: 'time-limit', limit_ms: input.options.timeLimitMs, tried, splits });
  } else {
    reasons.push({ code: 'split-limit', splits, limit: MAX_SPLITS });
  }
  const ffd = firstFitDecreasing(items, unitVolume, oracles, fill);
  return ffd ? answer(ffd) : settle('undecided', reasons);
}

/** Two-bag splits: prod(q_i + 1); three-bag: prod((q_i + 1)(q_i + 2) / 2). */
function splitCount(quantities: Counts, bags: number): number {
  return quantities.reduce((s, q) => s * (bags === 2 ? q + 1 : ((q + 1) * (q + 2)) / 2), 1);
}

/**
 * Every split as one sub-kit index per bag, flat (bags numbers a split). The last bag takes the
 * rest, whose index is the full kit's minus the others' (the numbering is linear in the counts).
 */
function listSplits(space: KitSpace, bags: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < space.size; i++) {
    if (bags === 2) out.push(i, space.full - i);
    else space.forEachSubKit(space.counts(space.full - i), (j) => out.push(i, j, space.full - i - j));
  }
  return Int32Array.from(out);
}

function sharesOf(list: Int32Array, bags: number, s: number): number[] {
  return Array.from(list.subarray(s * bags, (s + 1) * bags));
}

/** Split numbers, most even fill first (ties: listing order, so the result is deterministic). */
function orderSplits(list: Int32Array, bags: number, fill: (b: number, index: number) => number): number[] {
  const n = list.length / bags;
  const score = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let worst = 0;
    for (let b = 0; b < bags; b++) worst = Math.max(worst, fill(b, list[s * bags + b]!));
    score[s] = worst;
  }
  return Array.from({ length: n }, (_, s) => s).sort((a, b) => score[a]! - score[b]! || a - b);
}

/** Largest units first, each into the bag it leaves least full among those it still fits; null when one fits none. */
function firstFitDecreasing(
  items: readonly Item[],
  unitVolume: readonly number[],
  oracles: readonly SubKitOracle[],
  fill: (b: number, c: Counts) => number,
): number[][] | null {
  const shares = oracles.map(() => items.map(() => 0));
  const order = items.map((_, i) => i).sort((a, b) => unitVolume[b]! - unitVolume[a]! || a - b);
  for (const i of order) {
    for (let c = 0; c < items[i]!.quantity; c++) {
      let best = -1;
      let bestFill = Infinity;
      oracles.forEach((o, b) => {
        const next = shares[b]!.map((v, j) => (j === i ? v + 1 : v));
        if (fill(b, next) < bestFill && o.check(next).verdict === 'fits') {
          best = b;
          bestFill = fill(b, next);
        }
      });
      if (best < 0) return null;
      shares[best]![i]!++;
    }
  }
  return shares;
}
