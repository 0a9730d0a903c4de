/**
 * fit(input): will these items fit in this interior? One entry, plain data in and out.
 *
 * Stages, cheapest first: proofs of "no" (bounds.ts), a quick constructive packer (greedy.ts),
 * then the complete search (search.ts) within the time budget. "fits" always carries a layout
 * that the independent verifier has accepted; "does-not-fit" always comes from a proof;
 * running out of budget gives "undecided", never a guess.
 */
import { MAX_PIECES, type FitInput, type FitResult, type Placement, type Reason } from '../model/fit.js';
import { proveTooLarge, provePairConflict, proveVolume, usableLengths } from './bounds.js';
import { greedyPack } from './greedy.js';
import type { PackProblem, Packing } from './problem.js';
import { toProblem } from './problem.js';
import { searchPacking } from './search.js';
import { verifyLayout } from './verify.js';

export interface FitEnv {
  /** Milliseconds clock for the time budget; Date.now by default. */
  readonly now?: () => number;
}

export function fit(input: FitInput, env: FitEnv = {}): FitResult {
  const now = env.now ?? Date.now;
  const deadline = now() + input.options.timeLimitMs;
  const problem = toProblem(input);
  if (problem.pieces.length === 0) return result('fits', 'trivial', [], [], 0);

  const early = proveTooLarge(problem) ?? provePairConflict(problem) ?? proveVolume(problem, problem.L);
  if (early) return result('does-not-fit', 'bound', [], [early], 0);

  const quick = greedyPack(problem.L, problem.pieces);
  if (quick) return result('fits', 'greedy', toPlacements(input, problem, quick), [], 0);

  const usable = usableLengths(problem);
  const byVolume = proveVolume(problem, usable);
  if (byVolume) return result('does-not-fit', 'bound', [], [byVolume], 0);

  if (problem.pieces.length > MAX_PIECES) {
    return result('undecided', 'search', [], [{ code: 'piece-limit', pieces: problem.pieces.length, limit: MAX_PIECES }], 0);
  }
  const outcome = searchPacking(usable, problem.pieces, {
    nodeLimit: input.options.nodeLimit ?? Number.MAX_SAFE_INTEGER,
    deadline,
    now,
  });
  switch (outcome.kind) {
    case 'found':
      return result('fits', 'search', toPlacements(input, problem, outcome.packing), [], outcome.nodes);
    case 'exhausted':
      return result('does-not-fit', 'search', [], [{ code: 'search-exhausted', nodes: outcome.nodes }], outcome.nodes);
    case 'budget': {
      const reason: Reason =
        outcome.by === 'time'
          ? { code: 'time-limit', nodes: outcome.nodes, limit_ms: input.options.timeLimitMs }
          : { code: 'node-limit', nodes: outcome.nodes };
      return result('undecided', 'search', [], [reason], outcome.nodes);
    }
  }
}

function result(
  verdict: FitResult['verdict'],
  method: FitResult['stats']['method'],
  placements: Placement[],
  reasons: Reason[],
  nodes: number,
): FitResult {
  return { verdict, placements, reasons, stats: { method, nodes } };
}

/** Coordinates are sums of published lengths; strip float noise (71.60000000000001) well below EPS. */
function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

function toPlacements(input: FitInput, problem: PackProblem, packing: Packing): Placement[] {
  const placements = problem.pieces.map((piece, i): Placement => {
    const o = piece.orients[packing.orient[i]!]!;
    const [x, y, z] = packing.pos[i]!;
    return {
      name: piece.name,
      item: piece.item,
      copy: piece.copy,
      orientation: o.code,
      x: clean(x),
      y: clean(y),
      z: clean(z),
      w: o.ext[0],
      h: o.ext[1],
      d: o.ext[2],
    };
  });
  const check = verifyLayout(input.bag, input.items, placements);
  if (!check.ok) {
    // A layout the verifier rejects must never be reported as a fit.
    throw new Error(`internal error: the packer produced an invalid layout: ${check.problems.join('; ')}`);
  }
  return placements;
}
