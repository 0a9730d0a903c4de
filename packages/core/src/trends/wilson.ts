/**
 * The Wilson score interval of a binomial proportion (Wilson 1927; recommended over the Wald
 * interval by Brown, Cai and DasGupta 2001): it stays inside [0, 1] and is honest at small n and at
 * shares near 0 or 1, which is exactly where a month with few listings sits.
 */

/** Two-sided standard normal quantile of 95%. */
export const Z95 = 1.959963984540054;

export function wilsonInterval(k: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Exact at the edges (k = 0 or k = n), where rounding would otherwise leave 1e-17 outside.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
