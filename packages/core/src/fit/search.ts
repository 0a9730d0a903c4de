/**
 * The complete search: does a set of boxes pack into a box interior?
 *
 * Method: branch on relations between pairs of pieces (Onodera, Taguchi & Kajitani 1991;
 * Fekete & Schepers' packing classes rest on the same fact). Two boxes in a packing never
 * overlap, so for every pair one lies wholly before the other along some axis: six relations
 * ("j before k on w", "k before j on w", ... on h, on d). Given an orientation for every piece
 * and a relation for every pair, the relations on one axis form a directed graph whose edge
 * u -> v says pos[v] >= pos[u] + ext[u]. A packing with those relations exists iff, on each axis,
 * the longest path (a chain of extents) is at most the interior length; the packing is then
 * "every piece at its earliest start" (est), which is what we return.
 *
 * Why it is complete: take any packing P, with real-valued positions. Follow the branch that
 * chooses P's orientations and, for each pair we branch on, a relation that P satisfies. Every
 * edge on that branch holds in P, so every longest path is at most what P's coordinates allow,
 * hence at most the interior: no check on the branch fails and it reaches a leaf. Pairs that the
 * chosen relations already separate through a path are not branched on (they cannot overlap),
 * and that loses nothing. The search is finite (orientations x 6^pairs), so exhausting it without
 * a leaf proves that no packing exists.
 *
 * Symmetry, each kept complete by an argument on P:
 * - Interchangeable pieces j < k (same extents, same orientations): relabel them in P so that
 *   they are sorted by their w coordinate. Then "k wholly before j on w" never holds, so that
 *   relation is not tried.
 * - Mirroring P along h or d gives a packing; so for the first pair (0, 1), "1 before 0" on h and
 *   on d is not tried. Along w the same holds when neither 0 nor 1 has an interchangeable twin
 *   (the mirror reverses the w order, and re-sorting the other twin groups keeps labels 0 and 1).
 *
 * Pruning: adding edge u -> v on an axis creates, as its longest new path, est[u] + ext[u] + q[v]
 * (q = longest chain from v to the far wall, v's extent included); if that exceeds the interior
 * the relation is refused in O(1). est and q are then propagated through the DAG. The relation
 * with the most slack is tried first, so that kits which fit are usually found without backtracking.
 *
 * Memory: typed arrays, allocated once per call, with an undo trail; no allocation per node.
 * Pieces are bits in 32-bit masks, hence MAX_PIECES = 32.
 */
import { EPS } from '../geometry/tolerance.js';
import type { Packing, Piece } from './problem.js';

export interface SearchBudget {
  /** Stop after this many nodes (branch points). */
  readonly nodeLimit: number;
  /** Stop when now() passes this. */
  readonly deadline: number;
  readonly now: () => number;
}

export type SearchOutcome =
  | { kind: 'found'; packing: Packing; nodes: number }
  | { kind: 'exhausted'; nodes: number }
  | { kind: 'budget'; by: 'time' | 'nodes'; nodes: number };

const CLOCK_EVERY = 255; // check the clock on every 256th node

export function searchPacking(L: readonly number[], pieces: readonly Piece[], budget: SearchBudget): SearchOutcome {
  const n = pieces.length;
  if (n > 32) throw new RangeError(`the exact search handles at most 32 pieces, got ${n}`);
  if (n === 0) return { kind: 'found', packing: { orient: [], pos: [] }, nodes: 0 };

  // Search order: big pieces first (they constrain most), twins adjacent.
  const order = pieces.map((_, i) => i);
  order.sort((a, b) => {
    const pa = pieces[a]!;
    const pb = pieces[b]!;
    return pb.volume - pa.volume || (pa.key < pb.key ? -1 : pa.key > pb.key ? 1 : a - b);
  });
  const P = order.map((i) => pieces[i]!);

  // Orientation extents, flattened: oExt[k][3*o + axis]; orientations tried longest-first along
  // the interior's longest axis, a cheap way to reach fitting layouts early.
  const Lw = L[0]!;
  const Lh = L[1]!;
  const Ld = L[2]!;
  const lim = [Lw + EPS, Lh + EPS, Ld + EPS];
  const oExt: Float64Array[] = P.map((p) => {
    const os = p.orients.map((o, idx) => ({ idx, ext: o.ext }));
    const longAx = Lw >= Lh ? (Lw >= Ld ? 0 : 2) : Lh >= Ld ? 1 : 2;
    os.sort((a, b) => b.ext[longAx]! - a.ext[longAx]! || a.idx - b.idx);
    const f = new Float64Array(os.length * 4);
    os.forEach((o, i) => {
      f[4 * i] = o.ext[0];
      f[4 * i + 1] = o.ext[1];
      f[4 * i + 2] = o.ext[2];
      f[4 * i + 3] = o.idx;
    });
    return f;
  });

  const twinBefore = new Int32Array(n); // bit j set when j < k is interchangeable with k
  const hasTwin = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < k; j++) {
      if (P[j]!.key === P[k]!.key) {
        twinBefore[k]! |= 1 << j;
        hasTwin[k] = 1;
        hasTwin[j] = 1;
      }
    }
  }
  const mirrorW = hasTwin[0] === 0 && (n < 2 || hasTwin[1] === 0);

  const N3 = 3 * n;
  const ext = new Float64Array(N3); // ext[a*n + i]
  // F holds est at [0, N3) and q at [N3, 2*N3); G holds succ, pred, reach masks.
  const F = new Float64Array(2 * N3);
  const G = new Int32Array(3 * N3);
  const chosen = new Int32Array(n);
  const TRAIL0 = 1024;
  let tIdxF = new Int32Array(TRAIL0);
  let tValF = new Float64Array(TRAIL0);
  let tLenF = 0;
  let tIdxG = new Int32Array(TRAIL0);
  let tValG = new Int32Array(TRAIL0);
  let tLenG = 0;

  function setF(i: number, v: number): void {
    if (tLenF === tIdxF.length) {
      const ni = new Int32Array(tLenF * 2);
      ni.set(tIdxF);
      tIdxF = ni;
      const nv = new Float64Array(tLenF * 2);
      nv.set(tValF);
      tValF = nv;
    }
    tIdxF[tLenF] = i;
    tValF[tLenF++] = F[i]!;
    F[i] = v;
  }
  function setG(i: number, v: number): void {
    if (tLenG === tIdxG.length) {
      const ni = new Int32Array(tLenG * 2);
      ni.set(tIdxG);
      tIdxG = ni;
      const nv = new Int32Array(tLenG * 2);
      nv.set(tValG);
      tValG = nv;
    }
    tIdxG[tLenG] = i;
    tValG[tLenG++] = G[i]!;
    G[i] = v;
  }
  function undo(markF: number, markG: number): void {
    while (tLenF > markF) {
      tLenF--;
      F[tIdxF[tLenF]!] = tValF[tLenF]!;
    }
    while (tLenG > markG) {
      tLenG--;
      G[tIdxG[tLenG]!] = tValG[tLenG]!;
    }
  }
  function raiseEst(base: number, v: number, val: number): void {
    if (val <= F[base + v]!) return;
    setF(base + v, val);
    let s = G[base + v]!; // succ
    const next = val + ext[base + v]!;
    while (s !== 0) {
      const b = 31 - Math.clz32(s);
      s &= ~(1 << b);
      raiseEst(base, b, next);
    }
  }
  function raiseTail(base: number, u: number, val: number): void {
    if (val <= F[N3 + base + u]!) return;
    setF(N3 + base + u, val);
    let p = G[N3 + base + u]!; // pred
    while (p !== 0) {
      const b = 31 - Math.clz32(p);
      p &= ~(1 << b);
      raiseTail(base, b, ext[base + b]! + val);
    }
  }
  /** Edge u -> v on axis a: pos[v] >= pos[u] + ext[u]. Only pieces 0..k exist. */
  function addEdge(a: number, u: number, v: number, k: number): void {
    const base = a * n;
    setG(base + u, G[base + u]! | (1 << v));
    setG(N3 + base + v, G[N3 + base + v]! | (1 << u));
    const add = (1 << v) | G[2 * N3 + base + v]!;
    const ubit = 1 << u;
    for (let w = 0; w <= k; w++) {
      const r = G[2 * N3 + base + w]!;
      if ((w === u || (r & ubit) !== 0) && (r | add) !== r) setG(2 * N3 + base + w, r | add);
    }
    raiseEst(base, v, F[base + u]! + ext[base + u]!);
    raiseTail(base, u, ext[base + u]! + F[N3 + base + v]!);
  }
  function separated(j: number, k: number): boolean {
    const R = 2 * N3;
    const jb = 1 << j;
    const kb = 1 << k;
    return (
      (G[R + j]! & kb) !== 0 ||
      (G[R + k]! & jb) !== 0 ||
      (G[R + n + j]! & kb) !== 0 ||
      (G[R + n + k]! & jb) !== 0 ||
      (G[R + 2 * n + j]! & kb) !== 0 ||
      (G[R + 2 * n + k]! & jb) !== 0
    );
  }

  let nodes = 0;
  const nodeLimit = budget.nodeLimit;
  let stopped: 'time' | 'nodes' | null = null;
  function tick(): boolean {
    nodes++;
    if (nodes > nodeLimit) {
      stopped = 'nodes';
      return false;
    }
    if ((nodes & CLOCK_EVERY) === 0 && budget.now() > budget.deadline) {
      stopped = 'time';
      return false;
    }
    return true;
  }

  const slack = new Float64Array(6 * (n + 1) * n); // per depth scratch: never shared across frames
  let frame = 0;

  function placePiece(k: number): boolean {
    if (k === n) return true;
    const oe = oExt[k]!;
    const no = oe.length / 4;
    for (let o = 0; o < no; o++) {
      if (!tick()) return false;
      chosen[k] = o;
      for (let a = 0; a < 3; a++) {
        const e = oe[4 * o + a]!;
        ext[a * n + k] = e;
        F[a * n + k] = 0;
        F[N3 + a * n + k] = e;
        G[a * n + k] = 0;
        G[N3 + a * n + k] = 0;
        G[2 * N3 + a * n + k] = 0;
      }
      if (pairFrom(k, 0)) return true;
      if (stopped) return false;
    }
    return false;
  }

  function pairFrom(k: number, j0: number): boolean {
    let j = j0;
    while (j < k && separated(j, k)) j++;
    if (j === k) return placePiece(k + 1);
    if (!tick()) return false;
    const twin = (twinBefore[k]! & (1 << j)) !== 0;
    const firstPair = k === 1;
    const s = 6 * frame++;
    let count = 0;
    for (let r = 0; r < 6; r++) {
      const a = r >> 1;
      const before = (r & 1) === 1; // k before j
      let ok = true;
      if (before) {
        if (a === 0 && (twin || (firstPair && mirrorW))) ok = false;
        if (a !== 0 && firstPair) ok = false;
      }
      let val = -1;
      if (ok) {
        const base = a * n;
        const u = before ? k : j;
        const v = before ? j : k;
        const len = F[base + u]! + ext[base + u]! + F[N3 + base + v]!;
        if (len <= lim[a]!) {
          val = lim[a]! - len;
          count++;
        }
      }
      slack[s + r] = val;
    }
    for (let c = 0; c < count; c++) {
      let best = -1;
      let bestVal = -1;
      for (let r = 0; r < 6; r++) {
        const v = slack[s + r]!;
        if (v > bestVal) {
          bestVal = v;
          best = r;
        }
      }
      slack[s + best] = -1;
      const a = best >> 1;
      const before = (best & 1) === 1;
      const mF = tLenF;
      const mG = tLenG;
      addEdge(a, before ? k : j, before ? j : k, k);
      if (pairFrom(k, j + 1)) {
        frame--;
        return true;
      }
      undo(mF, mG);
      if (stopped) break;
    }
    frame--;
    return false;
  }

  const found = placePiece(0);
  if (found) {
    const orient = new Array<number>(n);
    const pos = new Array<[number, number, number]>(n);
    for (let k = 0; k < n; k++) {
      const orig = order[k]!;
      orient[orig] = oExt[k]![4 * chosen[k]! + 3]!;
      pos[orig] = [F[k]!, F[n + k]!, F[2 * n + k]!];
    }
    return { kind: 'found', packing: { orient, pos }, nodes };
  }
  if (stopped) return { kind: 'budget', by: stopped, nodes };
  return { kind: 'exhausted', nodes };
}
