/**
 * Minimises a function of a few variables by the Nelder-Mead simplex method (Nelder and Mead
 * 1965), with the standard coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2)
 * as in Lagarias et al. 1998. No derivatives are needed, which suits a least-squares objective
 * with a kink (the Bass curve's launch). Deterministic: the same start gives the same answer.
 */

export interface NelderMeadOptions {
  /** The initial simplex's step along each axis. */
  readonly step: readonly number[];
  readonly maxEvals?: number;
  /** Stop when the simplex's values spread less than this (absolute)... */
  readonly tolF?: number;
  /** ...and its vertices lie within this of the best one on every axis. */
  readonly tolX?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly f: number;
  readonly evals: number;
}

export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], o: NelderMeadOptions): Minimum {
  const dim = x0.length;
  const maxEvals = o.maxEvals ?? 200 * dim;
  const tolF = o.tolF ?? 1e-10;
  const tolX = o.tolX ?? 1e-6;
  let evals = 0;
  const value = (x: number[]): number => {
    evals++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: { x: number[]; f: number }[] = [{ x: [...x0], f: value([...x0]) }];
  for (let i = 0; i < dim; i++) {
    const x = [...x0];
    x[i]! += o.step[i] ?? 0.1;
    simplex.push({ x, f: value(x) });
  }
  const along = (c: readonly number[], w: readonly number[], t: number): number[] => c.map((ci, j) => ci + t * (w[j]! - ci));
  while (evals < maxEvals) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    const spreadX = Math.max(...simplex.slice(1).map((v) => Math.max(...v.x.map((xj, j) => Math.abs(xj - best.x[j]!)))));
    if (worst.f - best.f <= tolF && spreadX <= tolX) break;
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j]! += simplex[i]!.x[j]! / dim;
    const reflected = along(centroid, worst.x, -1);
    const fr = value(reflected);
    const secondWorst = simplex[dim - 1]!.f;
    if (fr < best.f) {
      const expanded = along(centroid, worst.x, -2);
      const fe = value(expanded);
      simplex[dim] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
    } else if (fr < secondWorst) {
      simplex[dim] = { x: reflected, f: fr };
    } else {
      // Contract towards the better of the worst and its reflection.
      const outside = fr < worst.f;
      const contracted = along(centroid, worst.x, outside ? -0.5 : 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : worst.f)) simplex[dim] = { x: contracted, f: fc };
      else {
        for (let i = 1; i <= dim; i++) {
          const x = along(best.x, simplex[i]!.x, 0.5);
          simplex[i] = { x, f: value(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0]!.x, f: simplex[0]!.f, evals };
}
