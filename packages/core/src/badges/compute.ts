/**
 * computeBadges: the badges of a chunk of bags, for a list of subjects, as one payload per bag
 * (payload.ts). One data-in, data-out entry, run the same way by a worker thread and a BullMQ
 * worker.
 *
 * A chunk's bags become a small fit index (catalog/fit-index.ts). Single items take the direct
 * path (single-item.ts: exact, no search; a fit's layout is verified in a reused placement and
 * stored as orientation and position). Kits take the catalog classifier over the chunk's rows
 * (fit-classify.ts: bounds, known layouts, proofs, the engine last), whose verdict for one bag is
 * as sound as fit()'s; a fit's layout is rebuilt by layoutFor and checked by the verifier, and a
 * fit whose layout cannot be produced is stored as undecided, never as a fit without proof.
 *
 * A bag that needs only some subjects (`only`) brings its stored payload (`previous`): the other
 * subjects' segments are kept from it, so its new row is whole. Slots of no listed subject are
 * emptied. Output is columnar, ready for a multi-row upsert and cheap to send between threads.
 */
import { buildFitIndex, type FitIndex } from '../catalog/fit-index.js';
import { classifyKit, FITS, layoutFor, OUT, TOO_SMALL, UNDECIDED } from '../catalog/fit-classify.js';
import type { Interior } from '../model/bag.js';
import type { BadgeSubject } from '../model/badge.js';
import type { Item } from '../model/item.js';
import type { Verdict } from '../model/fit.js';
import { bagHash } from './content-hash.js';
import { encodeLayout } from './layout-code.js';
import { SEGMENT_SEPARATOR } from './payload.js';
import { checkItem, itemProbe, singleItemSegment, type ItemProbe } from './single-item.js';
import { isSingleItem } from './subjects.js';

export interface ChunkBag {
  readonly id: string;
  readonly interior: Interior;
  /** bagHash(interior); computed here when absent (a bag with no stored row needs it only here). */
  readonly hash?: string;
  /** Indices into the subject list to compute for this bag; every subject when absent. */
  readonly only?: readonly number[];
  /** With `only`: the bag's stored payload, whose other subjects' segments are kept. */
  readonly previous?: string;
}

export interface ChunkSubject {
  readonly subject: BadgeSubject;
  /** subjectHash(subject). */
  readonly hash: string;
  /** Its slot in every bag's payload (the badge_subjects table's position). */
  readonly position: number;
}

export interface BadgeBudget {
  /** The engine's budget per bag for a kit, ms and search nodes (the node limit keeps runs reproducible). */
  readonly perBagMs: number;
  readonly perBagNodes: number;
}

export const DEFAULT_BADGE_BUDGET: BadgeBudget = { perBagMs: 250, perBagNodes: 20_000 };

/** One row a bag: its payload and how many badges it holds. */
export interface BadgeRows {
  readonly bag_id: string[];
  readonly bag_hash: string[];
  readonly payload: string[];
  /** Badges (non-empty segments) in each payload. */
  readonly n: number[];
  /** Badges actually computed for the chunk (the rest were kept from `previous`). */
  computed: number;
}

export const VERDICT_OF_CODE: Readonly<Record<number, Verdict>> = { [FITS]: 'fits', [TOO_SMALL]: 'does-not-fit', [UNDECIDED]: 'undecided' };

/**
 * The interior as an object of one fixed layout (every field present, in one order, whatever the
 * shape), equal to it field for field. Interiors that arrive from a database row, a thread message
 * or JSON come in a dozen hidden classes (trapezoids carry two more fields, some an opening or
 * give); the geometry that runs for every badge then sees them all, and V8 throws its optimized
 * code away and compiles it again each time a new one shows up. One layout keeps it compiled once.
 */
function sameLayout(i: Interior): Interior {
  const t = i.shape === 'trapezoid';
  return {
    shape: i.shape,
    w: i.w,
    h: i.h,
    d: i.d,
    w_narrow: t ? i.w_narrow : undefined,
    narrow_at: t ? i.narrow_at : undefined,
    give: i.give,
    opening: i.opening,
    derived: i.derived,
  } as Interior;
}

/**
 * Probes by item, kept while the item object lives: a thread computes chunk after chunk for the
 * same subjects, so each item is prepared once, not once a chunk. (A probe's scratch placement is
 * used synchronously within one call, so sharing it is safe.)
 */
const PROBES = new WeakMap<Item, ItemProbe>();
function probeOf(item: Item): ItemProbe {
  let probe = PROBES.get(item);
  if (!probe) PROBES.set(item, (probe = itemProbe(item)));
  return probe;
}

/** The single item's segment in each of the rows (a top-level loop, so its compiled code is kept across chunks). */
function singleItemSegments(index: FitIndex, rows: readonly number[], probe: ItemProbe, segs: string[][], position: number): void {
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    segs[row]![position] = checkItem(index, row, probe) === TOO_SMALL ? 'N' : (singleItemSegment(index.interiors[row]!, probe) ?? 'U');
  }
}

/** The kit's segment in each of the rows: the classifier's verdicts, a fit with its verified layout. */
function kitSegments(index: FitIndex, rows: readonly number[], items: readonly Item[], segs: string[][], position: number, budget: BadgeBudget): void {
  const c = classifyKit(index, items, { rows, perBagMs: budget.perBagMs, perBagNodes: budget.perBagNodes });
  for (const row of rows) {
    const v = c.verdicts[row]!;
    let seg = v === OUT || v === TOO_SMALL ? 'N' : 'U';
    if (v === FITS) {
      const layout = layoutFor(index, row, items, c, budget);
      seg = layout ? `F${encodeLayout(layout)}` : 'U';
    }
    segs[row]![position] = seg;
  }
}

/** Each bag's segments to start from: kept ones from its stored payload, the slots of unlisted subjects empty. */
function startingSegments(bags: readonly ChunkBag[], subjects: readonly ChunkSubject[]): string[][] {
  let slots = 0;
  for (const s of subjects) slots = Math.max(slots, s.position + 1);
  const live = new Uint8Array(slots);
  for (const s of subjects) live[s.position] = 1;
  const segs: string[][] = [];
  for (const b of bags) {
    const old = b.only && b.previous !== undefined ? b.previous.split(SEGMENT_SEPARATOR) : [];
    const out = new Array<string>(slots);
    for (let k = 0; k < slots; k++) out[k] = live[k] ? (old[k] ?? '') : '';
    segs.push(out);
  }
  return segs;
}

/** Which rows want which subject: every row unless the bag names a subset (then one list serves all). */
function rowsPerSubject(bags: readonly ChunkBag[], subjects: number): (readonly number[])[] {
  const every: number[] = [];
  for (let row = 0; row < bags.length; row++) every.push(row);
  if (bags.every((b) => !b.only)) return new Array<readonly number[]>(subjects).fill(every);
  const rowsFor: number[][] = [];
  for (let s = 0; s < subjects; s++) rowsFor.push([]);
  for (let row = 0; row < bags.length; row++) {
    const only = bags[row]!.only;
    if (only) for (const s of only) rowsFor[s]?.push(row);
    else for (const list of rowsFor) list.push(row);
  }
  return rowsFor;
}

/** The rows to store: a payload a bag, its count of badges and its interior's hash. */
function rowsOut(bags: readonly ChunkBag[], segs: readonly string[][], computed: number): BadgeRows {
  const out: BadgeRows = { bag_id: [], bag_hash: [], payload: [], n: [], computed };
  for (let row = 0; row < bags.length; row++) {
    const b = bags[row]!;
    const list = segs[row]!;
    let n = 0;
    for (const seg of list) if (seg !== '') n++;
    out.bag_id.push(b.id);
    out.bag_hash.push(b.hash ?? bagHash(b.interior));
    out.payload.push(list.join(SEGMENT_SEPARATOR));
    out.n.push(n);
  }
  return out;
}

/*
 * computeBadges runs once a chunk, its parts thousands of times: each loop is a function of its
 * own so that V8 compiles each once, with all its type feedback, instead of recompiling one large
 * function as each of its loops turns hot in turn.
 */
export function computeBadges(bags: readonly ChunkBag[], subjects: readonly ChunkSubject[], budget: BadgeBudget = DEFAULT_BADGE_BUDGET): BadgeRows {
  const index = buildFitIndex(bags.map((b) => ({ interior: sameLayout(b.interior) })));
  const segs = startingSegments(bags, subjects);
  const rowsFor = rowsPerSubject(bags, subjects.length);
  let computed = 0;
  for (let s = 0; s < subjects.length; s++) {
    const { subject, position } = subjects[s]!;
    const rows = rowsFor[s]!;
    computed += rows.length;
    if (rows.length === 0) continue;
    if (isSingleItem(subject)) singleItemSegments(index, rows, probeOf(subject.items[0]!), segs, position);
    else kitSegments(index, rows, subject.items, segs, position, budget);
  }
  return rowsOut(bags, segs, computed);
}
