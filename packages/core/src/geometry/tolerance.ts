/**
 * Length tolerance, in millimetres.
 *
 * Published dimensions carry two decimals at most (85.60 x 53.98 x 0.76 for an ID-1 card), but
 * sums of such numbers in binary floating point are off by ~1e-14 mm. Two items that touch, or
 * a row of cards that fills a bag exactly, must not be rejected for that rounding noise, so every
 * "fits within" comparison allows EPS. A millionth of a millimetre is far below anything physical,
 * so accepting an overlap or overshoot of EPS never turns a real "no" into a "yes".
 */
export const EPS = 1e-6;

/** a <= b, up to EPS (mm). */
export function leq(a: number, b: number): boolean {
  return a <= b + EPS;
}

/** |a - b| <= EPS (mm). */
export function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS;
}

/**
 * Relative tolerance for volume comparisons (mm³ reach 10⁶, so an absolute EPS would be too strict):
 * a kit whose volume exceeds the bag's by less than one part in a billion is not "too big".
 */
export const VOLUME_REL_EPS = 1e-9;
