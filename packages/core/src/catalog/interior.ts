/**
 * A bag's usable interior from its exterior and its construction, and the reverse for designers.
 *
 * No source publishes interior sizes. The shared data's rules of thumb, whose middles we take:
 *   soft leather or fabric   1-2 mm per wall        -> 1.5 mm per wall
 *   structured leather       3-5 mm per wall        -> 4 mm per wall
 *   rigid minaudière / box   structured, then 5-10 mm more off the height (frame, hinge) -> 7.5 mm
 * Every interior computed here is marked `derived`.
 *
 * Construction of a catalog bag, which the data does not record, is read from its material and
 * model (`constructionOf`): metal, resin, acrylic, crystal or a minaudière is rigid; coated canvas,
 * Epsom, box calf, patent and the Kelly/Roulis/Lady Dior families are structured; the rest soft.
 *
 * Openings, also unpublished, follow the closure: a flap or an open top gives the whole top; a zip
 * stops about 5 mm short of each end and gapes to the full depth; a frame (clasp, kiss-lock)
 * opens 80% of the width and gapes 70% of the depth; a drawstring gathers to 80% and 80%.
 */
import type { BagRecord } from './records.js';
import type { Construction, Interior, Opening } from '../model/bag.js';
import type { Dims } from '../model/dims.js';

export const WALL_MM: Record<Construction, number> = { soft: 1.5, structured: 4, rigid: 4 };
/** Extra height a rigid frame or hinge takes, mm. */
export const RIGID_FRAME_MM = 7.5;
/** The narrow edge of a trapezoid bag, as a fraction of its wide edge, when not published. */
export const TRAPEZOID_NARROW_RATIO = 0.75;

/** Kept for callers that only need the one-number rule: the structured wall. */
export const WALL_ALLOWANCE_MM = WALL_MM.structured;

const MIN_MM = 0.1;

/** Interior box dims from exterior dims. */
export function interiorDims(exterior: Dims, construction: Construction): Dims {
  const wall = 2 * WALL_MM[construction];
  const frame = construction === 'rigid' ? RIGID_FRAME_MM : 0;
  return {
    w: Math.max(exterior.w - wall, MIN_MM),
    h: Math.max(exterior.h - wall - frame, MIN_MM),
    d: Math.max(exterior.d - wall, MIN_MM),
  };
}

/** The exterior a designer must build around an interior box. */
export function exteriorDims(interior: Dims, construction: Construction): Dims {
  const wall = 2 * WALL_MM[construction];
  const frame = construction === 'rigid' ? RIGID_FRAME_MM : 0;
  return { w: interior.w + wall, h: interior.h + wall + frame, d: interior.d + wall };
}

/** What the interior rules read of a bag: a catalog record, a feed's draft, a stored bag. */
export type InteriorSource = Pick<BagRecord, 'exterior' | 'shape' | 'closure' | 'material' | 'model'> & { construction?: Construction | undefined };

export function constructionOf(bag: Pick<InteriorSource, 'material' | 'model' | 'construction'>): Construction {
  if (bag.construction) return bag.construction;
  const m = `${bag.material} ${bag.model}`.toLowerCase();
  if (/metal|resin|acrylic|crystal|brass|minaudi|plexi/.test(m)) return 'rigid';
  if (/coated canvas|epsom|box calf|patent|kelly|roulis|lady dior|vanity/.test(m)) return 'structured';
  return 'soft';
}

export function openingFor(closure: BagRecord['closure'], inside: Dims): Opening | undefined {
  switch (closure) {
    case 'flap':
    case 'open':
      return undefined;
    case 'zip':
      return { length: Math.max(inside.w - 10, MIN_MM), gape: inside.d };
    case 'clasp':
    case 'kiss-lock':
      return { length: 0.8 * inside.w, gape: 0.7 * inside.d };
    case 'drawstring':
      return { length: 0.8 * inside.w, gape: 0.8 * inside.d };
  }
}

/** A bag's interior: shape, dims (published, or derived from the exterior), opening. Novelty shapes are taken as round, the ellipse inside their bounding box. */
export function bagInterior(bag: InteriorSource, published?: Dims): Interior {
  const inside = published ?? interiorDims(bag.exterior, constructionOf(bag));
  const opening = openingFor(bag.closure, inside);
  const base = { ...inside, derived: published === undefined, ...(opening ? { opening } : {}) };
  switch (bag.shape) {
    case 'box':
      return { shape: 'box', ...base };
    case 'trapezoid':
      return { shape: 'trapezoid', ...base, w_narrow: inside.w * TRAPEZOID_NARROW_RATIO, narrow_at: 'top' };
    case 'half-moon':
      return { shape: 'half-moon', ...base };
    case 'round':
    case 'novelty':
      return { shape: 'round', ...base };
    case 'cylinder':
      return { shape: 'cylinder', ...base };
  }
}

/** Until a caller knows the construction: the structured rule on a box. */
export function interiorFromExterior(exterior: Dims): Interior {
  return { shape: 'box', ...interiorDims(exterior, 'structured'), derived: true };
}
