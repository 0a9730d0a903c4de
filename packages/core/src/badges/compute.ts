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
import { buildFitIndex } from '../catalog/fit-index.js';
import { classifyKit, FITS, layoutFor, OUT, TOO_SMALL, UNDECIDED } from '../catalog/fit-classify.js';
import type { Interior } from '../model/bag.js';
import type { BadgeSubject } from '../model/badge.js';
import type { Verdict } from '../model/fit.js';
import { encodeLayout } from './layout-code.js';
import { SEGMENT_SEPARATOR } from './payload.js';
import { checkItem, itemProbe, singleItemSegment } from './single-item.js';
import { isSingleItem } from './subjects.js';

export interface ChunkBag {
  readonly id: string;
  readonly interior: Interior;
  /** bagHash(interior). */
  readonly hash: string;
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

export function computeBadges(bags: readonly ChunkBag[], subjects: readonly ChunkSubject[], budget: BadgeBudget = DEFAULT_BADGE_BUDGET): BadgeRows {
  const index = buildFitIndex(bags.map((b) => ({ interior: b.interior })));
  const slots = subjects.reduce((m, s) => Math.max(m, s.position + 1), 0);
  const live = new Uint8Array(slots);
  for (const s of subjects) live[s.position] = 1;
  // Each bag's segments: kept ones from its stored payload, the slots of unlisted subjects empty.
  const segs: string[][] = bags.map((b) => {
    const old = b.only && b.previous !== undefined ? b.previous.split(SEGMENT_SEPARATOR) : [];
    const out = new Array<string>(slots);
    for (let k = 0; k < slots; k++) out[k] = live[k] ? (old[k] ?? '') : '';
    return out;
  });
  // Which rows want which subject: every row unless the bag names a subset.
  const rowsFor: number[][] = subjects.map(() => []);
  bags.forEach((b, row) => {
    if (b.only) for (const s of b.only) rowsFor[s]?.push(row);
    else for (const list of rowsFor) list.push(row);
  });
  let computed = 0;
  subjects.forEach(({ subject, position }, s) => {
    const rows = rowsFor[s]!;
    computed += rows.length;
    if (rows.length === 0) return;
    if (isSingleItem(subject)) {
      const probe = itemProbe(subject.items[0]!);
      for (const row of rows) {
        segs[row]![position] = checkItem(index, row, probe) === TOO_SMALL ? 'N' : (singleItemSegment(bags[row]!.interior, probe) ?? 'U');
      }
      return;
    }
    const c = classifyKit(index, subject.items, { rows, perBagMs: budget.perBagMs, perBagNodes: budget.perBagNodes });
    for (const row of rows) {
      const v = c.verdicts[row]!;
      let seg = v === OUT || v === TOO_SMALL ? 'N' : 'U';
      if (v === FITS) {
        const layout = layoutFor(index, row, subject.items, c, budget);
        seg = layout ? `F${encodeLayout(layout)}` : 'U';
      }
      segs[row]![position] = seg;
    }
  });
  const out: BadgeRows = { bag_id: [], bag_hash: [], payload: [], n: [], computed };
  bags.forEach((b, row) => {
    const list = segs[row]!;
    let n = 0;
    for (const seg of list) if (seg !== '') n++;
    out.bag_id.push(b.id);
    out.bag_hash.push(b.hash);
    out.payload.push(list.join(SEGMENT_SEPARATOR));
    out.n.push(n);
  });
  return out;
}
