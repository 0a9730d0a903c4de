/**
 * Interior shapes: containment, volume, the exact test for one box alone, and boxes inscribed in
 * the shape. Coordinates: x across the front (0..w), y up (0..h), z front to back (0..d).
 *
 * Every shape here is convex, so a box lies inside it iff its eight corners do. That is the
 * containment test (`boxInside`), and it makes the single-box test exact: the shapes are
 * symmetric about their centre plane(s), so if a box fits somewhere, its mirror image fits too and,
 * by convexity, so does the box half way between, centred; along the one axis without symmetry
 * (the height of a trapezoid or a half-moon) the cross-section only widens towards one end, so the
 * box does best pushed to that end. `fitsAlone` tests exactly that best position.
 */
import type { Interior } from '../model/bag.js';
import { EPS } from './tolerance.js';

/** The interior with its give applied (a soft bag stretches `give` mm in depth). */
export function effectiveInterior(bag: Interior): Interior {
  if (!bag.give) return bag;
  return { ...bag, d: bag.d + bag.give };
}

/** Width of a trapezoid's front face at height y. */
function trapezoidWidth(bag: Extract<Interior, { shape: 'trapezoid' }>, y: number): number {
  const t = Math.min(Math.max(y / bag.h, 0), 1);
  const fromWide = bag.narrow_at === 'top' ? t : 1 - t;
  return bag.w - (bag.w - bag.w_narrow) * fromWide;
}

/** Is the point inside the shape (up to EPS)? */
export function pointInside(bag: Interior, x: number, y: number, z: number): boolean {
  if (x < -EPS || y < -EPS || z < -EPS || x > bag.w + EPS || y > bag.h + EPS || z > bag.d + EPS) return false;
  switch (bag.shape) {
    case 'box':
      return true;
    case 'trapezoid':
      return Math.abs(x - bag.w / 2) <= trapezoidWidth(bag, y) / 2 + EPS;
    case 'half-moon':
      return ellipseHolds(x - bag.w / 2, bag.w / 2, bag.h - y, bag.h);
    case 'round':
      return ellipseHolds(x - bag.w / 2, bag.w / 2, y - bag.h / 2, bag.h / 2);
    case 'cylinder':
      return ellipseHolds(x - bag.w / 2, bag.w / 2, z - bag.d / 2, bag.d / 2);
  }
}

/** (u/a)² + (v/b)² <= 1, with the tolerance taken on the lengths. */
function ellipseHolds(u: number, a: number, v: number, b: number): boolean {
  const au = Math.max(Math.abs(u) - EPS, 0);
  const av = Math.max(Math.abs(v) - EPS, 0);
  return (au / a) ** 2 + (av / b) ** 2 <= 1 + 1e-12;
}

/**
 * Is the box (min corner x, y, z; extents w, h, d) inside the shape? Convexity: iff its corners
 * are, as pointInside tests them. Written out per shape rather than as eight pointInside calls:
 * each shape's curve involves two axes only, so four corners settle it, and the fit engine and
 * the badges run this hundreds of millions of times (no call per corner, no number boxed).
 */
export function boxInside(bag: Interior, x: number, y: number, z: number, w: number, h: number, d: number): boolean {
  const x2 = x + w;
  const y2 = y + h;
  const z2 = z + d;
  if (x < -EPS || y < -EPS || z < -EPS || x2 < -EPS || y2 < -EPS || z2 < -EPS) return false;
  if (x > bag.w + EPS || y > bag.h + EPS || z > bag.d + EPS || x2 > bag.w + EPS || y2 > bag.h + EPS || z2 > bag.d + EPS) return false;
  const a = bag.w / 2;
  switch (bag.shape) {
    case 'box':
      return true;
    case 'trapezoid': {
      const lo = trapezoidWidth(bag, y) / 2 + EPS;
      const hi = trapezoidWidth(bag, y2) / 2 + EPS;
      return Math.abs(x - a) <= lo && Math.abs(x2 - a) <= lo && Math.abs(x - a) <= hi && Math.abs(x2 - a) <= hi;
    }
    case 'half-moon':
      return (
        ellipseHolds(x - a, a, bag.h - y, bag.h) && ellipseHolds(x2 - a, a, bag.h - y, bag.h) && ellipseHolds(x - a, a, bag.h - y2, bag.h) && ellipseHolds(x2 - a, a, bag.h - y2, bag.h)
      );
    case 'round': {
      const b = bag.h / 2;
      return ellipseHolds(x - a, a, y - b, b) && ellipseHolds(x2 - a, a, y - b, b) && ellipseHolds(x - a, a, y2 - b, b) && ellipseHolds(x2 - a, a, y2 - b, b);
    }
    case 'cylinder': {
      const b = bag.d / 2;
      return ellipseHolds(x - a, a, z - b, b) && ellipseHolds(x2 - a, a, z - b, b) && ellipseHolds(x - a, a, z2 - b, b) && ellipseHolds(x2 - a, a, z2 - b, b);
    }
  }
}

export function shapeVolume(bag: Interior): number {
  switch (bag.shape) {
    case 'box':
      return bag.w * bag.h * bag.d;
    case 'trapezoid':
      return ((bag.w + bag.w_narrow) / 2) * bag.h * bag.d;
    case 'half-moon':
      return ((Math.PI * (bag.w / 2) * bag.h) / 2) * bag.d;
    case 'round':
      return Math.PI * (bag.w / 2) * (bag.h / 2) * bag.d;
    case 'cylinder':
      return Math.PI * (bag.w / 2) * (bag.d / 2) * bag.h;
  }
}

/** Where a single box of extents (w, h, d) fits best: its min corner, or null when it cannot fit. */
export function bestSpotAlone(bag: Interior, w: number, h: number, d: number): [number, number, number] | null {
  // A new array only for a spot found: most calls (every orientation tried) find none.
  return bestSpotAloneInto(SPOT, bag, w, h, d) ? [SPOT[0]!, SPOT[1]!, SPOT[2]!] : null;
}
const SPOT = new Float64Array(3);

/**
 * bestSpotAlone writing the min corner into `out` (true when the box fits): the same spot, without
 * a new array, for loops that place millions of single items (badges).
 */
export function bestSpotAloneInto(out: Float64Array, bag: Interior, w: number, h: number, d: number): boolean {
  if (w > bag.w + EPS || h > bag.h + EPS || d > bag.d + EPS) return false;
  const cx = (bag.w - w) / 2;
  let x = 0;
  let y = 0;
  let z = 0;
  switch (bag.shape) {
    case 'box':
      break;
    case 'trapezoid':
      x = cx;
      y = bag.narrow_at === 'top' ? 0 : bag.h - h;
      break;
    case 'half-moon':
      x = cx;
      y = bag.h - h;
      break;
    case 'round':
      x = cx;
      y = (bag.h - h) / 2;
      break;
    case 'cylinder':
      x = cx;
      z = (bag.d - d) / 2;
      break;
  }
  if (!boxInside(bag, x, y, z, w, h, d)) return false;
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return true;
}

export interface InnerBox {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
  readonly h: number;
  readonly d: number;
}

/**
 * Boxes inscribed in the shape, largest first: a packing inside any of them is a packing inside
 * the shape. `heights` are lengths worth trying for the free parameter (sums of item extents).
 */
export function innerBoxes(bag: Interior, heights: readonly number[] = [], max = 16): InnerBox[] {
  const out: InnerBox[] = [];
  const push = (b: InnerBox) => {
    if (b.w > EPS && b.h > EPS && b.d > EPS && boxInside(bag, b.x, b.y, b.z, b.w, b.h, b.d)) out.push(b);
  };
  const fractions = Array.from({ length: 16 }, (_, k) => (k + 1) / 16);
  switch (bag.shape) {
    case 'box':
      push({ x: 0, y: 0, z: 0, w: bag.w, h: bag.h, d: bag.d });
      break;
    case 'trapezoid':
    case 'half-moon': {
      const ts = new Set([...fractions.map((f) => f * bag.h), ...heights.filter((t) => t > 0 && t <= bag.h)]);
      for (const t of ts) {
        const atTop = bag.shape === 'half-moon' || bag.narrow_at === 'bottom';
        const y = atTop ? bag.h - t : 0;
        const edge = atTop ? y : t; // the height at which the box meets the slanted or curved side
        const w = bag.shape === 'half-moon' ? bag.w * Math.sqrt(Math.max(0, 1 - (t / bag.h) ** 2)) : trapezoidWidth(bag, edge);
        push({ x: (bag.w - w) / 2, y, z: 0, w: w * (1 - 1e-12), h: t, d: bag.d });
      }
      break;
    }
    case 'round':
    case 'cylinder': {
      const [A, B] = bag.shape === 'round' ? [bag.w, bag.h] : [bag.w, bag.d];
      const ratios = new Set([...fractions.slice(0, 15).map((f) => Math.asin(f)), ...heights.filter((t) => t > 0 && t < B).map((t) => Math.asin(t / B))]);
      for (const theta of ratios) {
        const u = A * Math.cos(theta) * (1 - 1e-12);
        const v = B * Math.sin(theta) * (1 - 1e-12);
        if (bag.shape === 'round') push({ x: (bag.w - u) / 2, y: (bag.h - v) / 2, z: 0, w: u, h: v, d: bag.d });
        else push({ x: (bag.w - u) / 2, y: 0, z: (bag.d - v) / 2, w: u, h: bag.h, d: v });
      }
      break;
    }
  }
  out.sort((a, b) => b.w * b.h * b.d - a.w * a.h * a.d);
  return out.slice(0, max);
}
