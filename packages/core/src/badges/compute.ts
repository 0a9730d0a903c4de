/**
 * computeBadges: the badges of a chunk of bags, for a list of subjects. One data-in, data-out
 * entry, run the same way by a worker thread, a BullMQ worker, and the server.
 *
 * A chunk's bags become a small fit index (catalog/fit-index.ts). Single items take the direct
 * path (single-item.ts: exact, no search). Kits take the catalog classifier over the chunk's rows
 * (fit-classify.ts: bounds, known layouts, proofs, the engine last), whose verdict for one bag is
 * as sound as fit()'s; a fit's layout is rebuilt by layoutFor and checked by the verifier, and a
 * fit whose layout cannot be produced is stored as undecided, never as a fit without proof.
 *
 * Output is columnar (one array a column), ready for a multi-row insert and cheap to send
 * between threads.
 */
import { buildFitIndex } from '../catalog/fit-index.js';
import { classifyKit, FITS, layoutFor, OUT, TOO_SMALL, UNDECIDED } from '../catalog/fit-classify.js';
import type { Interior } from '../model/bag.js';
import type { BadgeSubject } from '../model/badge.js';
import type { Verdict } from '../model/fit.js';
import { badgeHash } from './content-hash.js';
import { encodeLayout } from './layout-code.js';
import { checkItem, itemProbe, singleItemLayout } from './single-item.js';
import { isSingleItem } from './subjects.js';

export interface ChunkBag {
  readonly id: string;
  readonly interior: Interior;
  /** bagHash(interior). */
  readonly hash: string;
  /** Indices into the subject list to compute for this bag; every subject when absent. */
  readonly only?: readonly number[];
}

export interface ChunkSubject {
  readonly subject: BadgeSubject;
  /** subjectHash(subject). */
  readonly hash: string;
}

export interface BadgeBudget {
  /** The engine's budget per bag for a kit, ms and search nodes (the node limit keeps runs reproducible). */
  readonly perBagMs: number;
  readonly perBagNodes: number;
}

export const DEFAULT_BADGE_BUDGET: BadgeBudget = { perBagMs: 250, perBagNodes: 20_000 };

/** One row a badge. verdict: FITS, TOO_SMALL or UNDECIDED (fit-classify.ts codes). */
export interface BadgeColumns {
  readonly bag_id: string[];
  readonly subject_id: string[];
  readonly hash: string[];
  readonly verdict: number[];
  /** encodeLayout text for a fit, else null. */
  readonly layout: (string | null)[];
}

export const VERDICT_OF_CODE: Readonly<Record<number, Verdict>> = { [FITS]: 'fits', [TOO_SMALL]: 'does-not-fit', [UNDECIDED]: 'undecided' };

export function computeBadges(bags: readonly ChunkBag[], subjects: readonly ChunkSubject[], budget: BadgeBudget = DEFAULT_BADGE_BUDGET): BadgeColumns {
  const index = buildFitIndex(bags.map((b) => ({ interior: b.interior })));
  const out: BadgeColumns = { bag_id: [], subject_id: [], hash: [], verdict: [], layout: [] };
  // Which rows want which subject: every row unless the bag names a subset.
  const rowsFor: number[][] = subjects.map(() => []);
  bags.forEach((b, row) => {
    if (b.only) for (const s of b.only) rowsFor[s]?.push(row);
    else for (const list of rowsFor) list.push(row);
  });
  subjects.forEach(({ subject, hash }, s) => {
    const rows = rowsFor[s]!;
    if (rows.length === 0) return;
    const push = (row: number, verdict: number, layout: string | null) => {
      const bag = bags[row]!;
      out.bag_id.push(bag.id);
      out.subject_id.push(subject.id);
      out.hash.push(badgeHash(bag.hash, hash));
      out.verdict.push(verdict);
      out.layout.push(layout);
    };
    if (isSingleItem(subject)) {
      const item = subject.items[0]!;
      const probe = itemProbe(item);
      for (const row of rows) {
        if (checkItem(index, row, probe) === TOO_SMALL) {
          push(row, TOO_SMALL, null);
          continue;
        }
        const layout = singleItemLayout(bags[row]!.interior, item);
        push(row, layout ? FITS : UNDECIDED, layout ? encodeLayout(layout) : null);
      }
      return;
    }
    const c = classifyKit(index, subject.items, { rows, perBagMs: budget.perBagMs, perBagNodes: budget.perBagNodes });
    for (const row of rows) {
      const v = c.verdicts[row]!;
      if (v === FITS) {
        const layout = layoutFor(index, row, subject.items, c, budget);
        push(row, layout ? FITS : UNDECIDED, layout ? encodeLayout(layout) : null);
      } else push(row, v === OUT ? TOO_SMALL : v, null);
    }
  });
  return out;
}
