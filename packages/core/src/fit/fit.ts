/**
 * fit(input): will these items fit in this interior? One entry, plain data in and out.
 *
 * Stages, cheapest first: the opening; proofs of "no" (bounds.ts); a quick constructive packer
 * (greedy.ts); the complete search (search.ts) within the time budget. "fits" always carries a
 * layout that the independent verifier has accepted; "does-not-fit" always comes from a proof;
 * running out of budget gives "undecided", never a guess.
 *
 * Box interiors are decided exactly. Shaped interiors (trapezoid, half-moon, round, cylinder)
 * keep soundness, not completeness: "no" comes from proofs that hold for the shape (an item that
 * fits nowhere alone, tested exactly; the volume; or no packing even in the bounding box, which
 * contains the shape); "yes" from a layout whose every corner is inside (the quick packer with a
 * corner test, or the exact box engine inside boxes inscribed in the shape); otherwise
 * "undecided" with the reason `shape-incomplete`. With `effort: 'scan'` (a catalog scan over
 * thousands of bags) a shaped interior gets the proofs and the corner-tested packer only (its
 * first scoring rule with each item order: in a 100,000-bag scan the other four passes found 8%
 * of the packer's layouts at three times the cost of its failures, 27 of them for each success).
 *
 * Soft items: proofs use their squeezed size (the smallest they can be); layouts are first sought
 * at full size, so a tissue pack is only squashed when it has to be.
 */
import { boxInside, bestSpotAlone, effectiveInterior, innerBoxes, shapeVolume } from '../geometry/shapes.js';
import type { Interior } from '../model/bag.js';
import { MAX_PIECES, type FitInput, type FitResult, type Placement, type Reason } from '../model/fit.js';
import { proveTooLarge, provePairConflict, proveVolume, usableLengths } from './bounds.js';
import { greedyPack, type GreedyOptions } from './greedy.js';
import { proveOpening } from './opening.js';
import { aloneFails, volumeFails } from './shape-proofs.js';
import { hasSoftItems, toProblem, type PackProblem, type Packing } from './problem.js';
import { searchPacking } from './search.js';
import { verifyLayout } from './verify.js';

export interface FitEnv {
  /** Milliseconds clock for the time budget; Date.now by default. */
  readonly now?: () => number;
}

type Method = FitResult['stats']['method'];
type Vec3 = readonly [number, number, number];

/** What a stage settles: a layout (of a given problem, shifted by an offset) or reasons. */
type Outcome =
  | { verdict: 'fits'; method: Method; problem: PackProblem; packing: Packing; offset: Vec3; nodes: number }
  | { verdict: 'does-not-fit' | 'undecided'; method: Method; reasons: Reason[]; nodes: number };

interface Budget {
  readonly now: () => number;
  readonly deadline: number;
  readonly nodeLimit: number;
  readonly limitMs: number;
}

const ORIGIN: Vec3 = [0, 0, 0];

export function fit(input: FitInput, env: FitEnv = {}): FitResult {
  const now = env.now ?? Date.now;
  const budget: Budget = {
    now,
    deadline: now() + input.options.timeLimitMs,
    nodeLimit: input.options.nodeLimit ?? Number.MAX_SAFE_INTEGER,
    limitMs: input.options.timeLimitMs,
  };
  const bag = effectiveInterior(input.bag);
  const L: Vec3 = [bag.w, bag.h, bag.d];
  const tight = toProblem(input.items, L, true);
  if (tight.pieces.length === 0) return { verdict: 'fits', placements: [], reasons: [], stats: { method: 'trivial', nodes: 0 } };
  const blocked = proveOpening(bag, input.items);
  if (blocked) return toResult(input, { verdict: 'does-not-fit', method: 'bound', reasons: [blocked], nodes: 0 });
  const loose = hasSoftItems(input.items) ? toProblem(input.items, L, false) : null;
  const outcome = bag.shape === 'box' ? solveBox(tight, loose, budget) : solveShaped(input, bag, tight, loose, budget);
  return toResult(input, outcome);
}

/** The exact pipeline for a box of lengths tight.L. */
function solveBox(tight: PackProblem, loose: PackProblem | null, budget: Budget, greedy: GreedyOptions = {}, quickOnly = false): Outcome {
  const early = proveTooLarge(tight) ?? provePairConflict(tight) ?? proveVolume(tight, tight.L);
  if (early) return { verdict: 'does-not-fit', method: 'bound', reasons: [early], nodes: 0 };
  for (const problem of loose ? [loose, tight] : [tight]) {
    const quick = greedyPack(problem.L, problem.pieces, greedy);
    if (quick) return { verdict: 'fits', method: 'greedy', problem, packing: quick, offset: ORIGIN, nodes: 0 };
  }
  if (quickOnly) return { verdict: 'undecided', method: 'greedy', reasons: [], nodes: 0 };
  const usable = usableLengths(tight);
  const byVolume = proveVolume(tight, usable);
  if (byVolume) return { verdict: 'does-not-fit', method: 'bound', reasons: [byVolume], nodes: 0 };
  if (tight.pieces.length > MAX_PIECES) {
    return { verdict: 'undecided', method: 'search', reasons: [{ code: 'piece-limit', pieces: tight.pieces.length, limit: MAX_PIECES }], nodes: 0 };
  }
  const outcome = searchPacking(usable, tight.pieces, budget);
  switch (outcome.kind) {
    case 'found':
      return { verdict: 'fits', method: 'search', problem: tight, packing: outcome.packing, offset: ORIGIN, nodes: outcome.nodes };
    case 'exhausted':
      return { verdict: 'does-not-fit', method: 'search', reasons: [{ code: 'search-exhausted', nodes: outcome.nodes }], nodes: outcome.nodes };
    case 'budget': {
      const reason: Reason =
        outcome.by === 'time' ? { code: 'time-limit', nodes: outcome.nodes, limit_ms: budget.limitMs } : { code: 'node-limit', nodes: outcome.nodes };
      return { verdict: 'undecided', method: 'search', reasons: [reason], nodes: outcome.nodes };
    }
  }
}

/** Sound for every shape: proofs that hold for the shape, layouts checked corner by corner. */
function solveShaped(input: FitInput, bag: Interior, tight: PackProblem, loose: PackProblem | null, budget: Budget): Outcome {
  const alone = proveAloneInShape(bag, tight);
  if (alone) return { verdict: 'does-not-fit', method: 'bound', reasons: [alone], nodes: 0 };
  const itemsVolume = tight.pieces.reduce((s, p) => s + p.volume, 0);
  if (volumeFails(bag, itemsVolume)) {
    const volume = shapeVolume(bag);
    const r = Math.round;
    return {
      verdict: 'does-not-fit',
      method: 'bound',
      reasons: [{ code: 'volume', items_mm3: r(itemsVolume), bag_mm3: r(volume), usable_mm3: r(volume), ratio: r((itemsVolume / volume) * 1000) / 1000 }],
      nodes: 0,
    };
  }

  const inside = (x: number, y: number, z: number, w: number, h: number, d: number) => boxInside(bag, x, y, z, w, h, d);
  const scan = input.options.effort === 'scan';
  const boxes = scan ? [] : innerBoxes(bag, extentHints(tight, bag.shape === 'cylinder' ? 2 : 1));
  const greedy: GreedyOptions = {
    inside,
    anchors: boxes.map((b) => [b.x, b.y, b.z] as const),
    spot: (w, h, d) => bestSpotAlone(bag, w, h, d),
    ...(scan ? { firstRuleOnly: true } : {}),
  };

  // The bounding box contains the shape: no packing there is a proof for the shape too.
  const share = (parts: number): Budget => ({ ...budget, deadline: budget.now() + Math.max(0, budget.deadline - budget.now()) / parts });
  const outer = solveBox(tight, loose, share(3), greedy, scan);
  if (outer.verdict === 'does-not-fit') return outer;
  if (outer.verdict === 'fits' && layoutInside(bag, outer)) return outer;

  let nodes = outer.nodes;
  let open = outer.verdict === 'undecided';
  for (const [i, box] of boxes.entries()) {
    if (budget.now() > budget.deadline) {
      open = true;
      break;
    }
    const sub = toProblem(input.items, [box.w, box.h, box.d], true);
    const subLoose = loose ? toProblem(input.items, [box.w, box.h, box.d], false) : null;
    const found = solveBox(sub, subLoose, share(boxes.length - i));
    nodes += found.nodes;
    if (found.verdict === 'fits') return { ...found, offset: [box.x, box.y, box.z], nodes };
    if (found.verdict === 'undecided') open = true;
  }
  const reasons: Reason[] = [{ code: 'shape-incomplete', shape: bag.shape }];
  if (open && budget.now() > budget.deadline) reasons.push({ code: 'time-limit', nodes, limit_ms: budget.limitMs });
  return { verdict: 'undecided', method: 'search', reasons, nodes };
}

function layoutInside(bag: Interior, o: Extract<Outcome, { verdict: 'fits' }>): boolean {
  return o.problem.pieces.every((p, i) => {
    const ext = p.orients[o.packing.orient[i]!]!.ext;
    const pos = o.packing.pos[i]!;
    return boxInside(bag, pos[0] + o.offset[0], pos[1] + o.offset[1], pos[2] + o.offset[2], ext[0], ext[1], ext[2]);
  });
}

/** Lengths worth trying for an inscribed box's free side: single extents and sums of two. */
function extentHints(problem: PackProblem, axis: number): number[] {
  const singles = [...new Set(problem.pieces.flatMap((p) => p.orients.map((o) => o.ext[axis]!)))].sort((a, b) => a - b).slice(0, 8);
  const sums = singles.flatMap((a) => singles.map((b) => a + b));
  return [...new Set([...singles, ...sums])];
}

/** An item with no orientation that fits the shape on its own (an exact test, see shapes.ts). */
function proveAloneInShape(bag: Interior, problem: PackProblem): Reason | null {
  for (const p of problem.pieces) {
    if (!aloneFails(bag, p)) continue;
    // How much smaller (on every side) it would have to be: bisection on the exact test.
    let best = Infinity;
    for (const o of p.allOrients) {
      let lo = 0;
      let hi = Math.max(...o.ext);
      for (let k = 0; k < 40; k++) {
        const mid = (lo + hi) / 2;
        if (bestSpotAlone(bag, Math.max(0, o.ext[0] - mid), Math.max(0, o.ext[1] - mid), Math.max(0, o.ext[2] - mid))) hi = mid;
        else lo = mid;
      }
      best = Math.min(best, hi);
    }
    return { code: 'item-too-large', item: p.item, name: p.name, overshoot_mm: Math.round(best * 1000) / 1000 };
  }
  return null;
}

function toResult(input: FitInput, o: Outcome): FitResult {
  if (o.verdict !== 'fits') return { verdict: o.verdict, placements: [], reasons: o.reasons, stats: { method: o.method, nodes: o.nodes } };
  return { verdict: 'fits', placements: toPlacements(input, o), reasons: [], stats: { method: o.method, nodes: o.nodes } };
}

/** Coordinates are sums of published lengths; strip float noise (71.60000000000001) well below EPS. */
function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

function toPlacements(input: FitInput, o: Extract<Outcome, { verdict: 'fits' }>): Placement[] {
  const placements = o.problem.pieces.map((piece, i): Placement => {
    const ori = piece.orients[o.packing.orient[i]!]!;
    const [x, y, z] = o.packing.pos[i]!;
    return {
      name: piece.name,
      item: piece.item,
      copy: piece.copy,
      orientation: ori.code,
      x: clean(x + o.offset[0]),
      y: clean(y + o.offset[1]),
      z: clean(z + o.offset[2]),
      w: ori.ext[0],
      h: ori.ext[1],
      d: ori.ext[2],
    };
  });
  const check = verifyLayout(input.bag, input.items, placements);
  if (!check.ok) {
    // A layout the verifier rejects must never be reported as a fit.
    throw new Error(`internal error: the packer produced an invalid layout: ${check.problems.join('; ')}`);
  }
  return placements;
}
