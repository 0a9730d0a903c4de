/** Reasons and stages in plain words, shared by the CLI, the API and the web app. */
import type { FitResult, Reason } from '../model/fit.js';

const mm = (v: number) => `${Math.round(v * 10) / 10} mm`;

export function describeReason(r: Reason): string {
  switch (r.code) {
    case 'item-too-large':
      return `${r.name} is too big for this interior in every orientation: it overshoots by ${mm(r.overshoot_mm)} at best.`;
    case 'volume':
      return `The kit's volume is ${Math.round(r.ratio * 100)}% of the usable interior (${Math.round(r.items_mm3 / 1000)} cm³ of items, ${Math.round(r.usable_mm3 / 1000)} cm³ usable).`;
    case 'pair-conflict':
      return `${r.names[0]} and ${r.names[1]} cannot lie side by side in any orientation: each fits alone, not together.`;
    case 'search-exhausted':
      return `Each item fits on its own, but every arrangement was tried (${r.nodes} search steps) and none holds them all together.`;
    case 'time-limit':
      return `The search stopped at its time limit of ${r.limit_ms} ms after ${r.nodes} steps without an answer; allow more time to settle it.`;
    case 'node-limit':
      return `The search stopped at its step limit (${r.nodes} steps) without an answer.`;
    case 'blocked-by-opening':
      return `${r.name} cannot pass through the opening (${mm(r.opening.length)} long, gaping ${mm(r.opening.gape)}) in any orientation: it is ${mm(r.by_mm)} too big for it.`;
    case 'shape-incomplete':
      return `The kit fits the bag's bounding box, but no layout inside its ${r.shape} walls was found; with curved or slanted walls the engine does not guess.`;
    case 'piece-limit':
      return `${r.pieces} pieces is more than the exact search takes (${r.limit}); no bound settled it and the quick packer found no layout.`;
  }
}

export function describeMethod(result: Pick<FitResult, 'verdict' | 'stats'>): string {
  const { stats } = result;
  if (result.verdict === 'undecided') return stats.nodes > 0 ? `not settled within the budget (${stats.nodes} search steps)` : 'not settled';
  switch (stats.method) {
    case 'trivial':
      return 'nothing to pack';
    case 'bound':
      return 'proved by a bound';
    case 'greedy':
      return 'layout found by the quick packer, checked by the verifier';
    case 'search':
      return `settled by the exhaustive search (${stats.nodes} steps)`;
  }
}
