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
 *
 * The chunk's badges are written as the payload's slot characters into one byte array (a row of
 * slots a bag), kits' layouts beside it: a badge allocates nothing, and a bag's payload is made
 * from its row of bytes in one step.
 */
import { buildFitIndex, type FitIndex } from '../catalog/fit-index.js';
import { classifyKit, FITS, layoutFor, OUT, TOO_SMALL, UNDECIDED } from '../catalog/fit-classify.js';
import type { Interior } from '../model/bag.js';
import type { BadgeSubject } from '../model/badge.js';
import type { Item } from '../model/item.js';
import type { Verdict } from '../model/fit.js';
import { bagHash } from './content-hash.js';
import { encodeLayout } from './layout-code.js';
import { LAYOUT_SEPARATOR, SLOT_HOLE, SLOT_KIT, SLOT_NO, SLOT_UNDECIDED, splitPayload } from './payload.js';
import { checkItem, itemProbe, singleItemChar, type ItemProbe } from './single-item.js';
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

/**
 * A chunk's badges as they are computed: `codes` holds a row of `slots` slot characters a bag
 * (payload.ts), `kits` the layouts of the kits that fit, by row and slot.
 */
interface ChunkCodes {
  readonly slots: number;
  readonly codes: Uint8Array;
  readonly kits: (Map<number, string> | undefined)[];
}

/** The single item's slot in each of the rows (a top-level loop, so its compiled code is kept across chunks). */
function singleItemSlots(index: FitIndex, rows: readonly number[], probe: ItemProbe, out: ChunkCodes, position: number): void {
  const { codes, slots } = out;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    codes[row * slots + position] = checkItem(index, row, probe) === TOO_SMALL ? SLOT_NO : singleItemChar(index.interiors[row]!, probe) || SLOT_UNDECIDED;
  }
}

/** The kit's slot in each of the rows: the classifier's verdicts, a fit with its verified layout. */
function kitSlots(index: FitIndex, rows: readonly number[], items: readonly Item[], out: ChunkCodes, position: number, budget: BadgeBudget): void {
  const c = classifyKit(index, items, { rows, perBagMs: budget.perBagMs, perBagNodes: budget.perBagNodes });
  for (const row of rows) {
    const v = c.verdicts[row]!;
    const layout = v === FITS ? layoutFor(index, row, items, c, budget) : null;
    out.codes[row * out.slots + position] = layout ? SLOT_KIT : v === OUT || v === TOO_SMALL ? SLOT_NO : SLOT_UNDECIDED;
    if (layout) (out.kits[row] ??= new Map()).set(position, encodeLayout(layout));
    else out.kits[row]?.delete(position);
  }
}

/** Each bag's slots to start from: kept ones from its stored payload, the slots of unlisted subjects holes. */
function startingCodes(bags: readonly ChunkBag[], subjects: readonly ChunkSubject[]): ChunkCodes {
  let slots = 0;
  for (const s of subjects) slots = Math.max(slots, s.position + 1);
  const live = new Uint8Array(slots);
  for (const s of subjects) live[s.position] = 1;
  const out: ChunkCodes = { slots, codes: new Uint8Array(bags.length * slots).fill(SLOT_HOLE), kits: new Array(bags.length) };
  for (let row = 0; row < bags.length; row++) {
    const b = bags[row]!;
    if (!b.only || b.previous === undefined) continue;
    const old = splitPayload(b.previous);
    let next = 0;
    for (let k = 0; k < old.slots.length; k++) {
      const ch = old.slots.charCodeAt(k);
      const layout = ch === SLOT_KIT ? old.layouts[next++] : undefined;
      if (k >= slots || !live[k]) continue;
      out.codes[row * slots + k] = ch;
      if (layout !== undefined) (out.kits[row] ??= new Map()).set(k, layout);
    }
  }
  return out;
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

/** Characters per String.fromCharCode call: far below any engine's limit on arguments. */
const CHARS_PER_CALL = 4_096;

/** The text of bytes [from, to) of the codes, one character each. */
function textOf(codes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let a = from; a < to; a += CHARS_PER_CALL) text += String.fromCharCode.apply(null, codes.subarray(a, Math.min(to, a + CHARS_PER_CALL)) as unknown as number[]);
  return text;
}

/** The rows to store: a payload a bag, its count of badges and its interior's hash. */
function rowsOut(bags: readonly ChunkBag[], chunk: ChunkCodes, computed: number): BadgeRows {
  const { slots, codes, kits } = chunk;
  const out: BadgeRows = { bag_id: [], bag_hash: [], payload: [], n: [], computed };
  for (let row = 0; row < bags.length; row++) {
    const b = bags[row]!;
    const from = row * slots;
    let n = 0;
    for (let k = from; k < from + slots; k++) if (codes[k] !== SLOT_HOLE) n++;
    let payload = textOf(codes, from, from + slots);
    const layouts = kits[row];
    if (layouts && layouts.size > 0) for (const k of [...layouts.keys()].sort((a, c) => a - c)) payload += LAYOUT_SEPARATOR + layouts.get(k)!;
    out.bag_id.push(b.id);
    out.bag_hash.push(b.hash ?? bagHash(b.interior));
    out.payload.push(payload);
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
  const chunk = startingCodes(bags, subjects);
  const rowsFor = rowsPerSubject(bags, subjects.length);
  let computed = 0;
  for (let s = 0; s < subjects.length; s++) {
    const { subject, position } = subjects[s]!;
    const rows = rowsFor[s]!;
    computed += rows.length;
    if (rows.length === 0) continue;
    if (isSingleItem(subject)) singleItemSlots(index, rows, probeOf(subject.items[0]!), chunk, position);
    else kitSlots(index, rows, subject.items, chunk, position, budget);
  }
  return rowsOut(bags, chunk, computed);
}
