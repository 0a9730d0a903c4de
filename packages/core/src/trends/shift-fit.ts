/**
 * The shift that best aligns two tiers' adoption curves: one Bass shape (p, q) for both, each
 * tier with its own saturation m and yearly harmonic, the follower's curve starting `lag` months
 * after the lead's. All of it is fitted at once by weighted least squares, as in bass-fit.ts (the
 * linear parts solved exactly, Nelder-Mead over p, q, the lead's t0 and the shift d).
 *
 * Sharing the shape is what "B follows A by N months" means, and it uses both curves to pin the
 * shape, so the shift is far better determined than the difference of two separate fits (whose
 * p and q each trade off against their own t0). When the tiers' shapes truly differ, the shift is
 * the compromise that aligns them best, as a cross-correlation peak would be.
 *
 * The shift is d plus the distance between the tiers' first months, with each tier's part of the
 * objective computed from its own first month, so a follower that is the lead's series moved by
 * L months (same counts) is fitted at d = 0 exactly: its lag is L.
 */
import type { BassFit } from '../model/trends.js';
import { bassF, bassTimeTo } from './bass.js';
import { linearPart } from './bass-linear.js';
import { SEASONAL_MONTHS } from './bass-fit.js';
import type { Series } from './cells.js';
import { nelderMead } from './nelder-mead.js';

export interface ShiftFit {
  /** Months by which b's curve runs behind a's (negative: b leads). */
  readonly lag: number;
  /** The lead's launch month t0 (months since the axis' first month). */
  readonly t0: number;
  readonly p: number;
  readonly q: number;
  readonly mse: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (u: number): number => Math.log(Math.min(1 - 1e-9, Math.max(1e-9, u)) / (1 - Math.min(1 - 1e-9, Math.max(1e-9, u))));

interface Part {
  readonly tRel: number[];
  readonly months: number[];
  readonly s: Series;
  readonly seasonal: boolean;
  readonly ref: number;
}

const partOf = (s: Series): Part => ({
  tRel: s.t.map((t) => t - s.t[0]!),
  months: s.t.map((t) => s.start + t),
  s,
  seasonal: s.t.length >= SEASONAL_MONTHS,
  ref: s.t[0]!,
});

function sse(part: Part, p: number, q: number, rel: number): number {
  return linearPart(
    part.tRel.map((t) => bassF(t - rel, p, q)),
    part.months,
    part.s.y,
    part.s.n,
    part.seasonal,
  ).sse;
}

/**
 * Fits the common shape and the shift, starting from the two tiers' own fits (`fa`, `fb`: bass-fit.ts)
 * or from a previous shift fit (`warm`, a bootstrap refit).
 */
export function fitShift(a: Series, b: Series, fa: BassFit, fb: BassFit, warm?: ShiftFit): ShiftFit {
  const pa = partOf(a);
  const pb = partOf(b);
  const total = [...a.n, ...b.n].reduce((x, y) => x + y, 0);
  const decode = (x: readonly number[]) => ({ p: 1e-4 + (1 - 1e-4) * sigmoid(x[0]!), q: 3 * sigmoid(x[1]!), relA: x[2]!, d: x[3]! });
  const objective = (x: readonly number[]): number => {
    const { p, q, relA, d } = decode(x);
    const excess = Math.max(0, -120 - relA, Math.abs(d) - 240);
    return (sse(pa, p, q, relA) + sse(pb, p, q, relA + d)) / total + excess * 1e-3;
  };
  // The shape where the curve crosses half its height, from one tier's fit: aligning those gives the start.
  const start = (p: number, q: number, t0: number, lag: number): number[] => [logit((p - 1e-4) / (1 - 1e-4)), logit(q / 3), t0 - pa.ref, lag - (pb.ref - pa.ref)];
  const halfLag = fb.t_half - fa.t_half;
  const fromHalf = (p: number, q: number) => start(p, q, fa.t_half - bassTimeTo(0.5, p, q), halfLag);
  const starts = warm ? [start(warm.p, warm.q, warm.t0, warm.lag)] : [fromHalf(fa.p, fa.q), fromHalf(fb.p, fb.q), fromHalf(Math.sqrt(fa.p * fb.p), (fa.q + fb.q) / 2)];
  const run = (x0: number[]) => nelderMead(objective, x0, { step: [0.6, 0.6, 2, 1], maxEvals: 900, tolF: 1e-13, tolX: 1e-5 });
  let best = starts.map(run).reduce((x, y) => (y.f < x.f ? y : x));
  const polished = run(best.x);
  if (polished.f <= best.f) best = polished;
  const { p, q, relA, d } = decode(best.x);
  return { lag: pb.ref - pa.ref + d, t0: pa.ref + relA, p, q, mse: best.f };
}
