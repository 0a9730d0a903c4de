/**
 * The independent verifier: does a layout really put every item in the bag, each in an allowed
 * orientation, with no two overlapping? It shares nothing with the packer but the tolerance, so
 * that a bug in the engine cannot vouch for itself. Every `fits` the engine returns passes here.
 */
import { EPS, isClose } from '../geometry/tolerance.js';
import type { Interior } from '../model/bag.js';
import type { Placement } from '../model/fit.js';
import type { Item } from '../model/item.js';

export type VerifyResult = { ok: true } | { ok: false; problems: string[] };

type Layout = Pick<Placement, 'item' | 'copy' | 'name' | 'x' | 'y' | 'z' | 'w' | 'h' | 'd'>;
type VerifiableItem = Pick<Item, 'name' | 'dims' | 'quantity' | 'rotation'>;

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

export function verifyLayout(bag: Interior, items: readonly VerifiableItem[], layout: readonly Layout[]): VerifyResult {
  const problems: string[] = [];
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
    const dims = [item.dims.w, item.dims.h, item.dims.d];
    const ext = [p.w, p.h, p.d];
    const poseOk = posesOf(p.item, item.rotation).some((pose) => pose.every((src, ax) => isClose(dims[src]!, ext[ax]!)));
    if (!poseOk) problems.push(`${label}: extents ${ext.join('x')} are not an allowed orientation of ${dims.join('x')}`);
    const lo = [p.x, p.y, p.z];
    const lim = [bag.w, bag.h, bag.d];
    for (let ax = 0; ax < 3; ax++) {
      if (!(lo[ax]! >= -EPS) || !(lo[ax]! + ext[ax]! <= lim[ax]! + EPS)) {
        problems.push(`${label}: [${lo[ax]}, ${lo[ax]! + ext[ax]!}] leaves the interior on axis ${'whd'[ax]} (0..${lim[ax]})`);
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
