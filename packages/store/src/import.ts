/**
 * importDrafts: a parsed feed into the store, in ONE transaction. Any error inside (a bad row the
 * parser let through, a database failure, a throwing progress callback) rolls the whole import
 * back: the store is then exactly as it was.
 *
 * For each draft, in order:
 * - a second row with a SKU (or, without SKUs, a bag id) already seen in this feed is rejected,
 *   "duplicate sku" ("duplicate id"), and nothing of it is stored;
 * - a new bag is stored first and last seen on the draft's date, with a listing when priced;
 * - a known bag is rebuilt with catalogBagFromDraft(draft, existing); when nothing but the dates
 *   differs it is `unchanged` (only a later last_seen is written; a same-day re-import writes
 *   nothing at all); otherwise it is `updated`, with a listing when its price or currency changed;
 * - a draft older than what the store already holds does not overwrite the newer data, but its
 *   price is kept as a listing (`updated` when that listing is new, else `unchanged`).
 * So importing the same feed twice reports every row of the second import unchanged.
 */
import { isDeepStrictEqual } from 'node:util';
import { catalogBagFromDraft, type BagDraft, type CatalogBag } from '@micropurse/core';
import type { Repositories } from './repos/repositories.js';
import type { Store } from './store.js';

/** A row refused, for the report and the rejects file. */
export interface ImportReject {
  /** The row's line in the feed when the draft came with one, else its 1-based position among the drafts. */
  readonly line: number;
  readonly id: string | null;
  readonly field: string;
  readonly reason: string;
}

export interface ImportOptions {
  /** The feed's name, recorded as the source of the listings it yields. */
  readonly source: string;
  /** Called after each draft with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A draft with the feed line it came from (what parseFeed gives), so that a reject can name it. */
export interface LinedDraft {
  readonly line: number;
  readonly draft: BagDraft;
}

export interface ImportResult<R = ImportReject> {
  /** New bags. */
  readonly accepted: number;
  /** Known bags whose data changed (or that gained a listing from an older observation). */
  readonly updated: number;
  /** Known bags the feed says nothing new about. */
  readonly unchanged: number;
  /** How many rows were refused: rejects.length. */
  readonly rejected: number;
  /** The parser's rejects and this import's, by line. */
  readonly rejects: (R | ImportReject)[];
}

type Outcome = 'accepted' | 'updated' | 'unchanged';

export async function importDrafts<R extends { readonly line?: number | null } = ImportReject>(
  store: Pick<Store, 'transaction'>,
  drafts: readonly (BagDraft | LinedDraft)[],
  rejects: readonly R[],
  opts: ImportOptions,
): Promise<ImportResult<R>> {
  return store.transaction(async (tx) => {
    const counts: Record<Outcome, number> = { accepted: 0, updated: 0, unchanged: 0 };
    const duplicates: ImportReject[] = [];
    const skus = new Set<string>();
    const ids = new Set<string>();
    let batch: Pending[] = [];
    const flush = async () => {
      for (const outcome of await importBatch(tx, batch, opts.source)) counts[outcome]++;
      batch = [];
    };
    for (const [i, entry] of drafts.entries()) {
      const { draft, line } = 'draft' in entry ? entry : { draft: entry, line: i + 1 };
      const fresh = catalogBagFromDraft(draft);
      // A reject names the row as the feed does (its id, else its SKU), like the parser's rejects.
      const rowId = draft.id ?? draft.sku ?? fresh.id;
      if (draft.sku !== null && skus.has(draft.sku)) {
        duplicates.push({ line, id: rowId, field: 'sku', reason: 'duplicate sku' });
      } else if (ids.has(fresh.id)) {
        duplicates.push({ line, id: rowId, field: 'id', reason: 'duplicate id' });
      } else {
        if (draft.sku !== null) skus.add(draft.sku);
        ids.add(fresh.id);
        batch.push({ draft, fresh });
        if (batch.length === BATCH) await flush();
      }
      opts.onProgress?.(i + 1, drafts.length);
    }
    await flush();
    const all: (R | ImportReject)[] = [...rejects, ...duplicates];
    all.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    return { ...counts, rejected: all.length, rejects: all };
  });
}

/** Rows read and written together: one read of the known bags and a few writes per batch. */
const BATCH = 500;

interface Pending {
  readonly draft: BagDraft;
  readonly fresh: CatalogBag;
}

/**
 * The rows of one batch (distinct ids), with the same outcome as one at a time: the known bags are
 * read at once, the new and changed ones written at once, then the listings added in row order.
 */
async function importBatch(tx: Repositories, batch: readonly Pending[], source: string): Promise<Outcome[]> {
  if (batch.length === 0) return [];
  const known = new Map((await tx.bags.getMany(batch.map((p) => p.fresh.id))).map((b) => [b.id, b]));
  const writes: CatalogBag[] = [];
  const plans: { outcome: Outcome | 'older'; listing: CatalogBag | null; seen: string }[] = [];
  for (const { draft, fresh } of batch) {
    const existing = known.get(fresh.id);
    if (!existing) {
      writes.push(fresh);
      plans.push({ outcome: 'accepted', listing: fresh, seen: draft.seen });
    } else if (draft.seen < existing.last_seen) {
      // An older observation: the bag keeps its newer data; the dated price is still history.
      plans.push({ outcome: 'older', listing: fresh, seen: draft.seen });
    } else {
      const next = catalogBagFromDraft(draft, existing);
      if (isDeepStrictEqual(withoutDates(next), withoutDates(existing))) {
        if (next.last_seen !== existing.last_seen) writes.push(next);
        plans.push({ outcome: 'unchanged', listing: null, seen: draft.seen });
      } else {
        writes.push(next);
        const priced = next.price !== existing.price || next.currency !== existing.currency;
        plans.push({ outcome: 'updated', listing: priced ? next : null, seen: draft.seen });
      }
    }
  }
  if (writes.length > 0) await tx.bags.upsertMany(writes);
  const outcomes: Outcome[] = [];
  for (const plan of plans) {
    const added = plan.listing ? await addListing(tx, plan.listing, plan.seen, source) : false;
    outcomes.push(plan.outcome === 'older' ? (added ? 'updated' : 'unchanged') : plan.outcome);
  }
  return outcomes;
}

/** Records the bag's price seen on `date`; true when that observation is new. */
async function addListing(tx: Repositories, bag: CatalogBag, date: string, source: string): Promise<boolean> {
  if (bag.price === null || bag.currency === null) return false;
  return tx.listings.add({ bag_id: bag.id, date, price: bag.price, currency: bag.currency, price_usd: bag.price_usd, source });
}

function withoutDates(bag: CatalogBag): Omit<CatalogBag, 'first_seen' | 'last_seen'> {
  const { first_seen: _f, last_seen: _l, ...rest } = bag;
  return rest;
}
