/**
 * whyNot(input): why a kit does or does not fit, in codes and numbers, beyond the engine's proof.
 *
 * The engine's reasons come first, as they are (so 'blocked-by-opening' and the rest pass
 * through). Then, all computed by asking fit() about changed kits, never by a second geometry:
 * - volume-ratio, always: how full the bag is.
 * - bottleneck: each item that does not fit the empty bag alone, by the engine's item-too-large
 *   figure (and a blocked-by-opening the kit's own proof did not name).
 * - fits-alone-not-together: when each item fits alone, the kit less one unit of each item.
 * - short-by (box interiors): the least growth of one side that makes the kit fit. Only lengths
 *   that are sums of item extents can matter (normal patterns, Herz 1972; Christofides & Whitlock
 *   1977: push a packing towards the origin and every coordinate is such a sum), so fits(L) is
 *   fits(the largest such sum <= L), and fit() is monotone in L. A binary search over those sums
 *   then settles the answer exactly with about log2(#sums) calls: the engine proves the kit fits
 *   at the reported length and proves it does not at the next smaller sum.
 *
 * Every fit() call draws on one time budget (options.timeLimitMs, DEFAULT_ADVICE_TIME_LIMIT_MS
 * by default; env.now is the clock); what the budget leaves unsettled is named in
 * 'advice-unsettled' rather than guessed. Deterministic whenever the budget is not reached.
 */
import { fit, type FitEnv } from '../fit/fit.js';
import { describeReason } from '../fit/explain.js';
import { distinctOrientations } from '../geometry/orientation.js';
import { effectiveInterior, shapeVolume } from '../geometry/shapes.js';
import type { Interior } from '../model/bag.js';
import type { FitOptions, FitResult, Reason } from '../model/fit.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';
import type { AdviceReason, Axis, UnsettledCheck, WhyNotResult } from '../model/why-not.js';

/** Total budget of one piece of advice, every fit() call included, ms. */
export const DEFAULT_ADVICE_TIME_LIMIT_MS = 2000;
/** Sums of item sides kept per half of the kit (see sideSums); beyond it short-by is left unsettled. */
const MAX_HALF_SUMS = 100_000;

export interface AdviceOptions {
  /** The whole advice's budget, ms: DEFAULT_ADVICE_TIME_LIMIT_MS when absent. */
  readonly timeLimitMs?: number;
  /** Passed to every fit() call: a reproducible budget for tests. */
  readonly nodeLimit?: number;
}

export interface AdviceInput {
  readonly bag: Interior;
  readonly items: readonly Item[];
  readonly options?: AdviceOptions;
  /** fit()'s answer for this kit when the caller already has it: saves the first call. */
  readonly result?: FitResult;
}

/** One time budget shared by many fit() calls: each call gets an equal share of what is left. */
export interface AdviceBudget {
  /** Options for the next call, one of `calls` still planned. A spent budget gives 0 ms: bounds and the quick packer only. */
  next(calls: number): FitOptions;
  spent(): boolean;
}

export function adviceBudget(options: AdviceOptions | undefined, now: () => number): AdviceBudget {
  const deadline = now() + (options?.timeLimitMs ?? DEFAULT_ADVICE_TIME_LIMIT_MS);
  const nodeLimit = options?.nodeLimit;
  return {
    next: (calls) => ({ timeLimitMs: Math.max(deadline - now(), 0) / Math.max(calls, 1), ...(nodeLimit === undefined ? {} : { nodeLimit }) }),
    spent: () => now() >= deadline,
  };
}

const AXES: readonly Axis[] = ['w', 'h', 'd'];
type BoxInterior = Extract<Interior, { shape: 'box' }>;

export function whyNot(input: AdviceInput, env: FitEnv = {}): WhyNotResult {
  const now = env.now ?? Date.now;
  const budget = adviceBudget(input.options, now);
  const n = input.items.length;
  const sums = input.bag.shape === 'box' ? sideSums(input.items) : null;
  // fit() calls still planned, for sharing the budget: alone, leave-one-out, and per axis a top
  // test and a bisection (about 20 calls for a real kit's tens of thousands of sums).
  let planned = 2 * n + (input.bag.shape === 'box' ? 3 * 20 : 0);
  const ask = (items: readonly Item[], bag: Interior = input.bag): FitResult | null => {
    if (budget.spent()) return null;
    return fit({ bag, items: [...items], options: budget.next(Math.max(planned--, 1)) }, { now });
  };
  // The kit's own verdict matters most: half the budget.
  const result = input.result ?? fit({ bag: input.bag, items: [...input.items], options: budget.next(2) }, { now });
  const reasons: WhyNotResult['reasons'] = [...result.reasons, volumeRatio(input.bag, input.items)];
  if (result.verdict !== 'does-not-fit') return { verdict: result.verdict, reasons };

  const unsettled: UnsettledCheck[] = [];
  const alone = input.items.map((item) => ask([{ ...item, quantity: 1 }]));
  if (alone.some((r) => r === null || r.verdict === 'undecided')) unsettled.push('fits-alone');
  alone.forEach((r, i) => {
    if (r?.verdict === 'does-not-fit') reasons.push(...aloneReasons(input, i, r, result.reasons));
  });
  if (alone.every((r) => r?.verdict === 'fits')) {
    const leaveOneOut = input.items.map((item, i) => ({ item: i, name: item.name, verdict: ask(leaveOne(input.items, i))?.verdict ?? 'undecided' }));
    reasons.push({ code: 'fits-alone-not-together', leave_one_out: leaveOneOut });
    if (leaveOneOut.some((e) => e.verdict === 'undecided')) unsettled.push('leave-one-out');
  } else planned -= n;
  if (input.bag.shape === 'box') {
    const box = input.bag;
    for (const axis of AXES) {
      const mm = sums ? shortBy(box, axis, sums, (bag) => ask(input.items, bag)) : 'unsettled';
      if (mm === 'unsettled') unsettled.push(`short-by-${axis}`);
      else if (mm !== null) reasons.push({ code: 'short-by', axis, mm });
    }
  }
  if (unsettled.length > 0) reasons.push({ code: 'advice-unsettled', checks: unsettled });
  return { verdict: result.verdict, reasons };
}

function volumeRatio(bag: Interior, items: readonly Item[]): AdviceReason {
  const items_mm3 = items.reduce((s, it) => s + it.quantity * packedDims(it).reduce((a, b) => a * b, 1), 0);
  const bag_mm3 = shapeVolume(effectiveInterior(bag));
  return { code: 'volume-ratio', ratio: round3(items_mm3 / bag_mm3), items_mm3: round3(items_mm3), bag_mm3: round3(bag_mm3) };
}

/** The kit less one unit of item i. */
function leaveOne(items: readonly Item[], i: number): Item[] {
  return items.flatMap((it, j) => (j !== i ? [it] : it.quantity > 1 ? [{ ...it, quantity: it.quantity - 1 }] : []));
}

/** Why item i does not fit alone, its index put back to the kit's; nothing the kit's own reasons already say. */
function aloneReasons(input: AdviceInput, i: number, lone: FitResult, kitReasons: readonly Reason[]): (Reason | AdviceReason)[] {
  const item = input.items[i]!;
  const out: (Reason | AdviceReason)[] = [];
  for (const r of lone.reasons) {
    if (r.code === 'item-too-large') {
      const axis = overshootAxis(input.bag, item, r.overshoot_mm);
      out.push({ code: 'bottleneck', item: i, name: item.name, overshoot_mm: r.overshoot_mm, ...(axis ? { axis } : {}) });
    } else if (r.code === 'blocked-by-opening' && !kitReasons.some((k) => k.code === 'blocked-by-opening' && k.item === i)) {
      out.push({ ...r, item: i });
    }
  }
  return out;
}

/**
 * The interior side a box interior's item overshoots most in its best orientation (the one with
 * the least largest overshoot), when that is one side and our figure agrees with the engine's
 * (soft and cased items are sized as the engine sizes them; if that ever differs, no axis).
 */
function overshootAxis(bag: Interior, item: Item, engineOvershoot: number): Axis | undefined {
  if (bag.shape !== 'box') return undefined;
  const L = [bag.w, bag.h, bag.d + (bag.give ?? 0)];
  let best = Infinity;
  const axes = new Set<number>();
  for (const o of distinctOrientations(squeezedDims(item), item.rotation)) {
    const over = o.ext.map((e, ax) => e - L[ax]!);
    const worst = Math.max(...over);
    if (worst < best - 1e-9) {
      best = worst;
      axes.clear();
    }
    if (worst <= best + 1e-9) over.forEach((v, ax) => v >= worst - 1e-9 && axes.add(ax));
  }
  if (axes.size !== 1 || Math.abs(round3(best) - engineOvershoot) > 1e-3) return undefined;
  return AXES[[...axes][0]!];
}

/**
 * The least growth of one side of a box interior, mm, that makes the kit fit; null when no growth
 * can; 'unsettled' when no answer was proved within the budget. The kit is known not to fit the
 * bag as it is. `ask` fits the kit in a changed bag, or gives null once the budget is spent.
 *
 * Candidate lengths for the side: the sums, and (with give, which the engine adds to d) the sums
 * less the give; a superset of the lengths that matter serves the argument as well. Bisection
 * on the length, each probe moved down to the largest candidate below it: a probe with no
 * candidate in the lower half costs no fit() call, since fits(mid) = fits(lo) = false there.
 */
function shortBy(bag: BoxInterior, axis: Axis, sums: LengthSet, ask: (bag: Interior) => FitResult | null): number | 'unsettled' | null {
  const side = bag[axis];
  const give = axis === 'd' ? (bag.give ?? 0) : 0;
  const atMost = (x: number) => Math.max(sums.atMost(x), sums.atMost(x + give) - give);
  const above = (x: number) => Math.min(sums.above(x), sums.above(x + give) - give);
  const verdictAt = (len: number) => ask({ ...bag, [axis]: len })?.verdict ?? 'undecided';
  if (sums.max <= side + TIE) return null; // no longer side holds more than the longest sum
  // Invariant: the kit does not fit at lo (at first, the bag as it is) and fits at hi, a candidate.
  let lo = side;
  let hi = sums.max;
  const top = verdictAt(hi);
  if (top !== 'fits') return top === 'does-not-fit' ? null : 'unsettled';
  for (let step = 0; step < MAX_BISECTIONS; step++) {
    if (above(lo) >= hi - TIE) return clean(hi - side);
    const mid = (lo + hi) / 2;
    const c = atMost(mid);
    const v = c <= lo + TIE ? 'does-not-fit' : verdictAt(c);
    if (v === 'fits') hi = c;
    else if (v === 'does-not-fit') lo = mid;
    else return 'unsettled';
  }
  return 'unsettled';
}

/** Lengths within this of each other are one length (sums are cleaned to 1e-9 mm). */
const TIE = 1e-7;
/** Halvings at most: the candidates are at least TIE apart, so about 50 reach any of them. */
const MAX_BISECTIONS = 200;

/**
 * The sums of item sides (each unit of each item adding nothing or one of its sides, as packed
 * or as squeezed: an item may lie any way round, so one set serves every axis, and it is a
 * superset of what the engine uses). A real kit has tens of thousands of them, so they are not
 * listed: the units are split in two halves whose sums are (meet in the middle).
 */
interface LengthSet {
  readonly max: number;
  /** The largest sum <= x (up to TIE), or -Infinity. */
  atMost(x: number): number;
  /** The smallest sum > x (beyond TIE), or Infinity. */
  above(x: number): number;
}

function sideSums(items: readonly Item[]): LengthSet | null {
  const units = items.flatMap((item) => Array.from({ length: item.quantity }, () => [...new Set([...packedDims(item), ...squeezedDims(item)])]));
  const half = units.length >> 1;
  const a = sumsOf(units.slice(0, half));
  const b = sumsOf(units.slice(half));
  if (!a || !b) return null;
  return {
    max: clean(a[a.length - 1]! + b[b.length - 1]!),
    atMost: (x) => a.reduce((best, s) => Math.max(best, clean(s + lastAtMost(b, x - s))), -Infinity),
    above: (x) => a.reduce((best, s) => Math.min(best, clean(s + firstAbove(b, x - s))), Infinity),
  };
}

/** Sorted distinct sums of one half's units, or null past MAX_HALF_SUMS. */
function sumsOf(units: readonly (readonly number[])[]): number[] | null {
  let sums = new Set<number>([0]);
  for (const sides of units) {
    const next = new Set(sums);
    for (const s of sums) for (const e of sides) next.add(clean(s + e));
    if (next.size > MAX_HALF_SUMS) return null;
    sums = next;
  }
  return [...sums].sort((x, y) => x - y);
}

/** In ascending xs: the last element <= x (up to TIE), or -Infinity. */
function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length; // first index whose element exceeds x
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x + TIE) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -Infinity : xs[lo - 1]!;
}

/** In ascending xs: the first element > x (beyond TIE), or Infinity. */
function firstAbove(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x + TIE) lo = mid + 1;
    else hi = mid;
  }
  return lo === xs.length ? Infinity : xs[lo]!;
}

/** Lengths are sums of published figures: strip float noise (139.57999999999998) far below EPS. */
function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

const mm = (v: number) => `${Math.round(v * 10) / 10} mm`;
const AXIS_WORD: Record<Axis, { side: string; more: string }> = {
  w: { side: 'width', more: 'wider' },
  h: { side: 'height', more: 'taller' },
  d: { side: 'depth', more: 'deeper' },
};
const CHECK_WORD: Record<UnsettledCheck, string> = {
  'fits-alone': 'whether each item fits alone',
  'leave-one-out': 'which item to leave out',
  'short-by-w': 'how much wider the bag would need to be',
  'short-by-h': 'how much taller the bag would need to be',
  'short-by-d': 'how much deeper the bag would need to be',
};

/** The advice's reasons in plain words, in the style of describeReason. */
export function describeAdvice(r: AdviceReason): string {
  switch (r.code) {
    case 'volume-ratio':
      return `The items take ${Math.round(r.ratio * 100)}% of the bag's volume (${Math.round(r.items_mm3 / 1000)} cm³ of items, ${Math.round(r.bag_mm3 / 1000)} cm³ inside).`;
    case 'bottleneck':
      return `${r.name} does not fit this bag even on its own: it is ${mm(r.overshoot_mm)} too big at best${r.axis ? `, in the ${AXIS_WORD[r.axis].side}` : ''}.`;
    case 'fits-alone-not-together': {
      const enough = r.leave_one_out.filter((e) => e.verdict === 'fits').map((e) => e.name);
      const tail = enough.length > 0 ? `leaving out one ${enough.join(' or one ')} would make the rest fit.` : 'leaving out any single one is not enough.';
      return `Each item fits on its own, but not all together: ${tail}`;
    }
    case 'short-by':
      return `A bag ${mm(r.mm)} ${AXIS_WORD[r.axis].more} would hold everything.`;
    case 'advice-unsettled':
      return `Not settled within the time budget: ${r.checks.map((c) => CHECK_WORD[c]).join('; ')}.`;
  }
}

const ADVICE_CODES: ReadonlySet<string> = new Set<AdviceReason['code']>(['volume-ratio', 'bottleneck', 'fits-alone-not-together', 'short-by', 'advice-unsettled']);

/** Any reason whyNot returns, the engine's or the advice's, in plain words. */
/**
 * The reasons a person should read, each fact once: a bottleneck line says all that the engine's
 * item-too-large proof for the same item does, and names the side too.
 */
export function reasonsForPeople<R extends Reason | AdviceReason>(reasons: readonly R[]): R[] {
  const bottlenecks = new Set(reasons.flatMap((r) => (r.code === 'bottleneck' ? [r.item] : [])));
  return reasons.filter((r) => !(r.code === 'item-too-large' && bottlenecks.has(r.item)));
}

export function describeWhyNot(r: Reason | AdviceReason): string {
  return ADVICE_CODES.has(r.code) ? describeAdvice(r as AdviceReason) : describeReason(r as Reason);
}
