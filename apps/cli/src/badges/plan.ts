/**
 * What a badge run has to do: every (bag, subject) pair of the catalog, less those whose stored
 * badge is current, cut into chunks of bags. Badges are stored a row per bag (store migration 004,
 * core badges/payload.ts); currency comes from two hashes and an epoch, never from a hash per badge:
 *
 * - The subject slots (badge_subjects) are brought up to date first: a new subject gets the next
 *   position, a changed one its new hash, a dropped one a tombstone; each of these is stamped with
 *   a new epoch (one more than the table's last). Nothing changed: the epoch stays.
 * - A bag with no row, or whose row is for another interior hash, recomputes every subject.
 * - A bag whose row was written at the current epoch or later is skipped whole.
 * - Otherwise it recomputes just the subjects stamped after its row was written, keeping the rest
 *   from its stored payload (read here, for those bags only).
 * Stamping before computing keeps this exact across an interrupted run: bags not rewritten yet
 * still carry the older epoch, so the next run finds them stale.
 *
 * The bags are planned a page at a time, as the chunks are taken (planBags), so the first chunks
 * are computed while the rest of a large catalog is still being read.
 */
import { bagHash, builtinSubjects, subjectHash, subjectsHash, type BadgeSubject, type ChunkBag, type ChunkSubject } from '@micropurse/core';
import type { BadgeSubjectRow, PlannedBag, Store } from '@micropurse/store';

export interface BadgePlan {
  /** Bags in the catalog (read when the plan starts). */
  readonly bags: number;
  readonly subjects: readonly ChunkSubject[];
  /** Names the subject list and its slots: a worker keeps its threads while it stays the same. */
  readonly listKey: string;
  /** The epoch the run's rows are written at. */
  readonly epoch: number;
  /**
   * The chunks, planned as they are taken: the catalog is read a page at a time, so the first
   * chunks are computed while later pages are read. Safe to take from by several lanes at once.
   */
  readonly chunks: AsyncIterableIterator<readonly ChunkBag[]>;
  /** Pairs whose badge is current, among the bags planned so far (all of them once `chunks` is done). */
  readonly skipped: number;
  /** Pairs to compute, likewise. */
  readonly pending: number;
  /** Pairs to compute as far as known: pending, plus every pair of the bags not read yet. Exact once planned. */
  readonly expected: number;
}

export interface PlanOptions {
  /** Bags per chunk; by default about `parallel` x 4 chunks, each of at most ~50,000 badges. */
  readonly chunkBags?: number;
  readonly parallel: number;
}

export const MAX_CHUNK_BADGES = 50_000;

export async function subjectsOf(store: Store, kits: boolean): Promise<BadgeSubject[]> {
  const items = await store.items.all();
  return kits ? builtinSubjects(items) : builtinSubjects(items, []);
}

/** The subject slots brought up to date with the list (saved), and the run's epoch. */
async function updateSlots(store: Store, list: readonly { id: string; hash: string }[]): Promise<{ epoch: number; slots: Map<string, BadgeSubjectRow> }> {
  const table = await store.badges.subjects();
  const last = table.reduce((m, s) => Math.max(m, s.since), 0);
  const epoch = last + 1;
  let nextPosition = table.reduce((m, s) => Math.max(m, s.position + 1), 0);
  const slots = new Map(table.map((s) => [s.subject_id, s]));
  const changed: BadgeSubjectRow[] = [];
  for (const s of list) {
    const slot = slots.get(s.id);
    if (slot && slot.hash === s.hash) continue;
    changed.push({ subject_id: s.id, position: slot ? slot.position : nextPosition++, hash: s.hash, since: epoch });
  }
  const listed = new Set(list.map((s) => s.id));
  // A dropped subject keeps its position, so that no other subject reads its old slot as its own.
  for (const slot of table) if (!listed.has(slot.subject_id) && slot.hash !== '') changed.push({ ...slot, hash: '', since: epoch });
  if (changed.length === 0) return { epoch: last, slots };
  await store.badges.saveSubjects(changed);
  for (const c of changed) slots.set(c.subject_id, c);
  return { epoch, slots };
}

/** The run's subjects with their slots, known before any bag is read (a pool can start on them). */
export interface SubjectPlan {
  readonly subjects: readonly ChunkSubject[];
  readonly listKey: string;
  readonly epoch: number;
  /** Per subject: the epoch its slot was last stamped at. */
  readonly since: readonly number[];
}

export async function planSubjects(store: Store, kits = true): Promise<SubjectPlan> {
  const list = await subjectsOf(store, kits);
  const hashed = list.map((subject) => ({ id: subject.id, hash: subjectHash(subject) }));
  const { epoch, slots } = await updateSlots(store, hashed);
  const subjects: ChunkSubject[] = list.map((subject, k) => ({ subject, hash: hashed[k]!.hash, position: slots.get(subject.id)!.position }));
  const since = list.map((s) => slots.get(s.id)!.since);
  return { subjects, listKey: `${epoch}:${subjectsHash(hashed)}`, epoch, since };
}

/** Bags read per page of the plan: a page is read, classified and cut into chunks in a few ms. */
const PLAN_PAGE = 2_000;

/** The bags still to compute for these subjects, in chunks, read page by page as the chunks are taken. */
export async function planBags(store: Store, sp: SubjectPlan, opts: PlanOptions): Promise<BadgePlan> {
  const { subjects, epoch, since } = sp;
  const bags = await store.bags.count();
  const size = opts.chunkBags ?? autoChunk(bags, subjects.length, opts.parallel);
  let read = 0;
  /** One page of bags: those to compute (whole, or some subjects with the stored payload), the others counted as skipped. */
  const planPage = async (page: readonly PlannedBag[]): Promise<ChunkBag[]> => {
    const todo: ChunkBag[] = [];
    const partial: { bag: ChunkBag; only: number[] }[] = [];
    for (const { id, interior, mark } of page) {
      // A bag with no row is computed whatever its hash: the thread that computes it hashes it.
      if (!mark) {
        todo.push({ id, interior });
        continue;
      }
      const hash = bagHash(interior);
      if (mark.bag_hash !== hash) todo.push({ id, interior, hash });
      else if (mark.epoch >= epoch) plan.skipped += subjects.length;
      else {
        const only = since.flatMap((s, k) => (s > mark.epoch ? [k] : []));
        plan.skipped += subjects.length - only.length;
        partial.push({ bag: { id, interior, hash }, only });
      }
    }
    if (partial.length > 0) {
      const stored = await store.badges.payloads(partial.map((p) => p.bag.id));
      for (const { bag, only } of partial) {
        const previous = stored.get(bag.id);
        if (previous === undefined) {
          // Its row went away since it was read: compute it whole.
          plan.skipped -= subjects.length - only.length;
          todo.push(bag);
        } else todo.push({ ...bag, only, previous });
      }
    }
    for (const b of todo) plan.pending += b.only?.length ?? subjects.length;
    read += page.length;
    plan.expected = plan.pending + Math.max(0, bags - read) * subjects.length;
    return todo;
  };
  async function* chunks(): AsyncGenerator<readonly ChunkBag[]> {
    let todo: ChunkBag[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.badges.plannedBags(after, PLAN_PAGE);
      if (page.length > 0) {
        after = page.at(-1)!.id;
        todo = todo.concat(await planPage(page));
      }
      const last = page.length < PLAN_PAGE;
      // Full chunks as they fill; the rest when the catalog is read to its end.
      while (todo.length >= size || (last && todo.length > 0)) yield todo.splice(0, size);
      if (last) break;
    }
    plan.expected = plan.pending;
  }
  // The generator runs only as chunks are taken, after `plan` exists.
  const plan = { bags, subjects, listKey: sp.listKey, epoch, skipped: 0, pending: 0, expected: bags * subjects.length, chunks: chunks() };
  return plan;
}

/** Enough chunks to keep every worker busy and to resume at a fine grain, none too large to hold. */
function autoChunk(bags: number, subjects: number, parallel: number): number {
  const byCount = Math.ceil(bags / Math.max(1, parallel * 4));
  const bySize = Math.max(1, Math.floor(MAX_CHUNK_BADGES / Math.max(1, subjects)));
  return Math.max(1, Math.min(byCount, bySize));
}
