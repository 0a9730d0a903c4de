/**
 * Shape families: interiors of one shape (and, for a trapezoid, the same narrow edge) differ only
 * in their lengths, and one contains another when each of its lengths is at least as long.
 *
 * Each family has an anchor, the point both interiors share when one is put inside the other:
 * - box: the min corner (x, y, z = 0);
 * - trapezoid: the middle of the wide edge on the front face; the wide edges together, the
 *   smaller one's sides run inside the larger one's because both narrow linearly from there and
 *   the larger is at least as wide at both of the smaller one's edges (w >= w, and at the smaller
 *   one's narrow edge the larger is at least its own w_narrow >= the smaller's w_narrow);
 * - half-moon: the middle of the flat top edge (both half-ellipses hang from it, semi-axes ordered);
 * - round: the centre of the front ellipse (concentric ellipses with ordered semi-axes), z from 0;
 * - cylinder: the centre of the floor ellipse (x, z), y from 0.
 * Depth (or height, for a cylinder) is a straight extrusion, so ordering it keeps containment.
 *
 * Why it matters: a kit that does not fit an interior fits no interior it contains, and a layout
 * that fits one, moved anchor to anchor, lies inside any interior containing it (still checked).
 */
import type { Interior } from '../model/bag.js';
import { EPS } from './tolerance.js';

export const FAMILIES = ['box', 'trapezoid-top', 'trapezoid-bottom', 'half-moon', 'round', 'cylinder'] as const;
export type Family = (typeof FAMILIES)[number];

/** The family of an interior (give already applied, see effectiveInterior). */
export function familyOf(e: Interior): Family {
  return e.shape === 'trapezoid' ? (e.narrow_at === 'bottom' ? 'trapezoid-bottom' : 'trapezoid-top') : e.shape;
}

/** The lengths that order a family, mm: w, h, d and, for a trapezoid, w_narrow (else 0). */
export function familyLengths(e: Interior): [number, number, number, number] {
  return [e.w, e.h, e.d, e.shape === 'trapezoid' ? e.w_narrow : 0];
}

/** The family's anchor point in the interior's coordinates, mm. */
export function familyAnchor(e: Interior): [number, number, number] {
  switch (e.shape) {
    case 'box':
      return [0, 0, 0];
    case 'trapezoid':
      return [e.w / 2, e.narrow_at === 'bottom' ? e.h : 0, 0];
    case 'half-moon':
      return [e.w / 2, e.h, 0];
    case 'round':
      return [e.w / 2, e.h / 2, 0];
    case 'cylinder':
      return [e.w / 2, 0, e.d / 2];
  }
}

/**
 * Does an interior of lengths `outer` contain one of lengths `inner` of the same family? Each
 * length at least as long. `turn` (box family only) allows the smaller box turned any way, which
 * is right when every item may take every orientation: then the boxes' sorted sides are compared.
 * `slack` grows `outer` by that fraction of each length first (0 for a containment proof).
 */
export function familyContains(outer: ArrayLike<number>, inner: ArrayLike<number>, turn: boolean, slack = 0): boolean {
  const g = 1 + slack;
  if (turn) {
    const a = sorted3(outer);
    const b = sorted3(inner);
    return a[0] * g + EPS >= b[0] && a[1] * g + EPS >= b[1] && a[2] * g + EPS >= b[2];
  }
  for (let i = 0; i < 4; i++) if ((outer[i] ?? 0) * g + EPS < (inner[i] ?? 0)) return false;
  return true;
}

function sorted3(v: ArrayLike<number>): [number, number, number] {
  const a = v[0] ?? 0;
  const b = v[1] ?? 0;
  const c = v[2] ?? 0;
  const hi = Math.max(a, b, c);
  const lo = Math.min(a, b, c);
  return [hi, a + b + c - hi - lo, lo];
}

/**
 * Does a box of extents a (along w), b (along h), c (along d) fit on its own in an interior of
 * this family and these lengths (familyLengths)? The closed form of bestSpotAlone's test at the
 * best spot (shapes.ts): the box centred across the symmetric axes and pushed to the wide end,
 * its outer corners inside the ellipse or under the slanted side. No tolerance: a box this test
 * accepts, bestSpotAlone (which allows EPS) accepts too.
 */
export function familyHoldsBox(family: number, L: ArrayLike<number>, at: number, a: number, b: number, c: number): boolean {
  const w = L[at]!;
  const h = L[at + 1]!;
  const d = L[at + 2]!;
  if (a > w || b > h || c > d) return false;
  // By index into FAMILIES (a scan calls this for every bag and known layout: no string compare).
  switch (family) {
    case 0: // box
      return true;
    case 1: // trapezoid-top
    case 2: // trapezoid-bottom
      return a <= w - ((w - L[at + 3]!) * b) / h;
    case 3: // half-moon
    case 4: // round
      return (a / w) ** 2 + (b / h) ** 2 <= 1;
    case 5: // cylinder
      return (a / w) ** 2 + (c / d) ** 2 <= 1;
    default:
      return false;
  }
}
