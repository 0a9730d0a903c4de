/**
 * What a badge run has to do: every (bag, subject) pair of the catalog, less those whose stored
 * badge is current (its content hash unchanged), cut into chunks of bags.
 *
 * Skipping is cheap for the common case: a bag whose done mark (badge_bags) carries its current
 * interior hash and the current subject list's hash is skipped whole, with one read of the marks.
 * Only bags whose subject list changed have their badges' hashes read, to compute just the
 * subjects that changed.
 */
import { badgeHash, bagHash, builtinSubjects, subjectHash, subjectsHash, type BadgeSubject, type ChunkBag, type ChunkSubject } from '@micropurse/core';
import type { Store } from '@micropurse/store';

export interface BadgePlan {
  readonly bags: number;
  readonly subjects: readonly ChunkSubject[];
  /** The subject list's hash, recorded on each bag done. */
  readonly subjectsHash: string;
  /** Pairs whose badge is current. */
  readonly skipped: number;
  /** Pairs to compute. */
  readonly pending: number;
  readonly chunks: readonly (readonly ChunkBag[])[];
}

export interface PlanOptions {
  /** Include the common kits (badges/subjects.ts) as subjects; default true. */
  readonly kits?: boolean;
  /** Bags per chunk; by default about `parallel` x 4 chunks, each of at most ~50,000 badges. */
  readonly chunkBags?: number;
  readonly parallel: number;
}

export const MAX_CHUNK_BADGES = 50_000;

export async function subjectsOf(store: Store, kits: boolean): Promise<BadgeSubject[]> {
  const items = await store.items.all();
  return kits ? builtinSubjects(items) : builtinSubjects(items, []);
}

export async function planBadges(store: Store, opts: PlanOptions): Promise<BadgePlan> {
  const list = await subjectsOf(store, opts.kits ?? true);
  const subjects = list.map((subject) => ({ subject, hash: subjectHash(subject) }));
  const listHash = subjectsHash(subjects.map((s) => ({ id: s.subject.id, hash: s.hash })));
  // Badges of subjects no longer listed would never be read or refreshed again.
  await store.badges.removeSubjectsNotIn(list.map((s) => s.id));
  const { index, ids } = await store.bags.fitCatalog();
  const done = await store.badges.doneBags();
  const todo: ChunkBag[] = [];
  const partial: ChunkBag[] = [];
  let skipped = 0;
  ids.forEach((id, row) => {
    const interior = index.interiors[row]!;
    const hash = bagHash(interior);
    const mark = done.get(id);
    if (mark && mark.bag_hash === hash && mark.subjects_hash === listHash) skipped += subjects.length;
    else if (mark && mark.bag_hash === hash) partial.push({ id, interior, hash });
    else todo.push({ id, interior, hash });
  });
  if (partial.length > 0) {
    const stored = await store.badges.hashesFor(partial.map((b) => b.id));
    for (const bag of partial) {
      const have = stored.get(bag.id);
      const only: number[] = [];
      subjects.forEach((s, k) => {
        if (have?.get(s.subject.id) === badgeHash(bag.hash, s.hash)) skipped++;
        else only.push(k);
      });
      todo.push({ ...bag, only });
    }
  }
  const pending = todo.reduce((n, b) => n + (b.only?.length ?? subjects.length), 0);
  const size = opts.chunkBags ?? autoChunk(todo.length, subjects.length, opts.parallel);
  const chunks: ChunkBag[][] = [];
  for (let i = 0; i < todo.length; i += size) chunks.push(todo.slice(i, i + size));
  return { bags: ids.length, subjects, subjectsHash: listHash, skipped, pending, chunks };
}

/** Enough chunks to keep every worker busy and to resume at a fine grain, none too large to hold. */
function autoChunk(bags: number, subjects: number, parallel: number): number {
  const byCount = Math.ceil(bags / Math.max(1, parallel * 4));
  const bySize = Math.max(1, Math.floor(MAX_CHUNK_BADGES / Math.max(1, subjects)));
  return Math.max(1, Math.min(byCount, bySize));
}
