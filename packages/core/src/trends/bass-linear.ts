/**
 * The linear part of the Bass fit: for a given curve shape F (p, q, t0 fixed), the share is
 *   y = m F (1 + a cos w + b sin w),  w = 2 pi (calendar month) / 12,
 * which is linear in (m, m a, m b): weighted least squares solves it exactly ("variable
 * projection", Golub and Pereyra 1973), leaving only p, q and t0 to search. The yearly harmonic
 * is the seasonality of the share (a party-season lift of metallic finishes); without it (too few
 * months to tell a season from the curve) only m is solved. m is held in (0, 1]: when the free
 * solution leaves that range m is fixed at the bound and the harmonic solved for the rest.
 */

/** cos and sin of each calendar month's angle, January first: table lookups keep shifted fits exact. */
const COS = Array.from({ length: 12 }, (_, c) => Math.cos((2 * Math.PI * c) / 12));
const SIN = Array.from({ length: 12 }, (_, c) => Math.sin((2 * Math.PI * c) / 12));

/** Calendar position 0-11 (January 0) of an absolute month index (months.ts). */
export const calendarSlot = (month: number): number => ((month % 12) + 12) % 12;

/** The seasonal factor 1 + a cos w + b sin w of an absolute month index. */
export function seasonFactor(seasonal: readonly [number, number], month: number): number {
  const c = calendarSlot(month);
  return 1 + seasonal[0] * COS[c]! + seasonal[1] * SIN[c]!;
}

/** Peak calendar month (1-12, fractional) and relative amplitude of a harmonic. */
export function seasonPeak(seasonal: readonly [number, number]): { amplitude: number; peak: number } {
  const theta = Math.atan2(seasonal[1], seasonal[0]);
  const slot = (((theta * 12) / (2 * Math.PI)) % 12 + 12) % 12;
  return { amplitude: Math.hypot(seasonal[0], seasonal[1]), peak: slot + 1 };
}

export interface LinearPart {
  readonly m: number;
  readonly seasonal: [number, number];
  /** Sum of n (y - fitted)^2. */
  readonly sse: number;
}

/** Solves the small symmetric system A x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-14) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * The best (m, a, b) for curve values `f` (one per data month), with `months` their absolute month
 * indexes, shares `y` and weights `n`.
 */
export function linearPart(f: readonly number[], months: readonly number[], y: readonly number[], n: readonly number[], seasonal: boolean): LinearPart {
  // Basis g0 = F, g1 = F cos, g2 = F sin; normal equations G'WG c = G'Wy.
  const k = seasonal ? 3 : 1;
  const gtg = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const gty = new Array<number>(k).fill(0);
  const basis = (i: number): number[] => {
    const c = calendarSlot(months[i]!);
    return seasonal ? [f[i]!, f[i]! * COS[c]!, f[i]! * SIN[c]!] : [f[i]!];
  };
  for (let i = 0; i < f.length; i++) {
    if (f[i] === 0) continue;
    const g = basis(i);
    for (let r = 0; r < k; r++) {
      gty[r]! += n[i]! * g[r]! * y[i]!;
      for (let c = 0; c < k; c++) gtg[r]![c]! += n[i]! * g[r]! * g[c]!;
    }
  }
  let coef = solve(gtg, gty);
  if (coef === null || !(coef[0]! > 1e-6 && coef[0]! <= 1)) {
    // m at its bound (or the harmonic unidentifiable): fix m, solve the harmonic on what is left.
    const m = coef === null ? Math.min(1, Math.max(1e-6, gtg[0]![0]! > 0 ? gty[0]! / gtg[0]![0]! : 1e-6)) : Math.min(1, Math.max(1e-6, coef[0]!));
    const rest = seasonal ? solve([[gtg[1]![1]!, gtg[1]![2]!], [gtg[2]![1]!, gtg[2]![2]!]], [gty[1]! - m * gtg[1]![0]!, gty[2]! - m * gtg[2]![0]!]) : null;
    coef = [m, ...(rest ?? (seasonal ? [0, 0] : []))];
  }
  const m = coef[0]!;
  let sse = 0;
  for (let i = 0; i < f.length; i++) {
    const g = basis(i);
    let fitted = 0;
    for (let r = 0; r < k; r++) fitted += coef[r]! * g[r]!;
    const r = y[i]! - fitted;
    sse += n[i]! * r * r;
  }
  return { m, seasonal: seasonal ? [coef[1]! / m, coef[2]! / m] : [0, 0], sse };
}
