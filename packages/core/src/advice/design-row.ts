/**
 * designInterior's first box and its output form: a row of all the units (always a valid
 * layout, so there is always an answer), and the permutation of a layout's axes that puts the
 * sides in the order w >= h >= d when every item may turn any way.
 */
import { verifyLayout } from '../fit/verify.js';
import { EPS } from '../geometry/tolerance.js';
import type { Placement } from '../model/fit.js';
import type { Item } from '../model/item.js';
import type { Fix, Unit, Vec3 } from './design-units.js';

/**
 * All units in a row along one free axis, each at full size when that keeps within the fixed
 * sides (else squeezed), turned to its least extent along the row. The best of the free axes;
 * symmetric, its sides are then sorted w >= h >= d.
 */
export function rowLayout(items: readonly Item[], units: readonly Unit[], fix: Fix, symmetric: boolean): { L: Vec3; placements: Placement[] } {
  let best: { L: Vec3; placements: Placement[] } | null = null;
  for (let r = 0; r < 3; r++) {
    if (fix[r] !== undefined) continue;
    const L: Vec3 = [0, 0, 0];
    const placements = units.map((u): Placement => {
      const choices = u.full.length > 0 ? u.full : u.squeezed;
      const o = choices.reduce((p, q) => (q.ext[r]! < p.ext[r]! - EPS ? q : p));
      const at: Vec3 = [0, 0, 0];
      at[r] = L[r]!;
      for (let ax = 0; ax < 3; ax++) L[ax] = ax === r ? L[ax]! + o.ext[ax]! : Math.max(L[ax]!, o.ext[ax]!);
      const name = items[u.item]!.name;
      return { name, item: u.item, copy: u.copy, orientation: o.code, x: at[0], y: at[1], z: at[2], w: o.ext[0], h: o.ext[1], d: o.ext[2] };
    });
    for (let ax = 0; ax < 3; ax++) L[ax] = fix[ax] ?? L[ax]!;
    if (!best || L[0] * L[1] * L[2] < best.L[0] * best.L[1] * best.L[2]) best = { L, placements };
  }
  if (!best) throw new Error('internal error: a row layout needs a free side');
  if (symmetric) best = sortSides(best.L, best.placements);
  const check = verifyLayout({ shape: 'box', w: best.L[0], h: best.L[1], d: best.L[2] }, items, best.placements);
  if (!check.ok) throw new Error(`internal error: the row layout is invalid: ${check.problems.join('; ')}`);
  return best;
}

/** The same layout with the box's sides permuted to w >= h >= d (every item may turn any way). */
export function sortSides(L: Vec3, placements: readonly Placement[]): { L: Vec3; placements: Placement[] } {
  const perm = [0, 1, 2].sort((a, b) => L[b]! - L[a]! || a - b); // new axis k is old axis perm[k]
  const pick = <T>(v: readonly T[]): [T, T, T] => [v[perm[0]!]!, v[perm[1]!]!, v[perm[2]!]!];
  return {
    L: pick(L),
    placements: placements.map((p) => {
      const [x, y, z] = pick([p.x, p.y, p.z]);
      const [w, h, d] = pick([p.w, p.h, p.d]);
      // The code names the item axis along each bag axis, so it permutes with the bag axes.
      const orientation = pick([...p.orientation]).join('') as Placement['orientation'];
      return { ...p, x, y, z, w, h, d, orientation };
    }),
  };
}
