/**
 * Fits a Bass curve share(t) = m F(t - t0; p, q) (1 + a cos w + b sin w) (bass.ts, bass-linear.ts)
 * to a tier's monthly shares by weighted least squares, each month weighted by its listings n (a
 * share of n listings has variance proportional to 1/n): minimise sum n (y - fitted)^2.
 *
 * - m and the yearly harmonic (a, b) are linear given (p, q, t0) and are solved exactly
 *   (bass-linear.ts), which leaves a 3-parameter search and removes the m-p ridge. The harmonic is
 *   fitted only with SEASONAL_MONTHS of data or more: with less, a season cannot be told from the curve.
 * - The search is Nelder-Mead (nelder-mead.ts) over (logit p, logit q/3, t0), p in (1e-4, 1),
 *   q in (0, 3), t0 within 10 years before the tier's first month and a year after its last.
 * - Starts: a grid of p in {0.005, 0.02, 0.06} and q in {0.15, 0.4, 0.9} (around the averages of
 *   Sultan, Farley and Lehmann 1990, p 0.03 and q 0.38), each placed so that the curve reaches half
 *   (and, again, a fifth) of its height when the smoothed data do; the best is polished by a restart.
 *   A warm start (a bootstrap refit) uses the given curve and its restart only.
 * t0 is counted from the tier's own first month inside the search, so shifting every month of a
 * series by L shifts the fitted t0 by L (the harmonic's phase rotates with it): the lag of a curve
 * against its shifted copy is the shift.
 */
import type { BassFit, BassParams } from '../model/trends.js';
import { bassF, bassTimeTo } from './bass.js';
import { linearPart } from './bass-linear.js';
import type { Series } from './cells.js';
import { nelderMead } from './nelder-mead.js';

const P_MIN = 1e-4;
const P_MAX = 1;
const Q_MAX = 3;
/** A fit needs this many months with listings and matching listings in all. */
export const MIN_FIT_MONTHS = 4;
export const MIN_FIT_MATCHES = 5;
/** Months with listings from which the yearly harmonic is fitted: two full years. */
export const SEASONAL_MONTHS = 24;

export type BassFitOutcome = { ok: true; fit: BassFit } | { ok: false; reason: string };

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (u: number): number => Math.log(u / (1 - u));

/** x = (logit p, logit q/3, t0 - the tier's first month): the search's coordinates. */
function decode(x: readonly number[]): { p: number; q: number; rel: number } {
  return { p: P_MIN + (P_MAX - P_MIN) * sigmoid(x[0]!), q: Q_MAX * sigmoid(x[1]!), rel: x[2]! };
}

function encode(p: number, q: number, rel: number): number[] {
  const clampU = (u: number) => Math.min(1 - 1e-9, Math.max(1e-9, u));
  return [logit(clampU((p - P_MIN) / (P_MAX - P_MIN))), logit(clampU(q / Q_MAX)), rel];
}

/** Shares smoothed over each month and its neighbours with data: for placing the starts only. */
function smoothed(s: Series): number[] {
  return s.y.map((_, i) => {
    let n = 0;
    let k = 0;
    for (let j = Math.max(0, i - 1); j <= Math.min(s.y.length - 1, i + 1); j++) {
      n += s.n[j]!;
      k += s.n[j]! * s.y[j]!;
    }
    return k / n;
  });
}

export interface BassFitOptions {
  /** Start from this curve only (a bootstrap refit). */
  readonly warm?: BassParams;
  /** Fit the yearly harmonic; default: when the series has SEASONAL_MONTHS months or more. */
  readonly seasonal?: boolean;
}

export function fitBass(s: Series, o: BassFitOptions = {}): BassFitOutcome {
  const totalN = s.n.reduce((a, b) => a + b, 0);
  const matches = s.n.reduce((a, n, i) => a + Math.round(n * s.y[i]!), 0);
  if (s.t.length < MIN_FIT_MONTHS) return { ok: false, reason: `only ${s.t.length} month(s) with listings; a curve needs ${MIN_FIT_MONTHS}` };
  if (matches < MIN_FIT_MATCHES) return { ok: false, reason: `only ${matches} matching listing(s) of ${totalN}; a curve needs ${MIN_FIT_MATCHES}` };
  const seasonal = o.seasonal ?? s.t.length >= SEASONAL_MONTHS;
  const ref = s.t[0]!;
  // Months counted from the tier's first month (exact integers), and their calendar.
  const tRel = s.t.map((t) => t - ref);
  const months = s.t.map((t) => s.start + t);
  const span = tRel[tRel.length - 1]!;
  const [lowest, highest] = [-120, span + 12];
  const clampRel = (rel: number) => Math.min(highest, Math.max(lowest, rel));
  const evaluate = (p: number, q: number, rel: number) =>
    linearPart(
      tRel.map((t) => bassF(t - rel, p, q)),
      months,
      s.y,
      s.n,
      seasonal,
    );
  const objective = (x: readonly number[]): number => {
    const { p, q, rel } = decode(x);
    // Keep t0 in its range by a penalty that grows with the excess (a flat clamp would stall the simplex).
    const excess = Math.max(0, lowest - rel, rel - highest);
    return evaluate(p, q, clampRel(rel)).sse / totalN + excess * 1e-3;
  };
  const run = (x0: number[]) => nelderMead(objective, x0, { step: [0.6, 0.6, 2], maxEvals: 700, tolF: 1e-13, tolX: 1e-5 });
  const starts: number[][] = [];
  if (o.warm) starts.push(encode(o.warm.p, o.warm.q, o.warm.t0 - ref));
  else {
    const sm = smoothed(s);
    const top = Math.max(...sm);
    const firstAt = (level: number) => tRel[sm.findIndex((v) => v >= level)] ?? 0;
    for (const p of [0.005, 0.02, 0.06]) {
      for (const q of [0.15, 0.4, 0.9]) {
        starts.push(encode(p, q, firstAt(top / 2) - bassTimeTo(0.5, p, q)));
        starts.push(encode(p, q, firstAt(top / 5) - bassTimeTo(0.2, p, q)));
      }
    }
  }
  let best = starts.map(run).reduce((a, b) => (b.f < a.f ? b : a));
  const polished = run(best.x);
  if (polished.f <= best.f) best = polished;
  const { p, q, rel } = decode(best.x);
  const relC = clampRel(rel);
  const lin = evaluate(p, q, relC);
  return {
    ok: true,
    fit: {
      p,
      q,
      m: lin.m,
      t0: ref + relC,
      seasonal: lin.seasonal,
      t_half: ref + (relC + bassTimeTo(0.5, p, q)),
      rmse: Math.sqrt(lin.sse / totalN),
      months: s.t.length,
      listings: totalN,
    },
  };
}
