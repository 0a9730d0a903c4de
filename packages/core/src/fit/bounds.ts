/**
 * Proofs that a kit cannot fit, cheapest first. Each returns a reason only when it is a proof:
 *
 * 1. item-too-large: a piece with no orientation inside the interior.
 * 2. pair-conflict: two pieces that cannot lie side by side along any axis in any orientations.
 *    Any two boxes in a packing are separated along some axis, so such a pair rules out a fit.
 * 3. volume: the kit's volume exceeds the usable volume. "Usable" shortens each interior side to
 *    the longest sum of piece extents that fits along it (`usableLengths`): in a packing pushed
 *    towards the origin every coordinate is such a sum (the normal-pattern argument of Herz 1972
 *    and Christofides & Whitlock 1977, which the search's longest paths make concrete), so the
 *    sliver beyond it can never hold anything.
 */
import { EPS, VOLUME_REL_EPS, leq } from '../geometry/tolerance.js';
import type { Reason } from '../model/fit.js';
import type { PackProblem, Piece } from './problem.js';

export function proveTooLarge(problem: PackProblem): Reason | null {
  const { L, pieces } = problem;
  for (const p of pieces) {
    if (p.orients.length > 0) continue;
    let best = Infinity;
    for (const o of p.allOrients) {
      const over = Math.max(o.ext[0] - L[0], o.ext[1] - L[1], o.ext[2] - L[2]);
      best = Math.min(best, over);
    }
    return { code: 'item-too-large', item: p.item, name: p.name, overshoot_mm: round3(best) };
  }
  return null;
}

/**
 * Can pieces a and b lie side by side along some axis, in some orientations, within L? Every
 * feasible orientation already fits the interior alone, so the other two axes take care of
 * themselves and the test splits: along axis ax it is possible iff the least extents of the two
 * along ax sum to at most L[ax].
 */
export function pairCompatible(L: readonly number[], a: Piece, b: Piece): boolean {
  return leq(a.minExt[0] + b.minExt[0], L[0]!) || leq(a.minExt[1] + b.minExt[1], L[1]!) || leq(a.minExt[2] + b.minExt[2], L[2]!);
}

export function provePairConflict(problem: PackProblem, L: readonly number[] = problem.L): Reason | null {
  const { pieces } = problem;
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const a = pieces[i]!;
      const b = pieces[j]!;
      if (!pairCompatible(L, a, b)) {
        return { code: 'pair-conflict', items: [a.item, b.item], names: [a.name, b.name] };
      }
    }
  }
  return null;
}

const SUMS_CAP = 4096;

/**
 * For each axis, the longest sum of piece extents (each piece adding nothing or one of its
 * feasible extents along that axis) that is at most the interior length. Falls back to the
 * interior length itself when the set of sums grows past SUMS_CAP (the bound is then weaker,
 * never wrong).
 */
export function usableLengths(problem: PackProblem): [number, number, number] {
  const out: [number, number, number] = [problem.L[0], problem.L[1], problem.L[2]];
  for (let ax = 0; ax < 3; ax++) out[ax] = longestSum(problem.pieces, ax, problem.L[ax]!);
  return out;
}

function longestSum(pieces: readonly Piece[], ax: number, limit: number): number {
  let sums: number[] = [0];
  for (const p of pieces) {
    const exts = [...new Set(p.orients.map((o) => o.ext[ax]!))];
    const merged: number[] = sums.slice();
    for (const e of exts) for (const s of sums) if (s + e <= limit + EPS) merged.push(s + e);
    merged.sort((x, y) => x - y);
    sums = [];
    for (const v of merged) if (sums.length === 0 || v - sums[sums.length - 1]! > 1e-9) sums.push(v);
    if (sums.length > SUMS_CAP) return limit;
  }
  return Math.min(limit, sums[sums.length - 1]!);
}

export function proveVolume(problem: PackProblem, usable: readonly number[]): Reason | null {
  const items = problem.pieces.reduce((s, p) => s + p.volume, 0);
  const bag = problem.L[0] * problem.L[1] * problem.L[2];
  const use = usable[0]! * usable[1]! * usable[2]!;
  if (items > use * (1 + VOLUME_REL_EPS)) {
    return { code: 'volume', items_mm3: round3(items), bag_mm3: round3(bag), usable_mm3: round3(use), ratio: round3(items / use) };
  }
  return null;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
