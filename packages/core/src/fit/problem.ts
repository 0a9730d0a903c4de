import { distinctOrientations, type Orientation } from '../geometry/orientation.js';
import { leq } from '../geometry/tolerance.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';

/**
 * The engine's working form of a fit question: every copy of every item is one piece, with the
 * orientations it may take (deduplicated, and only those that fit the interior on their own).
 */
export interface Piece {
  /** Index of the source item in the input, and which copy of it. */
  readonly item: number;
  readonly copy: number;
  readonly name: string;
  /** All allowed orientations, then the subset that fits the empty interior. */
  readonly allOrients: readonly Orientation[];
  readonly orients: readonly Orientation[];
  readonly volume: number;
  /** Over the feasible orientations, the least extent along each axis (w, h, d). */
  readonly minExt: readonly [number, number, number];
  /** Pieces with equal keys are interchangeable (same extents, same orientation set). */
  readonly key: string;
}

export interface PackProblem {
  /** Interior lengths along w, h, d, mm. */
  readonly L: readonly [number, number, number];
  readonly pieces: readonly Piece[];
}

/** A solution: for each piece, the index into its `orients` and its min corner. */
export interface Packing {
  readonly orient: readonly number[];
  readonly pos: readonly (readonly [number, number, number])[];
}

/**
 * Pieces for a list of items in an interior whose bounding lengths are L. `squeezed`: soft items
 * take their squeezed dims (the smallest they can be, so bounds on them are proofs); otherwise
 * every item keeps its full size (the nicer layout, tried first by the quick packer).
 */
export function toProblem(items: readonly Item[], L: readonly [number, number, number], squeezed: boolean): PackProblem {
  const pieces: Piece[] = [];
  items.forEach((item, index) => {
    const dims = squeezed ? squeezedDims(item) : packedDims(item);
    const allOrients = distinctOrientations(dims, item.rotation);
    const orients = allOrients.filter((o) => leq(o.ext[0], L[0]) && leq(o.ext[1], L[1]) && leq(o.ext[2], L[2]));
    // Interchangeable pieces have the same set of allowed extents. For the common "all" rule the
    // sorted dims say so without listing the set; the prefixes keep the two forms from ever
    // colliding (a fixed 2x3x3 is not a free 2x3x3). Equal keys must mean interchangeable; the
    // converse is not needed (missing a twin only weakens symmetry breaking).
    const key =
      item.rotation === 'all'
        ? `all:${[...dims].sort((a, b) => a - b).join('x')}`
        : `set:${allOrients
            .map((o) => o.ext.join('x'))
            .sort()
            .join('|')}`;
    const minExt: [number, number, number] = [Infinity, Infinity, Infinity];
    for (const o of orients) for (let ax = 0; ax < 3; ax++) minExt[ax] = Math.min(minExt[ax]!, o.ext[ax]!);
    const volume = dims[0] * dims[1] * dims[2];
    for (let copy = 0; copy < item.quantity; copy++) {
      pieces.push({ item: index, copy, name: item.name, allOrients, orients, volume, minExt, key });
    }
  });
  return { L, pieces };
}

/** Does any item have a squeeze to give? */
export function hasSoftItems(items: readonly Item[]): boolean {
  return items.some((it) => (it.soft?.squeeze ?? 0) > 0);
}
