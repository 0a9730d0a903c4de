/**
 * The advice that goes with a verdict, and the report both shells print: the CLI's
 * `fit --json` and the server's POST /v1/fit call these, so their answers cannot drift apart.
 */
import type { Interior } from '../model/bag.js';
import type { FitResult } from '../model/fit.js';
import type { FitReport } from '../model/fit-report.js';
import type { Item } from '../model/item.js';
import type { Swap } from '../model/swaps.js';
import type { WhyNotResult } from '../model/why-not.js';
import { swaps } from './swaps.js';
import { whyNot } from './why-not.js';

export interface MissAdvice {
  readonly reasons: WhyNotResult['reasons'];
  readonly swaps: Swap[];
}

/**
 * When a kit does not fit: why, in codes and numbers, and what to swap, within `timeLimitMs` in
 * all (half each). Nothing when it fits; no swaps when the verdict is undecided (a swap cannot
 * be shown to help a kit that was not shown not to fit).
 */
export function adviseOnMiss(bag: Interior, items: readonly Item[], result: FitResult, timeLimitMs: number): MissAdvice {
  if (result.verdict === 'fits') return { reasons: [], swaps: [] };
  const options = { timeLimitMs: timeLimitMs / 2 };
  const why = whyNot({ bag, items, result, options });
  if (result.verdict !== 'does-not-fit') return { reasons: why.reasons, swaps: [] };
  return { reasons: why.reasons, swaps: swaps({ bag, items, result, options }).swaps };
}

export interface FitReportInput {
  readonly interior: Interior;
  /** The catalog bag's id and display name, when the bag came from the catalog. */
  readonly bag?: { readonly id: string; readonly name: string };
  readonly items: readonly Item[];
  readonly result: FitResult;
  readonly advice: MissAdvice;
  /** The engine's wall time, ms (the shells measure it: the core has no clock of its own). */
  readonly ms: number;
}

export function fitReport(r: FitReportInput): FitReport {
  return {
    verdict: r.result.verdict,
    placements: r.result.placements,
    reasons: r.advice.reasons,
    swaps: r.advice.swaps.map(({ replace, with: by, replace_id, with_id, give_up, verdict, placements }) => ({
      replace,
      with: by,
      ...(replace_id ? { replace_id } : {}),
      ...(with_id ? { with_id } : {}),
      give_up,
      verdict,
      placements,
    })),
    bag: { ...(r.bag ? { id: r.bag.id, name: r.bag.name } : {}), interior_mm: r.interior },
    items: r.items.map((it) => ({ ...(it.id ? { id: it.id } : {}), name: it.name, dims: it.dims, quantity: it.quantity })),
    stats: r.result.stats,
    ms: Math.round(r.ms * 1000) / 1000,
  };
}
