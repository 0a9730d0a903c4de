/**
 * leaveBehind(input): the most wanted part of a kit that fits the bag.
 *
 * Idea: rank every sub-kit (how many copies of each item to take) best first and return the
 * first that fits. The order is total, so the answer is deterministic: total priority, then
 * more units, then more copies of lower-index items. Sub-kits of a fitting kit fit (the family
 * is down-closed, an independence system), so this is best-first search for a maximum-weight
 * member: the first fitting sub-kit is optimal as soon as every one ranked above it has been
 * proved not to fit. The oracle (subsets.ts) turns most of those proofs into look-ups: a
 * sub-kit holding one proved not to fit is ruled out without a fit() call, and fit()'s
 * single-item and pair proofs rule out everything holding that item or pair.
 *
 * Up to MAX_SUBKITS sub-kits (so any kit of up to 12 units) are ranked. Above that, or when the
 * budget runs out first, the answer is greedy: units in priority order, each kept if the kit
 * so far still fits. exact is false whenever a sub-kit ranked above the answer was not proved
 * out (undecided, never tried, or greedy), so the answer always fits but is only claimed best
 * when it is.
 */
import type { FitEnv } from '../fit/fit.js';
import type { LeaveBehindInput, LeaveBehindResult } from '../model/leave-behind.js';
import { KitSpace, SubKitOracle, startBudget, type Counts, type SubFit } from './subsets.js';

/** Sub-kits ranked at most: 2^12, every subset of a 12-unit kit of distinct items. */
export const MAX_SUBKITS = 4096;
/** Each fit() call may use 1/PLANNED_CALLS of the time left: the hard sub-kits are few. */
const PLANNED_CALLS = 4;

interface Ranked {
  readonly counts: number[];
  readonly priority: number;
  readonly units: number;
}

export function leaveBehind(input: LeaveBehindInput, env: FitEnv = {}): LeaveBehindResult {
  const now = env.now ?? Date.now;
  const budget = startBudget(input.options, now);
  const priorities = input.items.map((it) => it.priority ?? 1);
  const space = new KitSpace(input.items.map((it) => it.quantity));
  const oracle = new SubKitOracle(input.bag, space, input.items, budget, PLANNED_CALLS, { now });
  let judged = 0;
  const judge = (counts: Counts): SubFit => {
    judged++;
    return oracle.check(counts);
  };
  const done = (counts: Counts, sub: SubFit, exact: boolean) =>
    toResult(input, priorities, counts, sub, exact, { fit_calls: oracle.calls, subkits_judged: judged });

  if (space.size <= MAX_SUBKITS) {
    let exact = true;
    for (const r of ranked(space, priorities)) {
      if (budget.spent()) break;
      const sub = judge(r.counts);
      if (sub.verdict === 'fits') return done(r.counts, sub, exact);
      if (sub.verdict === 'undecided') exact = false;
    }
  }
  const { counts, sub, exact } = greedy(input, priorities, judge);
  return done(counts, sub, exact);
}

/** Every sub-kit, best first: total priority, then units, then more copies of lower-index items. */
function ranked(space: KitSpace, priorities: readonly number[]): Ranked[] {
  const out: Ranked[] = [];
  for (let i = 0; i < space.size; i++) {
    const counts = space.counts(i);
    out.push({ counts, priority: prioritySum(counts, priorities), units: counts.reduce((s, c) => s + c, 0) });
  }
  return out.sort((a, b) => b.priority - a.priority || b.units - a.units || lexDesc(a.counts, b.counts));
}

function lexDesc(a: Counts, b: Counts): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/** Rounded to 1e-9 so that 0.1 + 0.2 ties with 0.3 and the next rule decides. */
function prioritySum(counts: Counts, priorities: readonly number[]): number {
  return Math.round(counts.reduce((s, c, i) => s + c * priorities[i]!, 0) * 1e9) / 1e9;
}

/**
 * Units one at a time, most wanted first (then input order), each kept when the kit so far
 * still fits with it; a unit of negative priority is never wanted. Exact only when every unit
 * of non-negative priority fits at once: that is then the unique best answer.
 */
function greedy(input: LeaveBehindInput, priorities: readonly number[], judge: (c: Counts) => SubFit) {
  const wanted = input.items.map((it, i) => (priorities[i]! >= 0 ? it.quantity : 0));
  const all = judge(wanted);
  if (all.verdict === 'fits') return { counts: wanted, sub: all, exact: true };
  const order = input.items.map((_, i) => i).sort((a, b) => priorities[b]! - priorities[a]! || a - b);
  const counts = input.items.map(() => 0);
  let sub: SubFit = { verdict: 'fits', placements: [] };
  for (const i of order) {
    for (let c = 0; c < wanted[i]!; c++) {
      counts[i]!++;
      const next = judge(counts);
      if (next.verdict === 'fits') sub = next;
      else {
        counts[i]!--;
        break; // a further copy of the same item would not fit either
      }
    }
  }
  return { counts, sub, exact: false };
}

function toResult(
  input: LeaveBehindInput,
  priorities: readonly number[],
  counts: Counts,
  sub: SubFit,
  exact: boolean,
  stats: LeaveBehindResult['stats'],
): LeaveBehindResult {
  const keep: string[] = [];
  const leave: string[] = [];
  input.items.forEach((it, i) => {
    for (let c = 0; c < it.quantity; c++) (c < counts[i]! ? keep : leave).push(it.name);
  });
  return {
    verdict: 'fits',
    keep,
    leave,
    kept: counts.flatMap((copies, item) => (copies > 0 ? [{ item, copies }] : [])),
    priority_kept: prioritySum(counts, priorities),
    priority_total: prioritySum(
      input.items.map((it) => it.quantity),
      priorities,
    ),
    placements: [...sub.placements],
    exact,
    stats,
  };
}
