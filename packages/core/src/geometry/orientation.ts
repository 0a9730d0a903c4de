/**
 * Axis-aligned orientations of a box.
 *
 * An orientation is written as three letters: which of the item's own axes (w, h, d as recorded,
 * h being "upright") lies along the bag's w, h and d axes. "whd" keeps the recorded pose; "dhw"
 * turns the item a quarter turn about the vertical; "hwd" lays it on its side.
 */
export const ORIENTATION_CODES = ['whd', 'wdh', 'hwd', 'hdw', 'dwh', 'dhw'] as const;
export type OrientationCode = (typeof ORIENTATION_CODES)[number];

/** The six orientations as index permutations: entry a is the item axis (0 w, 1 h, 2 d) along bag axis a. */
export const AXIS_PERMUTATIONS: readonly (readonly [number, number, number])[] = ORIENTATION_CODES.map(
  (code) => [...code].map((c) => 'whd'.indexOf(c)) as [number, number, number],
);

/** Extents along the bag's w, h, d axes, in mm. */
export type Extents = readonly [number, number, number];

/** The rotation rule of an item: all six, upright only (turn about the vertical), fixed, or a list. */
export type RotationRule = 'all' | 'upright' | 'fixed' | readonly OrientationCode[];

const AXIS_INDEX = { w: 0, h: 1, d: 2 } as const;

/** The extents of an item of dims (w, h, d) in the given orientation. */
export function orient(dims: Extents, code: OrientationCode): [number, number, number] {
  const a = AXIS_INDEX[code[0] as 'w' | 'h' | 'd'];
  const b = AXIS_INDEX[code[1] as 'w' | 'h' | 'd'];
  const c = AXIS_INDEX[code[2] as 'w' | 'h' | 'd'];
  return [dims[a], dims[b], dims[c]];
}

export function allowedCodes(rule: RotationRule): readonly OrientationCode[] {
  if (rule === 'all') return ORIENTATION_CODES;
  if (rule === 'upright') return ['whd', 'dhw'];
  if (rule === 'fixed') return ['whd'];
  return rule;
}

export interface Orientation {
  readonly code: OrientationCode;
  readonly ext: [number, number, number];
}

/**
 * The distinct orientations an item may take: a cube has one, a lipstick's bounding box three,
 * a card six. Duplicates are dropped because they would only multiply the search.
 */
export function distinctOrientations(dims: Extents, rule: RotationRule): Orientation[] {
  const out: Orientation[] = [];
  for (const code of allowedCodes(rule)) {
    const ext = orient(dims, code);
    if (!out.some((o) => o.ext[0] === ext[0] && o.ext[1] === ext[1] && o.ext[2] === ext[2])) {
      out.push({ code, ext });
    }
  }
  return out;
}
