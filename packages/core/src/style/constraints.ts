/**
 * The outfit's hard constraints: a budget, tiers, ways of wearing, and "it must hold my kit".
 * A bag that fails one is left out of the ranking and listed with the constraint it failed,
 * checked in that order (the cheap tests before the fit engine).
 *
 * The kit is checked by the exact fit engine on the bag's interior (derived from its exterior
 * when not published, catalog/interior.ts), within a node budget so that the answer does not
 * depend on the machine's speed. Only a proven "fits" keeps a bag: "undecided" is not a yes.
 */
import { fit } from '../fit/fit.js';
import { effectiveInterior, shapeVolume } from '../geometry/shapes.js';
import type { CatalogBag } from '../model/catalog.js';
import { packedDims, type Item } from '../model/item.js';
import type { Outfit, StyleExclusion } from '../model/style.js';

/** The fit engine's budget per bag for the kit check: search nodes, and a wall-clock cap. */
export interface KitBudget {
  readonly nodeLimit: number;
  readonly timeLimitMs: number;
}

export type Admission = { readonly ok: true; readonly fill?: number } | { readonly ok: false; readonly code: StyleExclusion['code'] };

export function kitVolume(items: readonly Item[]): number {
  return items.reduce((s, it) => {
    const [w, h, d] = packedDims(it);
    return s + it.quantity * w * h * d;
  }, 0);
}

export function admit(bag: CatalogBag, outfit: Outfit, kit: readonly Item[] | undefined, budget: KitBudget): Admission {
  if (outfit.budget_usd !== undefined) {
    if (bag.price_usd === null) return { ok: false, code: 'no-price' };
    if (bag.price_usd > outfit.budget_usd) return { ok: false, code: 'over-budget' };
  }
  if (outfit.tiers && !outfit.tiers.includes(bag.tier)) return { ok: false, code: 'tier' };
  if (outfit.wear_modes && !bag.wear_modes.some((m) => outfit.wear_modes!.includes(m))) return { ok: false, code: 'wear-mode' };
  if (!kit || kit.length === 0) return { ok: true };
  const r = fit({ bag: bag.interior, items: [...kit], options: { timeLimitMs: budget.timeLimitMs, nodeLimit: budget.nodeLimit } });
  if (r.verdict === 'does-not-fit') return { ok: false, code: 'kit-does-not-fit' };
  if (r.verdict === 'undecided') return { ok: false, code: 'kit-undecided' };
  return { ok: true, fill: kitVolume(kit) / shapeVolume(effectiveInterior(bag.interior)) };
}
