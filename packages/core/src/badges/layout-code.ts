/**
 * A badge's layout in a compact text form for storage: millions of badges are written, so each
 * placement is a JSON tuple [item, copy, orientation, x, y, z, w, h, d] (mm) rather than an object
 * with its names; the item's name is the subject's, restored on reading.
 */
import { ORIENTATION_CODES, type OrientationCode } from '../geometry/orientation.js';
import type { Placement } from '../model/fit.js';
import type { Item } from '../model/item.js';

type Tuple = [number, number, OrientationCode, number, number, number, number, number, number];

export function encodeLayout(placements: readonly Placement[]): string {
  return JSON.stringify(placements.map((p): Tuple => [p.item, p.copy, p.orientation, p.x, p.y, p.z, p.w, p.h, p.d]));
}

/** The placements of an encoded layout, named from the subject's items; null when the text is not one. */
export function decodeLayout(text: string, items: readonly Pick<Item, 'name'>[]): Placement[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(raw)) return null;
  const out: Placement[] = [];
  for (const t of raw) {
    if (!Array.isArray(t) || t.length !== 9) return null;
    const [item, copy, orientation, ...nums] = t as unknown[];
    const it = typeof item === 'number' ? items[item] : undefined;
    if (!it || typeof copy !== 'number' || !ORIENTATION_CODES.includes(orientation as OrientationCode) || !nums.every((n) => typeof n === 'number')) return null;
    const [x, y, z, w, h, d] = nums as number[];
    out.push({ name: it.name, item: item as number, copy, orientation: orientation as OrientationCode, x: x!, y: y!, z: z!, w: w!, h: h!, d: d! });
  }
  return out;
}
