/**
 * fit() for designInterior's boxes, with what earlier answers already prove.
 *
 * Whether a kit fits a box is monotone in each side: a box holding a box that fits fits, a box
 * inside one that does not fit does not. So the oracle keeps the largest boxes proved not to fit
 * and the least proved to fit, and answers from them before it calls fit(). With nothing fixed
 * and every item free to turn, the verdict is the same under any permutation of the sides, so
 * boxes are then kept with their sides sorted: a sorted box lies inside some turn of another iff
 * it lies inside the other sorted.
 *
 * Each call's effort is capped in nodes (`effort`) and in time (1/`share` of the time left),
 * both set pass by pass by the caller, so that no single hard proof eats the budget.
 */
import { fit, type FitEnv } from '../fit/fit.js';
import type { DesignInput } from '../model/design.js';
import type { Placement } from '../model/fit.js';
import type { AdviceBudget } from './why-not.js';
import { inside, type BoxBounds, type Vec3 } from './design-units.js';

/** A verdict; a fit carries placements only when fit() was called; `by`: what settled a no-fit. */
export type Answer =
  | { readonly verdict: 'fits'; readonly placements: readonly Placement[] | null }
  | { readonly verdict: 'does-not-fit'; readonly placements: null; readonly by: 'known' | 'bound' | 'fit' }
  | { readonly verdict: 'undecided'; readonly placements: null };

export class BoxOracle {
  calls = 0;
  undecided = 0;
  /** Search nodes one fit() call may use (the input's nodeLimit caps it too). */
  effort = Infinity;
  /** One fit() call may use 1/share of the time left. */
  share = 32;
  private readonly noFit: Vec3[] = [];
  private readonly fits: Vec3[] = [];

  /**
   * @param toAxes the box's sides in w, h, d order from the caller's order.
   * @param symmetric every permutation of the sides gives the same verdict.
   */
  constructor(
    private readonly input: DesignInput,
    private readonly toAxes: (q: Vec3) => Vec3,
    private readonly symmetric: boolean,
    private readonly bounds: BoxBounds,
    private readonly budget: AdviceBudget,
    private readonly env: FitEnv,
  ) {}

  /** A box proved not to fit that holds q (its sides sorted when symmetric), if any. */
  coverOf(q: Vec3): Vec3 | undefined {
    return holder(this.noFit, this.key(q));
  }

  /**
   * Does the kit fit box q? Placements come only from a fit() call (in the box toAxes(q)).
   * boundsOnly: no fit() call; what the bounds do not settle is 'undecided'.
   */
  ask(q: Vec3, boundsOnly = false): Answer {
    const k = this.key(q);
    if (holder(this.noFit, k)) return { verdict: 'does-not-fit', placements: null, by: 'known' };
    if (this.fits.some((f) => inside(f, k))) return { verdict: 'fits', placements: null };
    if (this.bounds.excludes(q)) {
      keep(this.noFit, k, (b, x) => inside(x, b));
      return { verdict: 'does-not-fit', placements: null, by: 'bound' };
    }
    if (boundsOnly) return { verdict: 'undecided', placements: null };
    this.calls++;
    const [w, h, d] = this.toAxes(q);
    const limit = Math.min(this.input.options.nodeLimit ?? Infinity, this.effort);
    const { timeLimitMs } = this.budget.next(this.share);
    const options = limit === Infinity ? { timeLimitMs } : { timeLimitMs, nodeLimit: limit };
    const r = fit({ bag: { shape: 'box', w, h, d }, items: this.input.items, options }, this.env);
    if (r.verdict === 'undecided') {
      this.undecided++;
      return { verdict: 'undecided', placements: null };
    }
    if (r.verdict === 'fits') {
      keep(this.fits, k, (b, x) => inside(b, x));
      return { verdict: 'fits', placements: r.placements };
    }
    keep(this.noFit, k, (b, x) => inside(x, b));
    return { verdict: 'does-not-fit', placements: null, by: 'fit' };
  }

  private key(q: Vec3): Vec3 {
    return this.symmetric ? [...q].sort((x, y) => x - y) as Vec3 : q;
  }
}

/** A box of the set that holds p, if any; the latest first, as the sweep asks near them. */
function holder(set: readonly Vec3[], p: Vec3): Vec3 | undefined {
  for (let i = set.length - 1; i >= 0; i--) if (inside(p, set[i]!)) return set[i];
  return undefined;
}

/** Adds b to an antichain, dropping what it makes redundant (`covers(b, x)`: b says all x does). */
function keep(set: Vec3[], b: Vec3, covers: (b: Vec3, x: Vec3) => boolean): void {
  for (let i = set.length - 1; i >= 0; i--) if (covers(b, set[i]!)) set.splice(i, 1);
  set.push(b);
}
