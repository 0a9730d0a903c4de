/**
 * Layouts of a kit on its own, to be reused in any space at least their size: a layout that fits
 * a box W x H x D fits, moved there, any box at least that long on each axis (a box interior, or a
 * box inscribed in a shaped one) and, when every item may take all six orientations, with its axes
 * permuted too. Whoever reuses one still checks it with the verifier before showing it.
 */
import { fit } from '../fit/fit.js';
import { EPS } from '../geometry/tolerance.js';
import type { Placement } from '../model/fit.js';
import { squeezedDims, type Item } from '../model/item.js';
import { kitBounds, sortDesc } from './kit-bounds.js';

/** A layout of the kit and its bounding box, mm (the layout starts at the origin). */
export interface Envelope {
  readonly ext: readonly [number, number, number];
  readonly placements: readonly Placement[];
}

/**
 * Layouts of the kit alone, as compact as the quick packer makes them in a few shapes of room:
 * the kit stacked flat, and the kit laid out in rooms whose depth, or depth and height, are held
 * to lengths of the kit's own sides. Keeps those no other beats on every side.
 * Deterministic: the database's sure condition and the layouts reused for it come from here.
 */
export function kitEnvelopes(items: readonly Item[]): Envelope[] {
  // The stack turns items onto their thinnest side, which only free items may take.
  const all: Envelope[] = items.every((it) => it.rotation === 'all') ? [stackedLayout(items)] : [];
  const bounds = kitBounds(items);
  const room = items.reduce((s, it) => s + it.quantity * sortDesc(squeezedDims(it))[0], 0) + bounds.s1;
  // Rooms capped on one or two sides at lengths a layout often needs: the kit's own sides.
  const caps = [...new Set([bounds.s3, (bounds.s2 + bounds.s3) / 2, bounds.s2, bounds.s1])].filter((c) => c > 0);
  const shapes: [number, number, number][] = [];
  for (const d of caps) {
    shapes.push([room, room, d]);
    for (const h of caps) if (h >= d) shapes.push([room, h, d]);
  }
  for (const [w, h, d] of shapes) {
    const r = fit({ bag: { shape: 'box', w, h, d }, items: [...items], options: { timeLimitMs: 5, nodeLimit: 2000 } });
    if (r.verdict === 'fits') all.push(envelopeOf(r.placements));
  }
  const sorted = all.map((e) => ({ e, s: sortDesc(e.ext) }));
  const dominated = (a: readonly number[], b: readonly number[]) => a[0]! >= b[0]! - EPS && a[1]! >= b[1]! - EPS && a[2]! >= b[2]! - EPS;
  const keep = sorted.filter((x, i) => !sorted.some((y, j) => j !== i && dominated(x.s, y.s) && (!dominated(y.s, x.s) || j < i)));
  return keep.map((x) => x.e);
}

/** Each item on its thinnest side, longest side along w, piled up along d. */
function stackedLayout(items: readonly Item[]): Envelope {
  const placements: Placement[] = [];
  let z = 0;
  let w = 0;
  let h = 0;
  items.forEach((it, index) => {
    const [a, b, c] = sortDesc(squeezedDims(it));
    for (let copy = 0; copy < it.quantity; copy++) {
      placements.push({ name: it.name, item: index, copy, orientation: 'whd', x: 0, y: 0, z, w: a, h: b, d: c });
      z += c;
    }
    w = Math.max(w, a);
    h = Math.max(h, b);
  });
  // The orientation codes are filled in when the layout is used (they depend on the item's dims).
  return { ext: [w, h, z], placements };
}

export function envelopeOf(placements: readonly Placement[]): Envelope {
  const ext: [number, number, number] = [0, 0, 0];
  for (const p of placements) {
    ext[0] = Math.max(ext[0], p.x + p.w);
    ext[1] = Math.max(ext[1], p.y + p.h);
    ext[2] = Math.max(ext[2], p.z + p.d);
  }
  return { ext, placements };
}

/** The layout moved into a space: its axes permuted (perm[a] = the layout axis along space axis a), then shifted to the space's corner. */
export function placeEnvelope(env: Envelope, perm: readonly [number, number, number], at: readonly [number, number, number], items: readonly Item[]): Placement[] {
  return env.placements.map((p) => shift(permute(p, perm, items), at));
}

function shift(p: Placement, by: readonly [number, number, number]): Placement {
  return by[0] === 0 && by[1] === 0 && by[2] === 0 ? p : { ...p, x: p.x + by[0], y: p.y + by[1], z: p.z + by[2] };
}

function permute(p: Placement, perm: readonly [number, number, number], items: readonly Item[]): Placement {
  const lo = [p.x, p.y, p.z];
  const ext = [p.w, p.h, p.d];
  const w = ext[perm[0]]!;
  const h = ext[perm[1]]!;
  const d = ext[perm[2]]!;
  return { ...p, orientation: orientationCode(items[p.item]!, [w, h, d]), x: lo[perm[0]]!, y: lo[perm[1]]!, z: lo[perm[2]]!, w, h, d };
}

/** The code of the pose that gives these extents (for the record; the verifier checks the extents). */
function orientationCode(item: Item, ext: readonly number[]): Placement['orientation'] {
  const dims = squeezedDims(item);
  const names = ['w', 'h', 'd'] as const;
  const used = new Set<number>();
  const code = ext.map((e) => {
    let best = 0;
    let bestDiff = Infinity;
    dims.forEach((v, i) => {
      if (!used.has(i) && Math.abs(v - e) < bestDiff) {
        bestDiff = Math.abs(v - e);
        best = i;
      }
    });
    used.add(best);
    return names[best];
  });
  return code.join('') as Placement['orientation'];
}
