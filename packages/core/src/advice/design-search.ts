/**
 * The least box that holds a kit, over three sorted lists of candidate sides: the search that
 * proves designInterior's answer.
 *
 * Sides are in roles a, b, c (axes `axes`, lists `lists`); with nothing fixed and every item free
 * to turn only a <= b <= c is searched. Every box under the best volume so far must be shown not
 * to fit. Those that matter are the largest: for each a (ascending) and b (ascending), the longest
 * c that keeps under the best volume ("top"); a box inside one that does not fit does not fit
 * either. The bounds of design-units.ts settle many without fit(); the rest are asked.
 *
 * Growth: near the least volume the candidate lists are dense (a 2.3 mm key and a 0.76 mm card
 * make sums every few hundredths of a millimetre), so the tops are thousands of boxes a hair
 * apart, and their no-fit proofs are much the same. When a top is proved not to fit, the box is
 * grown, along b and then along a, by galloping up that side's list while it still does not fit.
 * The grown box is kept by the oracle and covers a whole patch of tops: along b for this a (the
 * loop jumps past it), and for the next values of a too. When every top of an a was covered by
 * boxes at least a' long in a, the loop jumps to the first a past a'.
 *
 * Passes: a top left undecided is passed over, with the least volume it might hide; so are the
 * tops near it (they are most likely as hard), and the caller runs another pass with more effort
 * per fit() call. Boxes settled in a pass stay settled (the oracle keeps them), so a later pass
 * only asks again what is still open.
 *
 * A fit under the best volume becomes the best, and is then cut down side by side (coordinate
 * descent, binary search on each list: fit() is monotone in one side).
 */
import { EPS } from '../geometry/tolerance.js';
import type { Placement } from '../model/fit.js';
import type { Answer, BoxOracle } from './design-oracle.js';
import { firstAbove, inside, lowerBound, REL, type BoxBounds, type Vec3 } from './design-units.js';

/** How much further each probe of a growth goes, in list places. */
const GALLOP = 4;

export interface Incumbent {
  /** Sides in roles a, b, c; the placements are in the box with these sides on `axes`. */
  readonly L: Vec3;
  readonly placements: readonly Placement[];
  readonly volume: number;
}

export interface SearchSetup {
  /** Candidate sides per role, ascending. */
  readonly lists: readonly [readonly number[], readonly number[], readonly number[]];
  readonly symmetric: boolean;
  readonly bounds: BoxBounds;
  readonly oracle: BoxOracle;
  readonly spent: () => boolean;
}

export interface PassResult {
  /** Every box under the best volume was settled or left undecided (below). */
  readonly complete: boolean;
  /** Least volume a box left undecided might have hidden (Infinity: none). */
  readonly hidden: number;
}

export class LeastBoxSearch {
  /** How many times the best box has changed. */
  private improved = 0;

  constructor(
    private readonly s: SearchSetup,
    public best: Incumbent,
  ) {}

  private better(v: number): boolean {
    return v < this.best.volume * (1 - REL);
  }

  /** Asks the oracle; a fit under the best volume becomes the best (and counts in `improved`). */
  private ask(q: Vec3, boundsOnly = false): Answer {
    const r = this.s.oracle.ask(q, boundsOnly);
    const volume = q[0] * q[1] * q[2];
    if (r.verdict === 'fits' && r.placements && this.better(volume)) {
      this.best = { L: [...q], placements: r.placements, volume };
      this.improved++;
    }
    return r;
  }

  /**
   * Coordinate descent from the best box: each side in turn (longest first) cut to the least
   * candidate that still fits with the other two held, until none can be cut.
   */
  descend(): void {
    for (let cut = true; cut; ) {
      cut = false;
      const roles = [0, 1, 2].sort((x, y) => this.best.L[y]! - this.best.L[x]!);
      for (const role of roles) {
        const list = this.s.lists[role]!;
        const before = this.improved;
        const L = this.best.L;
        // list[lo] and below cannot fit; L[role] (at index hi, or just above it) does.
        let lo = lowerBound(list, this.s.bounds.floor(L, role)) - 1;
        let hi = lowerBound(list, L[role]!);
        while (hi - lo > 1) {
          if (this.s.spent()) return;
          const mid = (hi + lo) >> 1;
          const q: Vec3 = [L[0], L[1], L[2]];
          q[role] = list[mid]!;
          if (this.ask(q).verdict === 'fits') hi = mid;
          else lo = mid;
        }
        cut ||= this.improved > before;
      }
    }
  }

  /**
   * One sweep over the tops under the best volume. Undecided boxes are passed over (and their
   * least possible volume kept in `hidden`), and so are the tops near them, unasked: within the
   * fraction `margin` of one in a and in b (0: none).
   */
  pass(margin: number): PassResult {
    const { lists, symmetric, oracle } = this.s;
    const [aList, bList, cList] = lists;
    const deferred: Vec3[] = [];
    let hidden = Infinity;
    for (let ai = 0; ai < aList.length; ai++) {
      const a = aList[ai]!;
      const bFrom = symmetric ? a : bList[0]!;
      if (!this.better(a * bFrom * (symmetric ? a : cList[0]!))) break;
      // Every top of this a lies in a box proved not to fit that is at least reach long in a.
      let reach = Infinity;
      let top = cList.length - 1;
      let bi = lowerBound(bList, bFrom);
      while (bi < bList.length) {
        if (this.s.spent()) return { complete: false, hidden };
        const b = bList[bi]!;
        const cFrom = symmetric ? b : cList[0]!;
        if (!this.better(a * b * cFrom)) break;
        while (top >= 0 && !this.better(a * b * cList[top]!)) top--;
        if (top < 0 || cList[top]! < cFrom - EPS) break;
        const q: Vec3 = [a, b, cList[top]!];
        // Every b up to the cover's has its top (no longer than this one) inside it too.
        const cover = oracle.coverOf(q);
        if (cover) {
          reach = Math.min(reach, cover[0]);
          bi = firstAbove(bList, cover[1]);
          continue;
        }
        const near = deferred.find((d) => inside(q, d));
        if (near) {
          // No box below these tops is shorter than cFrom in c.
          hidden = Math.min(hidden, a * b * cFrom);
          reach = a;
          bi = firstAbove(bList, near[1]);
          continue;
        }
        const before = this.improved;
        const r = this.ask(q);
        if (this.improved > before) {
          // The same b is looked at again, under the new best volume.
          this.descend();
          continue;
        }
        if (r.verdict === 'does-not-fit') {
          this.grow(q, r.by === 'bound');
          continue;
        }
        if (r.verdict === 'undecided') {
          // Below `low` no c fits (volume, stacks, and c >= b when symmetric).
          const low = lowerBound(cList, Math.max(cFrom, this.s.bounds.floor(q, 2)));
          hidden = Math.min(hidden, a * b * (cList[low] ?? q[2]));
          if (margin > 0) deferred.push([a * (1 + margin), b * (1 + margin), q[2]]);
        }
        reach = a;
        bi++;
      }
      if (reach > a) ai = firstAbove(aList, reach) - 1;
    }
    return { complete: true, hidden };
  }

  /**
   * Grows box q, which does not fit, along b and then along a, by galloping up each side's list
   * (GALLOP times further each step) while it still does not fit. No bisection after the
   * gallop: the probes next to the edge are the hardest proofs, and the grown box already holds
   * at least 1/GALLOP of the run it could have. boundsOnly: q was settled by the bounds, and so
   * is its growth (no fit() calls). Growing c as well covers little the sweep still needs.
   */
  private grow(q: Vec3, boundsOnly: boolean): void {
    for (const role of [1, 0]) {
      const list = this.s.lists[role]!;
      const from = lowerBound(list, q[role]!);
      let no = from;
      for (let step = 1; no + 1 < list.length; step *= GALLOP) {
        if (this.s.spent()) return;
        const t: Vec3 = [q[0], q[1], q[2]];
        const j = Math.min(no + step, list.length - 1);
        t[role] = list[j]!;
        if (this.ask(t, boundsOnly).verdict !== 'does-not-fit') break;
        no = j;
      }
      q[role] = list[no]!;
    }
  }
}
