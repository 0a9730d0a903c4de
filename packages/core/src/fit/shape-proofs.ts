/**
 * The two proofs of "no" that hold for any interior shape, cheap enough to try on every bag of a
 * catalog before the engine is set up: an item that fits nowhere on its own (the exact
 * single-box test, shapes.ts), and a kit larger than the shape's volume. The engine (fit.ts)
 * starts with them; the catalog classifier runs them inline.
 */
import { bestSpotAlone, shapeVolume } from '../geometry/shapes.js';
import { VOLUME_REL_EPS } from '../geometry/tolerance.js';
import type { Interior } from '../model/bag.js';
import type { Piece } from './problem.js';

/** No orientation of the piece fits the shape on its own. */
export function aloneFails(bag: Interior, piece: Pick<Piece, 'allOrients'>): boolean {
  return !piece.allOrients.some((o) => bestSpotAlone(bag, o.ext[0], o.ext[1], o.ext[2]));
}

/** The pieces' volume exceeds the shape's (beyond float noise). */
export function volumeFails(bag: Interior, piecesVolume: number): boolean {
  return piecesVolume > shapeVolume(bag) * (1 + VOLUME_REL_EPS);
}
