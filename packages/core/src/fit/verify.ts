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

function allowedPoses(rotation: VerifiableItem['rotation']): (readonly [number, number, number])[] {
  const codes = rotation === 'all' ? Object.keys(POSES) : rotation === 'upright' ? ['whd', 'dhw'] : rotation === 'fixed' ? ['whd'] : rotation;
  return codes.flatMap((c) => POSES[c] ?? []);
}

/** Extent along one axis matches the item's side, allowing a soft item's thinnest side to be squeezed. */
function sideMatches(side: number, ext: number, squeezable: boolean, squeeze: number): boolean {
  if (isClose(side, ext)) return true;
  return squeezable && ext <= side + EPS && ext >= side * (1 - squeeze) - EPS;
}

function cornerInside(bag: Interior, depth: number, x: number, y: number, z: number): boolean {
  if (x < -EPS || y < -EPS || z < -EPS || x > bag.w + EPS || y > bag.h + EPS || z > depth + EPS) return false;
  const ellipse = (u: number, a: number, v: number, b: number) => {
    const au = Math.max(Math.abs(u) - EPS, 0);
    const av = Math.max(Math.abs(v) - EPS, 0);
    return (au * au) / (a * a) + (av * av) / (b * b) <= 1 + 1e-12;
  };
  switch (bag.shape) {
    case 'box':
      return true;
    case 'trapezoid': {
      const up = Math.min(Math.max(y / bag.h, 0), 1);
      const width = bag.narrow_at === 'top' ? bag.w + (bag.w_narrow - bag.w) * up : bag.w_narrow + (bag.w - bag.w_narrow) * up;
      return Math.abs(x - bag.w / 2) <= width / 2 + EPS;
    }
    case 'half-moon':
      return ellipse(x - bag.w / 2, bag.w / 2, bag.h - y, bag.h);
    case 'round':
      return ellipse(x - bag.w / 2, bag.w / 2, y - bag.h / 2, bag.h / 2);
    case 'cylinder':
      return ellipse(x - bag.w / 2, bag.w / 2, z - depth / 2, depth / 2);
  }
}

export function verifyLayout(bag: Interior, items: readonly VerifiableItem[], layout: readonly Layout[]): VerifyResult {
  const problems: string[] = [];
  const depth = bag.d + (bag.give ?? 0);
  const expected = items.reduce((s, it) => s + it.quantity, 0);
  if (layout.length !== expected) problems.push(`layout has ${layout.length} pieces, the kit has ${expected}`);
  const seen = new Set<string>();
  const poseCache = new Map<number, (readonly [number, number, number])[]>();
  const posesOf = (index: number, rotation: VerifiableItem['rotation']) => {
    let poses = poseCache.get(index);
    if (!poses) poseCache.set(index, (poses = allowedPoses(rotation)));
    return poses;
  };
  for (const [i, p] of layout.entries()) {
    const label = `placement ${i} (${p.name})`;
    const item = items[p.item];
    if (!item) {
      problems.push(`${label}: no item ${p.item}`);
      continue;
    }
    if (p.copy < 0 || p.copy >= item.quantity) problems.push(`${label}: copy ${p.copy} of a quantity ${item.quantity}`);
    const key = `${p.item}#${p.copy}`;
    if (seen.has(key)) problems.push(`${label}: item ${p.item} copy ${p.copy} placed twice`);
    seen.add(key);
    if (p.name !== item.name) problems.push(`${label}: name differs from item "${item.name}"`);
    const grow = item.withCase ? 2 * CASE_ALLOWANCE_MM : 0;
    const dims = [item.dims.w + grow, item.dims.h + grow, item.dims.d + grow];
    const thinnest = dims.indexOf(Math.min(...dims));
    const squeeze = item.soft?.squeeze ?? 0;
    const ext = [p.w, p.h, p.d];
    const poseOk = posesOf(p.item, item.rotation).some((pose) => pose.every((src, ax) => sideMatches(dims[src]!, ext[ax]!, src === thinnest && squeeze > 0, squeeze)));
    if (!poseOk) problems.push(`${label}: extents ${ext.join('x')} are not an allowed orientation of ${dims.join('x')}`);
    const lo = [p.x, p.y, p.z];
    const lim = [bag.w, bag.h, depth];
    for (let ax = 0; ax < 3; ax++) {
      if (!(lo[ax]! >= -EPS) || !(lo[ax]! + ext[ax]! <= lim[ax]! + EPS)) {
        problems.push(`${label}: [${lo[ax]}, ${lo[ax]! + ext[ax]!}] leaves the interior on axis ${'whd'[ax]} (0..${lim[ax]})`);
      }
    }
    if (bag.shape !== 'box') {
      for (let c = 0; c < 8; c++) {
        const cx = c & 1 ? p.x + p.w : p.x;
        const cy = c & 2 ? p.y + p.h : p.y;
        const cz = c & 4 ? p.z + p.d : p.z;
        if (!cornerInside(bag, depth, cx, cy, cz)) {
          problems.push(`${label}: corner (${cx}, ${cy}, ${cz}) is outside the ${bag.shape} interior`);
          break;
        }
      }
    }
  }
  for (let i = 0; i < layout.length; i++) {
    for (let j = i + 1; j < layout.length; j++) {
      const a = layout[i]!;
      const b = layout[j]!;
      const overlapW = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const overlapH = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      const overlapD = Math.min(a.z + a.d, b.z + b.d) - Math.max(a.z, b.z);
      if (overlapW > EPS && overlapH > EPS && overlapD > EPS) {
        problems.push(`placements ${i} (${a.name}) and ${j} (${b.name}) overlap by ${overlapW}x${overlapH}x${overlapD} mm`);
      }
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
