/**
 * A catalog's interiors laid out for "which bags hold my kit?": flat typed arrays with what the
 * classifier reads for every bag on every query (family, lengths, sorted bounding box, opening), built once per catalog version and shared by every query after it.
 * Pure data; the store caches one per database (store/fits-query.ts).
 */
import { effectiveInterior } from '../geometry/shapes.js';
import { FAMILIES, familyLengths, familyOf } from '../geometry/shape-family.js';
import type { Interior } from '../model/bag.js';

export interface FitIndexEntry {
  readonly interior: Interior;
}

export interface FitIndex {
  readonly size: number;
  /** As given (the engine applies the give itself). */
  readonly interiors: readonly Interior[];
  /** Index into FAMILIES. */
  readonly family: Uint8Array;
  /** familyLengths of the effective interior, 4 a bag. */
  readonly lengths: Float64Array;
  /** The effective interior's bounding box, sides sorted longest first, 3 a bag. */
  readonly sides: Float64Array;
  /** Its volume, mm³. */
  readonly volume: Float64Array;
  /** The opening's longer and shorter side, NaN when the bag has none, 2 a bag. */
  readonly opening: Float64Array;
  /**
   * The first row with the very same interior (family, lengths, opening): colourways of one model
   * share it, and a kit's verdict depends on nothing else, so the engine runs once for them all.
   */
  readonly twin: Int32Array;
}

export function buildFitIndex(entries: readonly FitIndexEntry[]): FitIndex {
  const n = entries.length;
  const family = new Uint8Array(n);
  const lengths = new Float64Array(4 * n);
  const sides = new Float64Array(3 * n);
  const volume = new Float64Array(n);
  const opening = new Float64Array(2 * n);
  const twin = new Int32Array(n);
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const e = effectiveInterior(entry.interior);
    family[i] = FAMILIES.indexOf(familyOf(e));
    lengths.set(familyLengths(e), 4 * i);
    const s = [e.w, e.h, e.d].sort((a, b) => b - a);
    sides.set(s, 3 * i);
    volume[i] = e.w * e.h * e.d;
    const o = e.opening;
    opening[2 * i] = o ? Math.max(o.length, o.gape) : NaN;
    opening[2 * i + 1] = o ? Math.min(o.length, o.gape) : NaN;
    const key = `${family[i]}|${lengths.subarray(4 * i, 4 * i + 4).join(',')}|${opening[2 * i]},${opening[2 * i + 1]}`;
    twin[i] = seen.get(key) ?? i;
    if (twin[i] === i) seen.set(key, i);
  });
  return { size: n, interiors: entries.map((e) => e.interior), family, lengths, sides, volume, opening, twin };
}
