/**
 * A bag's usable interior from its exterior, until interiors are derived from construction.
 *
 * No source publishes interior sizes. The shared data's rules of thumb are 1-2 mm per wall for
 * soft leather or fabric and 3-5 mm for structured leather; we take 3 mm per wall (6 mm off each
 * axis) for every bag, the middle of that range, and mark the result `derived`.
 */
import type { Interior } from '../model/bag.js';
import type { Dims } from '../model/dims.js';

/** mm taken off each wall (so twice this off each axis). */
export const WALL_ALLOWANCE_MM = 3;

export function interiorFromExterior(exterior: Dims): Interior {
  const off = 2 * WALL_ALLOWANCE_MM;
  return {
    shape: 'box',
    w: Math.max(exterior.w - off, 0.1),
    h: Math.max(exterior.h - off, 0.1),
    d: Math.max(exterior.d - off, 0.1),
    derived: true,
  };
}
