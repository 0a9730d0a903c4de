/**
 * A bag's badges as one compact text, stored in one row per bag (store migration 004): one
 * character per subject slot, slot k holding the badge of the subject at position k of the
 * badge_subjects table, then the layouts of the kits that fit. Positions are handed out once and
 * never reused, so a payload written before a subject was added or dropped still reads right (its
 * extra or missing slots are holes).
 *
 * In memory a badge is a segment, the slot's verdict in one character and, for a fit, the layout
 * that proves it:
 * - ""                    no badge in this slot (a hole, or a subject dropped since)
 * - "N" / "U"             does not fit / undecided
 * - "F" + single          one item alone: its orientation's index in ORIENTATION_CODES (one
 *                         digit), "s" if squeezed. Its extents follow from the item's dims, its
 *                         position from bestSpotAlone (a pure function of the interior and the
 *                         extents, the one that placed it before the verifier accepted it), so the
 *                         reader rebuilds exactly the verified layout; a row is read only for the
 *                         interior it was written for (its bag_hash)
 * - "F" + kit             a kit: encodeLayout's JSON tuples (they start with "[")
 * Stored (migration 006 moved to this form, a third of the old size), a slot is one character:
 * "-" a hole, "N", "U", "0"-"5" an item alone fitting in that orientation, "a"-"f" the same
 * squeezed, "K" a kit that fits, whose layout is the next of the "|"-separated texts after the
 * slots (layouts hold no "|"). So a catalog of single items is stored at one byte a badge.
 */
import { ORIENTATION_CODES, orient, type OrientationCode } from '../geometry/orientation.js';
import { bestSpotAlone, effectiveInterior } from '../geometry/shapes.js';
import type { Interior } from '../model/bag.js';
import { FITS, TOO_SMALL, UNDECIDED } from '../catalog/fit-classify.js';
import type { Placement } from '../model/fit.js';
import { packedDims, squeezedDims, type Item } from '../model/item.js';
import { decodeLayout } from './layout-code.js';

/** A segment's verdict by its first character. */
const CODE_OF_CHAR: Readonly<Record<string, number>> = { F: FITS, N: TOO_SMALL, U: UNDECIDED };

/** Separates the slots from the kits' layouts, and the layouts from each other. */
export const LAYOUT_SEPARATOR = '|';

/** Slot characters (as char codes, the form computeBadges writes them in). */
export const SLOT_HOLE = 45; // "-"
export const SLOT_NO = 78; // "N"
export const SLOT_UNDECIDED = 85; // "U"
export const SLOT_KIT = 75; // "K"
const SLOT_FIT = 48; // "0": + orientation index
const SLOT_SQUEEZED = 97; // "a": + orientation index

/** The stored character (code) of an item alone fitting in an orientation, squeezed or not. */
export function singleFitChar(code: OrientationCode, squeezed: boolean): number {
  return (squeezed ? SLOT_SQUEEZED : SLOT_FIT) + ORIENTATION_CODES.indexOf(code);
}

/** The segment a slot character stands for; `layout` is the kit's, for "K". Unknown characters stand for themselves. */
export function segmentOfChar(ch: number, layout = ''): string {
  if (ch === SLOT_HOLE) return '';
  if (ch === SLOT_KIT) return `F${layout}`;
  if (ch >= SLOT_FIT && ch < SLOT_FIT + ORIENTATION_CODES.length) return `F${ch - SLOT_FIT}`;
  if (ch >= SLOT_SQUEEZED && ch < SLOT_SQUEEZED + ORIENTATION_CODES.length) return `F${ch - SLOT_SQUEEZED}s`;
  return String.fromCharCode(ch);
}

/** The slot characters of a payload, and its kits' layouts in slot order. */
export function splitPayload(payload: string): { readonly slots: string; readonly layouts: readonly string[] } {
  const cut = payload.indexOf(LAYOUT_SEPARATOR);
  if (cut < 0) return { slots: payload, layouts: [] };
  return { slots: payload.slice(0, cut), layouts: payload.slice(cut + 1).split(LAYOUT_SEPARATOR) };
}

/** A stored payload's segments, one a slot. */
export function payloadSegments(payload: string): string[] {
  const { slots, layouts } = splitPayload(payload);
  const out: string[] = [];
  let next = 0;
  for (let k = 0; k < slots.length; k++) {
    const ch = slots.charCodeAt(k);
    out.push(segmentOfChar(ch, ch === SLOT_KIT ? (layouts[next++] ?? '') : ''));
  }
  return out;
}

/** The stored payload of segments, one a slot (payloadSegments' inverse); throws on a segment that is none. */
export function payloadOf(segments: readonly string[]): string {
  let slots = '';
  let layouts = '';
  for (const seg of segments) {
    if (seg === '') slots += '-';
    else if (seg === 'N' || seg === 'U') slots += seg;
    else if (seg.startsWith('F[')) {
      slots += 'K';
      layouts += LAYOUT_SEPARATOR + seg.slice(1);
    } else {
      const m = /^F([0-5])(s?)$/.exec(seg);
      if (!m) throw new Error(`not a badge segment: ${JSON.stringify(seg)}`);
      slots += String.fromCharCode((m[2] ? SLOT_SQUEEZED : SLOT_FIT) + Number(m[1]));
    }
  }
  return slots + layouts;
}

/** The fitting segment of one item alone in an orientation, squeezed or not. */
export function singleFitSegment(code: OrientationCode, squeezed: boolean): string {
  return segmentOfChar(singleFitChar(code, squeezed));
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
  const segments = payloadSegments(row.payload);
  for (const w of wanted) {
    const slot = byId.get(w.id);
    if (!slot || slot.hash !== w.hash || slot.since > row.epoch) continue;
    const seg = segments[slot.position];
    if (seg !== undefined && segmentVerdict(seg) !== null) out.set(w.id, seg);
  }
  return out;
}
