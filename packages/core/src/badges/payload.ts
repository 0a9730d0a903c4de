/**
 * A bag's badges as one compact text, stored in one row per bag (store migration 004): a segment
 * per subject slot, joined by "|", slot k holding the badge of the subject at position k of the
 * badge_subjects table. Positions are handed out once and never reused, so a payload written
 * before a subject was added or dropped still reads right (its extra or missing slots are holes).
 *
 * A segment is its verdict in one character, then for a fit the layout that proves it:
 * - ""                    no badge in this slot (a hole, or a subject dropped since)
 * - "N" / "U"             does not fit / undecided
 * - "F" + single          one item alone: its orientation's index in ORIENTATION_CODES (one
 *                         digit), "s" if squeezed. Its extents follow from the item's dims, its
 *                         position from bestSpotAlone (a pure function of the interior and the
 *                         extents, the one that placed it before the verifier accepted it), so the
 *                         reader rebuilds exactly the verified layout; a row is read only for the
 *                         interior it was written for (its bag_hash)
 * - "F" + kit             a kit: encodeLayout's JSON tuples (they start with "[")
 * Neither form holds "|", so segments split without escaping.
 */
import { ORIENTATION_CODES, orient, type OrientationCode } from '../geometry/orientation.js';
import { bestSpotAlone, effectiveInterior } from '../geometry/shapes.js';
import type { Interior } from '../model/bag.js';
import { FITS, TOO_SMALL, UNDECIDED } from '../catalog/fit-classify.js';
import type { Placement } from '../model/fit.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';
import { decodeLayout } from './layout-code.js';

export const SEGMENT_SEPARATOR = '|';

/** The verdict character of a segment, by fit-classify.ts code, and back. */
export const VERDICT_CHAR: Readonly<Record<number, string>> = { [FITS]: 'F', [TOO_SMALL]: 'N', [UNDECIDED]: 'U' };
export const CODE_OF_CHAR: Readonly<Record<string, number>> = { F: FITS, N: TOO_SMALL, U: UNDECIDED };

/** The fitting segment of one item alone in an orientation, squeezed or not. */
export function singleFitSegment(code: OrientationCode, squeezed: boolean): string {
  return `F${ORIENTATION_CODES.indexOf(code)}${squeezed ? 's' : ''}`;
}

/** A segment's verdict code (FITS, TOO_SMALL, UNDECIDED), or null for a hole or an unknown one. */
export function segmentVerdict(segment: string): number | null {
  return segment === '' ? null : (CODE_OF_CHAR[segment[0]!] ?? null);
}

/**
 * The placements a fitting segment stands for in the bag's interior (the one its row was written
 * for), named from the subject's items; null when the segment is not a fit or does not parse.
 */
export function segmentLayout(segment: string, items: readonly Item[], interior: Interior): Placement[] | null {
  if (segment[0] !== 'F') return null;
  const body = segment.slice(1);
  if (body.startsWith('[')) return decodeLayout(body, items);
  const item = items[0];
  const code = ORIENTATION_CODES[Number(body[0])];
  if (!item || items.length !== 1 || !code || (body.length > 1 && body.slice(1) !== 's')) return null;
  const [w, h, d] = orient(body.length > 1 ? squeezedDims(item) : packedDims(item), code);
  const spot = bestSpotAlone(effectiveInterior(interior), w, h, d);
  return spot ? [{ name: item.name, item: 0, copy: 0, orientation: code, x: spot[0], y: spot[1], z: spot[2], w, h, d }] : null;
}

/** One subject of the badge_subjects table, as the payloads' readers need it. */
export interface SubjectSlot {
  readonly subject_id: string;
  readonly position: number;
  /** subjectHash of the subject when its badges were last recomputed; "" for a dropped subject. */
  readonly hash: string;
  /** The run (epoch) that recomputed it last: a bag row written at an earlier epoch has a stale slot. */
  readonly since: number;
}

/** A bag's stored row, as the payloads' readers need it. */
export interface StoredBagBadges {
  readonly bag_hash: string;
  readonly epoch: number;
  readonly payload: string;
}

/**
 * The current segment of each wanted subject in a bag's row, by subject id: current when the row
 * is for the bag's interior as it is now, the subject's slot holds the subject as it is now
 * (same hash), and the row was written at or after the slot's last recomputation. Others are
 * absent (the caller computes them).
 */
export function currentSegments(
  row: StoredBagBadges | null,
  bagHashNow: string,
  slots: readonly SubjectSlot[],
  wanted: readonly { readonly id: string; readonly hash: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (!row || row.bag_hash !== bagHashNow) return out;
  const byId = new Map(slots.map((s) => [s.subject_id, s]));
  const segments = row.payload.split(SEGMENT_SEPARATOR);
  for (const w of wanted) {
    const slot = byId.get(w.id);
    if (!slot || slot.hash !== w.hash || slot.since > row.epoch) continue;
    const seg = segments[slot.position];
    if (seg !== undefined && segmentVerdict(seg) !== null) out.set(w.id, seg);
  }
  return out;
}
