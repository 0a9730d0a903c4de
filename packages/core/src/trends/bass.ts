/**
 * The Bass diffusion model (Bass 1969, "A new product growth model for consumer durables"): the
 * fraction F of eventual adopters who have adopted by time tau after launch, with p the
 * coefficient of innovation (adoption from outside influence) and q of imitation (from those who
 * already adopted):
 *   F(tau) = (1 - e^{-(p+q) tau}) / (1 + (q/p) e^{-(p+q) tau}),  tau >= 0;  F = 0 before launch.
 * Here the adopters are a tier's new listings: its share of new listings with an attribute is read
 * as m F(t - t0), m the share at saturation and t0 when the attribute reached the tier.
 */
import type { BassParams } from '../model/trends.js';

export function bassF(tau: number, p: number, q: number): number {
  if (!(tau > 0)) return 0;
  const e = Math.exp(-(p + q) * tau);
  return (1 - e) / (1 + (q / p) * e);
}

/** Time after launch at which F reaches `fraction` (0 < fraction < 1), the inverse of bassF. */
export function bassTimeTo(fraction: number, p: number, q: number): number {
  return -Math.log((1 - fraction) / (1 + (q / p) * fraction)) / (p + q);
}

/** The share the curve gives at month t (months since the axis' first month). */
export function bassShare(b: BassParams, t: number): number {
  return b.m * bassF(t - b.t0, b.p, b.q);
}

/** When the curve reaches half its saturation: t0 + ln(2 + q/p) / (p + q). */
export function bassHalfTime(b: Pick<BassParams, 'p' | 'q' | 't0'>): number {
  return b.t0 + bassTimeTo(0.5, b.p, b.q);
}
