/**
 * The independent verifier: does a layout really put every item in the bag, each in an allowed
 * orientation, with no two overlapping and every corner inside the interior's shape? It shares
 * nothing with the packer but the tolerance and the published case allowance (its containment
 * tests are written out here again on purpose), so that a bug in the engine cannot vouch for
 * itself. Every `fits` the engine returns passes here.
 */
import { EPS, isClose } from '../geometry/tolerance.js';
import type { Interior } from '../model/bag.js';
import type { Placement } from '../model/fit.js';
import { CASE_ALLOWANCE_MM, type Item } from '../model/item.js';

export type VerifyResult = { ok: true } | { ok: false; problems: string[] };

type Layout = Pick<Placement, 'item' | 'copy' | 'name' | 'x' | 'y' | 'z' | 'w' | 'h' | 'd'>;
type VerifiableItem = Pick<Item, 'name' | 'dims' | 'quantity' | 'rotation'> & Partial<Pick<Item, 'soft' | 'withCase'>>;

/** Poses allowed by each rule, as the recorded axis (0 w, 1 h, 2 d) that lies along bag w, h, d. */
const POSES: Record<string, readonly (readonly [number, number, number])[]> = {
  whd: [[0, 1, 2]],
  wdh: [[0, 2, 1]],
  hwd: [[1, 0, 2]],
  hdw: [[1, 2, 0]],
  dwh: [[2, 0, 1]],
  dhw: [[2, 1, 0]],
};

type Pose = readonly [number, number, number];
const codesPoses = (codes: readonly string[]): readonly Pose[] => codes.flatMap((c) => POSES[c] ?? []);
/** The keyword rules' poses, built once: the verifier runs for every badge of a catalog. */
const KEYWORD_POSES: Record<string, readonly Pose[]> = {
  all: codesPoses(Object.keys(POSES)),
  upright: codesPoses(['whd', 'dhw']),
  fixed: codesPoses(['whd']),
};

function allowedPoses(rotation: VerifiableItem['rotation']): readonly Pose[] {
  return typeof rotation === 'string' ? (KEYWORD_POSES[rotation] ?? []) : codesPoses(rotation);
}

/** Extent along one axis matches the item's side, allowing a soft item's thinnest side to be squeezed. */
function sideMatches(side: number, ext: number, squeezable: boolean, squeeze: number): boolean {
  if (isClose(side, ext)) return true;
  return squeezable && ext <= side + EPS && ext >= side * (1 - squeeze) - EPS;
}

/**
 * Is corner c of the placement (bit 1: far in w, 2: far in h, 4: far in d) inside the interior?
 * Takes the placement and the corner's number, not its coordinates, and calls nothing: checking
 * millions of layouts then passes no coordinates between functions (V8 would box each one).
 */
function cornerInside(bag: Interior, p: Layout, c: number): boolean {
  const depth = bag.d + (bag.give ?? 0);
  const x = c & 1 ? p.x + p.w : p.x;
  const y = c & 2 ? p.y + p.h : p.y;
  const z = c & 4 ? p.z + p.d : p.z;
  if (x < -EPS || y < -EPS || z < -EPS || x > bag.w + EPS || y > bag.h + EPS || z > depth + EPS) return false;
  // The curved shapes: (u/a)² + (v/b)² <= 1 in their curved plane, the tolerance taken on the lengths.
  const a = bag.w / 2;
  let u = 0;
  let v = 0;
  let b = 1;
  switch (bag.shape) {
    case 'box':
      return true;
    case 'trapezoid': {
      const up = Math.min(Math.max(y / bag.h, 0), 1);
      const width = bag.narrow_at === 'top' ? bag.w + (bag.w_narrow - bag.w) * up : bag.w_narrow + (bag.w - bag.w_narrow) * up;
      return Math.abs(x - bag.w / 2) <= width / 2 + EPS;
    }
    case 'half-moon':
      u = x - a;
      v = bag.h - y;
      b = bag.h;
      break;
    case 'round':
      u = x - a;
      v = y - bag.h / 2;
      b = bag.h / 2;
      break;
    case 'cylinder':
      u = x - a;
      v = z - depth / 2;
      b = depth / 2;
      break;
  }
  const au = Math.max(Math.abs(u) - EPS, 0);
  const av = Math.max(Math.abs(v) - EPS, 0);
  return (au * au) / (a * a) + (av * av) / (b * b) <= 1 + 1e-12;
}

/** Does the placement's extent (w, h, d) match the pose of the item's (grown) dimensions (dw, dh, dd)? */
function poseMatches(pose: Pose, dw: number, dh: number, dd: number, p: Layout, thinnest: number, squeeze: number): boolean {
  for (let ax = 0; ax < 3; ax++) {
    const src = pose[ax]!;
    const side = src === 0 ? dw : src === 1 ? dh : dd;
    const ext = ax === 0 ? p.w : ax === 1 ? p.h : p.d;
    if (!sideMatches(side, ext, src === thinnest && squeeze > 0, squeeze)) return false;
  }
  return true;
}

const label = (i: number, p: Layout): string => `placement ${i} (${p.name})`;
const OK: VerifyResult = Object.freeze({ ok: true });

/*
 * The verifier runs for every layout the engine returns and every stored badge, millions of times
 * in a catalog run, so its loop allocates next to nothing on success: messages are built only
 * for a problem found, and duplicate pieces are found in the pairwise pass.
 */
export function verifyLayout(bag: Interior, items: readonly VerifiableItem[], layout: readonly Layout[]): VerifyResult {
  const problems: string[] = [];
  const depth = bag.d + (bag.give ?? 0);
  let expected = 0;
  for (let k = 0; k < items.length; k++) expected += items[k]!.quantity;
  if (layout.length !== expected) problems.push(`layout has ${layout.length} pieces, the kit has ${expected}`);
  for (let i = 0; i < layout.length; i++) {
    const p = layout[i]!;
    const item = items[p.item];
    if (!item) {
      problems.push(`${label(i, p)}: no item ${p.item}`);
      continue;
    }
    if (p.copy < 0 || p.copy >= item.quantity) problems.push(`${label(i, p)}: copy ${p.copy} of a quantity ${item.quantity}`);
    if (p.name !== item.name) problems.push(`${label(i, p)}: name differs from item "${item.name}"`);
    const grow = item.withCase ? 2 * CASE_ALLOWANCE_MM : 0;
    const dw = item.dims.w + grow;
    const dh = item.dims.h + grow;
    const dd = item.dims.d + grow;
    const thinnest = dw <= dh && dw <= dd ? 0 : dh <= dd ? 1 : 2;
    const squeeze = item.soft?.squeeze ?? 0;
    const poses = allowedPoses(item.rotation);
    let poseOk = false;
    for (let k = 0; k < poses.length && !poseOk; k++) poseOk = poseMatches(poses[k]!, dw, dh, dd, p, thinnest, squeeze);
    if (!poseOk) problems.push(`${label(i, p)}: extents ${p.w}x${p.h}x${p.d} are not an allowed orientation of ${dw}x${dh}x${dd}`);
    for (let ax = 0; ax < 3; ax++) {
      const lo = ax === 0 ? p.x : ax === 1 ? p.y : p.z;
      const ext = ax === 0 ? p.w : ax === 1 ? p.h : p.d;
      const lim = ax === 0 ? bag.w : ax === 1 ? bag.h : depth;
      if (!(lo >= -EPS) || !(lo + ext <= lim + EPS)) {
        problems.push(`${label(i, p)}: [${lo}, ${lo + ext}] leaves the interior on axis ${'whd'[ax]} (0..${lim})`);
      }
    }
    if (bag.shape !== 'box') {
      for (let c = 0; c < 8; c++) {
        if (!cornerInside(bag, p, c)) {
          problems.push(`${label(i, p)}: corner (${c & 1 ? p.x + p.w : p.x}, ${c & 2 ? p.y + p.h : p.y}, ${c & 4 ? p.z + p.d : p.z}) is outside the ${bag.shape} interior`);
          break;
        }
      }
    }
  }
  for (let i = 0; i < layout.length; i++) {
    for (let j = i + 1; j < layout.length; j++) {
      const a = layout[i]!;
      const b = layout[j]!;
      if (a.item === b.item && a.copy === b.copy && items[b.item]) problems.push(`${label(j, b)}: item ${b.item} copy ${b.copy} placed twice`);
      const overlapW = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const overlapH = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      const overlapD = Math.min(a.z + a.d, b.z + b.d) - Math.max(a.z, b.z);
      if (overlapW > EPS && overlapH > EPS && overlapD > EPS) {
        problems.push(`placements ${i} (${a.name}) and ${j} (${b.name}) overlap by ${overlapW}x${overlapH}x${overlapD} mm`);
      }
    }
  }
  return problems.length === 0 ? OK : { ok: false, problems };
}
