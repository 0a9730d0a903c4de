/**
 * "Which of these bags hold my kit?" over many bags, fast and exact.
 *
 * 1. A necessary condition a database can index (`kitBounds`): a box fits in a box only if its
 *    sorted sides are no longer than the box's sorted sides, so every bag must have, over its
 *    interior's bounding box (give included) sorted s1 >= s2 >= s3, each at least the largest
 *    such side of any item, and at least the kit's volume. The store filters on these columns.
 * 2. Reuse of layouts already found: a layout that fits a box W x H x D fits, translated, any box
 *    at least that long on each axis (a box interior, or a box inscribed in a shaped one), and,
 *    when every item may take all six orientations, with its axes permuted too. So each layout the engine finds answers at once
 *    for every later bag that dominates its bounding box; the kit stacked flat (each item on its
 *    thinnest side, piled up) is such a layout from the start. Reused layouts are checked by the
 *    verifier like any other.
 * 3. The exact engine on the rest, with a per-bag time budget; undecided bags are counted, not
 *    shown as fitting.
 */
import { fit } from '../fit/fit.js';
import { openingOvershoot } from '../fit/opening.js';
import { verifyLayout } from '../fit/verify.js';
import { effectiveInterior, innerBoxes } from '../geometry/shapes.js';
import { AXIS_PERMUTATIONS } from '../geometry/orientation.js';
import { EPS } from '../geometry/tolerance.js';
import type { CatalogBag } from '../model/catalog.js';
import type { Placement } from '../model/fit.js';
import { squeezedDims, type Item } from '../model/item.js';
import type { Interior } from '../model/bag.js';

export interface KitBounds {
  readonly s1: number;
  readonly s2: number;
  readonly s3: number;
  readonly volume: number;
}

const sortDesc = (v: readonly number[]) => [...v].sort((a, b) => b - a) as [number, number, number];

/** The necessary condition on a bag's sorted interior bounding box (see the file's comment). */
export function kitBounds(items: readonly Item[]): KitBounds {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let volume = 0;
  for (const it of items) {
    const [a, b, c] = sortDesc(squeezedDims(it));
    s1 = Math.max(s1, a);
    s2 = Math.max(s2, b);
    s3 = Math.max(s3, c);
    volume += it.quantity * a * b * c;
  }
  return { s1, s2, s3, volume };
}

/** A bag's sorted interior bounding box with its give: what the store indexes as fit_s1..3, fit_volume. */
export function interiorBounds(interior: Interior): KitBounds {
  const e = effectiveInterior(interior);
  const [s1, s2, s3] = sortDesc([e.w, e.h, e.d]);
  return { s1, s2, s3, volume: s1 * s2 * s3 };
}

/** How many inscribed boxes the catalog indexes per bag. */
export const INDEXED_BOXES = 3;

/**
 * The sorted sides of the boxes inscribed in an interior that the catalog indexes: the interior's
 * own box (give included), or for a shaped interior three of `innerBoxes`: the largest, the one
 * with the longest shortest side, and the one with the longest side (a round bag holds a flat
 * phone and a chunky compact in different boxes). A kit layout whose sorted bounding box fits
 * within one of them fits the bag. Always INDEXED_BOXES entries (repeats when fewer differ).
 */
export function inscribedBounds(interior: Interior): KitBounds[] {
  const e = effectiveInterior(interior);
  const boxes = e.shape === 'box' ? [e] : innerBoxes(e);
  if (boxes.length === 0) return Array.from({ length: INDEXED_BOXES }, () => ({ s1: 0, s2: 0, s3: 0, volume: 0 }));
  const sides = boxes.map((b) => sortDesc([b.w, b.h, b.d]));
  const best = (score: (s: readonly number[]) => number) => sides.reduce((a, b) => (score(b) > score(a) ? b : a));
  const chosen = [best((s) => s[0]! * s[1]! * s[2]!), best((s) => s[2]!), best((s) => s[0]!)];
  return chosen.map(([s1, s2, s3]) => ({ s1, s2, s3, volume: s1 * s2 * s3 }));
}

/**
 * A sufficient condition for a kit to fit, which a database can count without the engine: the
 * bag's inscribed boxes (inscribedBounds) holds one of the kit's own layouts (kitEnvelopes), and
 * its opening, if any, passes every item end first (its two shorter sides within the opening's
 * length and gape). Only for kits whose items may all turn every way (the layout is then placed
 * with its axes permuted to match the box); null otherwise.
 */
export interface SureBounds {
  /** Sorted sides of each kit layout; a bag is sure when one of its inscribed boxes holds any one of them. */
  readonly envelopes: readonly (readonly [number, number, number])[];
  /** What the opening must admit (see openingNeeds). */
  readonly pass_long: number;
  readonly pass_short: number;
}

/**
 * What an opening must admit for every item to pass it (exactly, not only as a bound): an item
 * with sides a >= b >= c passes through its b x c cross-section if through any, so the whole kit
 * passes iff the opening's longer side is at least the largest b and its shorter side at least
 * the largest c (squeezed sizes, as the engine's opening test).
 */
export function openingNeeds(items: readonly Item[]): { pass_long: number; pass_short: number } {
  let long = 0;
  let short = 0;
  for (const it of items) {
    const [, b, c] = sortDesc(squeezedDims(it));
    long = Math.max(long, b);
    short = Math.max(short, c);
  }
  return { pass_long: long, pass_short: short };
}

export function sureBounds(items: readonly Item[]): SureBounds | null {
  if (!items.every((it) => it.rotation === 'all')) return null;
  return { envelopes: kitEnvelopes(items).map((e) => sortDesc(e.ext)), ...openingNeeds(items) };
}

export function meetsBounds(bag: KitBounds, kit: KitBounds): boolean {
  return bag.s1 + EPS >= kit.s1 && bag.s2 + EPS >= kit.s2 && bag.s3 + EPS >= kit.s3 && bag.volume * (1 + 1e-9) >= kit.volume;
}

export interface SearchFitsOptions {
  readonly sort: 'price' | 'volume' | 'fit' | 'input';
  readonly limit: number;
  readonly offset: number;
  /** The engine's budget for each bag it has to run on, ms. */
  readonly perBagMs?: number;
  /**
   * And in search nodes (default PER_BAG_NODES): a listing shows proven fits only, so a bag the
   * engine cannot settle quickly (a tight kit in a curved bag, typically) is counted as undecided
   * rather than allowed to hold up the whole query.
   */
  readonly perBagNodes?: number;
  readonly now?: () => number;
}

export interface SearchHit {
  readonly bag: CatalogBag;
  readonly placements: Placement[];
  /** The kit's volume over the interior's: how snugly it fits. */
  readonly fill: number;
}

export interface SearchFitsResult {
  readonly hits: SearchHit[];
  /** Bags that hold the kit, over all pages. */
  readonly total: number;
  /** Bags the engine could not settle within perBagMs (curved walls, or a hard kit). */
  readonly undecided: number;
  readonly stats: { readonly candidates: number; readonly engine_calls: number; readonly reused: number };
}

/** A layout of the kit and its bounding box, mm. */
export interface Envelope {
  readonly ext: readonly [number, number, number];
  readonly placements: readonly Placement[];
}

export const PER_BAG_NODES = 5000;

export function searchFits(bags: readonly CatalogBag[], items: readonly Item[], opts: SearchFitsOptions): SearchFitsResult {
  const kit = kitBounds(items);
  const free = items.every((it) => it.rotation === 'all');
  const envelopes: Envelope[] = kitEnvelopes(items);
  const hits: SearchHit[] = [];
  let undecided = 0;
  let engineCalls = 0;
  let reused = 0;
  for (const bag of bags) {
    if (!meetsBounds(interiorBounds(bag.interior), kit)) continue;
    const interior = effectiveInterior(bag.interior);
    const opening = interior.opening;
    if (opening && items.some((it) => openingOvershoot(squeezedDims(it), opening.length, opening.gape) > EPS)) continue;
    const fill = kit.volume / (interior.w * interior.h * interior.d);
    const layout = reuse(envelopes, interior, free, bag, items);
    if (layout) {
      reused++;
      hits.push({ bag, placements: layout, fill });
      continue;
    }
    engineCalls++;
    const options = { timeLimitMs: opts.perBagMs ?? 200, nodeLimit: opts.perBagNodes ?? PER_BAG_NODES };
    const r = fit({ bag: bag.interior, items: [...items], options }, opts.now ? { now: opts.now } : {});
    if (r.verdict === 'fits') {
      hits.push({ bag, placements: r.placements, fill });
      // A layout from a box bag starts at the origin; one from a shaped bag would be offset.
      if (interior.shape === 'box') learn(envelopes, envelopeOf(r.placements), free);
    } else if (r.verdict === 'undecided') undecided++;
  }
  if (opts.sort === 'fit') hits.sort((a, b) => b.fill - a.fill || (a.bag.price_usd ?? Infinity) - (b.bag.price_usd ?? Infinity));
  return {
    hits: hits.slice(opts.offset, opts.offset + opts.limit),
    total: hits.length,
    undecided,
    stats: { candidates: bags.length, engine_calls: engineCalls, reused },
  };
}

/**
 * Layouts of the kit alone, as compact as the quick packer makes them in a few shapes of room:
 * the kit stacked flat, and the kit laid out in rooms whose depth, or depth and height, are held
 * to lengths of the kit's own sides. Keeps those no other beats on every side.
 * Deterministic: the database's sure condition and the layouts reused for it come from here.
 */
export function kitEnvelopes(items: readonly Item[]): Envelope[] {
  const all: Envelope[] = [stackedLayout(items)];
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

/** Layouts kept for reuse at most: each bag tries every one, so the list must stay short. */
const MAX_ENVELOPES = 24;

/** Keeps a new layout unless one already kept is as small on every side (sorted, for a free kit). */
function learn(envelopes: Envelope[], env: Envelope, free: boolean): void {
  if (envelopes.length >= MAX_ENVELOPES) return;
  const key = (e: Envelope) => (free ? sortDesc(e.ext) : e.ext);
  const k = key(env);
  if (envelopes.some((e) => key(e).every((v, i) => v <= k[i]! + EPS))) return;
  envelopes.push(env);
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

function envelopeOf(placements: readonly Placement[]): Envelope {
  const ext: [number, number, number] = [0, 0, 0];
  for (const p of placements) {
    ext[0] = Math.max(ext[0], p.x + p.w);
    ext[1] = Math.max(ext[1], p.y + p.h);
    ext[2] = Math.max(ext[2], p.z + p.d);
  }
  return { ext, placements };
}


/**
 * A known layout that fits this interior as it is, or with its axes permuted: inside the box
 * itself, or, for a shaped interior, inside one of the boxes inscribed in it (shifted there).
 * Always checked by the verifier, so a reuse can only miss, never be wrong.
 */
function reuse(envelopes: readonly Envelope[], interior: Interior, free: boolean, bag: CatalogBag, items: readonly Item[]): Placement[] | null {
  const spaces = interior.shape === 'box' ? [{ x: 0, y: 0, z: 0, w: interior.w, h: interior.h, d: interior.d }] : innerBoxes(interior);
  for (const env of envelopes) {
    for (const space of spaces) {
      const L = [space.w, space.h, space.d];
      for (const perm of free ? AXIS_PERMUTATIONS : AXIS_PERMUTATIONS.slice(0, 1)) {
        // perm[a] = which layout axis lies along bag axis a.
        if (!(env.ext[perm[0]]! <= L[0]! + EPS && env.ext[perm[1]]! <= L[1]! + EPS && env.ext[perm[2]]! <= L[2]! + EPS)) continue;
        const placements = env.placements.map((p) => shift(permute(p, perm, items), space));
        if (verifyLayout(bag.interior, items, placements).ok) return placements;
      }
    }
  }
  return null;
}

function shift(p: Placement, by: { x: number; y: number; z: number }): Placement {
  return by.x === 0 && by.y === 0 && by.z === 0 ? p : { ...p, x: p.x + by.x, y: p.y + by.y, z: p.z + by.z };
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
