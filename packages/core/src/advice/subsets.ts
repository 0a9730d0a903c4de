/**
 * Sub-kits of a kit, and a memoised fit() over them: what leave-behind and stack have in common.
 *
 * A sub-kit is a count vector: how many copies of each item it holds. Copies of one item are
 * interchangeable, so q copies give q + 1 sub-kits of that item, not 2^q, and the sub-kits of a
 * kit are numbered in mixed radix (digit i in base q_i + 1). The numbering is linear in the
 * counts, so the index of the kit minus a sub-kit is the full index minus the sub-kit's.
 *
 * Fitting is monotone: a sub-kit of a kit that fits also fits (drop the missing copies from its
 * layout), and a kit holding one that provably does not fit does not fit either. The oracle
 * answers from these two facts before it calls fit(), keeping the maximal sub-kits known to fit
 * and the minimal ones known not to. When fit() proves a "no" by a single item (too large, or
 * blocked by the opening) or by a conflicting pair, that item or pair is recorded rather than the
 * whole sub-kit, so one proof rules out every sub-kit that holds it.
 */
import { fit, type FitEnv } from '../fit/fit.js';
import type { Interior } from '../model/bag.js';
import type { Placement, Reason, Verdict } from '../model/fit.js';
import type { Item } from '../model/item.js';
import { adviceBudget, type AdviceBudget } from './why-not.js';

export type Counts = readonly number[];

/** whyNot's shared budget, from the advice options as zod parses them (nodeLimit possibly undefined). */
export function startBudget(options: { timeLimitMs: number; nodeLimit?: number | undefined }, now: () => number): AdviceBudget {
  const { timeLimitMs, nodeLimit } = options;
  return adviceBudget(nodeLimit === undefined ? { timeLimitMs } : { timeLimitMs, nodeLimit }, now);
}

/** The sub-kits of a kit with these quantities, numbered in mixed radix. */
export class KitSpace {
  /** Number of sub-kits, the empty and the full kit included (Infinity past 2^31). */
  readonly size: number;
  readonly full: number;
  private readonly stride: number[];

  constructor(readonly quantities: Counts) {
    this.stride = [];
    let size = 1;
    for (const q of quantities) {
      this.stride.push(size);
      size = size * (q + 1);
    }
    this.size = size > 2 ** 31 ? Infinity : size;
    this.full = this.size - 1;
  }

  index(counts: Counts): number {
    return counts.reduce((s, c, i) => s + c * this.stride[i]!, 0);
  }

  counts(index: number): number[] {
    return this.quantities.map((q, i) => Math.floor(index / this.stride[i]!) % (q + 1));
  }

  /** Every sub-kit of `within` (itself a sub-kit), as indices, calling `visit` on each. */
  forEachSubKit(within: Counts, visit: (index: number) => void): void {
    const n = within.length;
    const c = new Array<number>(n).fill(0);
    let index = 0;
    for (;;) {
      visit(index);
      let i = 0;
      // Odometer step: the lowest digit that can grow grows, the ones below it reset.
      while (i < n && c[i] === within[i]) {
        index -= c[i]! * this.stride[i]!;
        c[i] = 0;
        i++;
      }
      if (i === n) return;
      c[i]!++;
      index += this.stride[i]!;
    }
  }
}

/** A sub-kit's verdict, with its layout when it fits (item indices into the whole kit, copies 0..c-1). */
export interface SubFit {
  readonly verdict: Verdict;
  readonly placements: readonly Placement[];
}

const EMPTY_FIT: SubFit = { verdict: 'fits', placements: [] };
const NO: SubFit = { verdict: 'does-not-fit', placements: [] };
const UNDECIDED: SubFit = { verdict: 'undecided', placements: [] };

/** fit() of the sub-kits of one kit in one bag, memoised and closed under monotonicity. */
export class SubKitOracle {
  /** fit() calls made, for the stats. */
  calls = 0;
  private readonly memo = new Map<number | string, SubFit>();
  private fitting: { counts: Counts; placements: readonly Placement[] }[] = [];
  private failing: Counts[] = [];

  /**
   * `plannedCalls`: the budget share of each fit() call is 1/plannedCalls of the time left. A
   * small number lets the first hard sub-kits use most of the time; the cheap ones (settled by a
   * bound or the quick packer) hardly draw on it.
   */
  constructor(
    private readonly bag: Interior,
    private readonly space: KitSpace,
    private readonly items: readonly Item[],
    private readonly budget: AdviceBudget,
    private readonly plannedCalls: number,
    private readonly env: FitEnv,
  ) {}

  check(counts: Counts): SubFit {
    // Index keys are cheaper than joined counts, and exact while the space has < 2^31 sub-kits.
    return this.lookUp(Number.isFinite(this.space.size) ? this.space.index(counts) : counts.join(','), () => counts);
  }

  /** check() by sub-kit index, which the space must be small enough to number. */
  checkIndex(index: number): SubFit {
    return this.lookUp(index, () => this.space.counts(index));
  }

  private lookUp(key: number | string, counts: () => Counts): SubFit {
    let known = this.memo.get(key);
    if (!known) {
      const c = counts();
      known = this.infer(c) ?? this.callFit(c);
      this.memo.set(key, known);
    }
    return known;
  }

  private infer(counts: Counts): SubFit | null {
    if (counts.every((c) => c === 0)) return EMPTY_FIT;
    if (this.failing.some((f) => dominates(counts, f))) return NO;
    const cover = this.fitting.find((f) => dominates(f.counts, counts));
    // Copies are numbered 0..k-1 in any layout, so keeping those below counts[i] keeps a valid numbering.
    return cover ? { verdict: 'fits', placements: cover.placements.filter((p) => p.copy < counts[p.item]!) } : null;
  }

  private callFit(given: Counts): SubFit {
    const counts = [...given]; // kept in the lists below: the caller may reuse its array
    const sub: number[] = []; // sub-kit item index -> kit item index
    const items: Item[] = [];
    counts.forEach((c, i) => {
      if (c > 0) {
        sub.push(i);
        items.push({ ...this.items[i]!, quantity: c });
      }
    });
    this.calls++;
    const r = fit({ bag: this.bag, items, options: this.budget.next(this.plannedCalls) }, this.env);
    if (r.verdict === 'fits') {
      const placements = r.placements.map((p) => ({ ...p, item: sub[p.item]! }));
      this.fitting = [...this.fitting.filter((f) => !dominates(counts, f.counts)), { counts, placements }];
      return { verdict: 'fits', placements };
    }
    if (r.verdict === 'does-not-fit') {
      const w = witness(counts, sub, r.reasons);
      this.failing = [...this.failing.filter((f) => !dominates(f, w)), w];
      return NO;
    }
    return UNDECIDED;
  }
}

/** a >= b in every count. */
export function dominates(a: Counts, b: Counts): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! < b[i]!) return false;
  return true;
}

/**
 * The smallest sub-kit the proof shows cannot fit: the item too large or blocked by the opening
 * (one copy), the conflicting pair (two copies when both pieces are of one item), otherwise the
 * whole sub-kit.
 */
function witness(counts: Counts, sub: readonly number[], reasons: readonly Reason[]): Counts {
  const w = counts.map(() => 0);
  for (const r of reasons) {
    if (r.code === 'item-too-large' || r.code === 'blocked-by-opening') {
      w[sub[r.item]!] = 1;
      return w;
    }
    if (r.code === 'pair-conflict') {
      w[sub[r.items[0]]!]! += 1;
      w[sub[r.items[1]]!]! += 1;
      return w;
    }
  }
  return counts;
}
