/**
 * "What fits" for a product page: each everyday item on its own, and a few common kits, against
 * one bag. The bag's stored badges (`micropurse badges`, one row per bag) are read for the
 * subjects whose stored badge is current: the row is for this bag's interior as it is now, and the
 * subject's slot holds the subject as it is now and was not recomputed after the row was written
 * (core currentSegments). Anything else comes from fit() within a share of the request's budget,
 * so a curved interior the budget cannot settle says "undecided", not "no".
 */
import {
  COMMON_KITS,
  COMMON_KIT_SUBJECTS,
  VERDICT_OF_CODE,
  VerdictSchema,
  bagHash,
  currentSegments,
  fit,
  itemSubject,
  segmentVerdict,
  subjectHash,
  type EssentialRecord,
  type Interior,
  type StoredBagBadges,
  type SubjectSlot,
  type Verdict,
} from '@micropurse/core';
import { z } from 'zod';

export { COMMON_KITS };

export const WhatFitsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), verdict: VerdictSchema })).describe('every everyday item, on its own'),
  kits: z.array(z.object({ name: z.string(), items: z.array(z.string()), verdict: VerdictSchema })).describe('common kits'),
  /** How many items fit on their own: the headline a product page shows. */
  items_that_fit: z.number().int(),
  stored: z.number().int().optional().describe('how many of the verdicts were read from stored badges (micropurse badges) rather than computed for this request'),
});
export type WhatFits = z.infer<typeof WhatFitsSchema>;

/** A bag's stored badges as the store gives them: its row (or null) and the subject slots. */
export interface StoredBadges {
  readonly row: StoredBagBadges | null;
  readonly slots: readonly SubjectSlot[];
}

/** `budgetMs` is shared by the fit() calls the stored badges do not cover; each gets an equal part of it. */
export function whatFits(interior: Interior, essentials: readonly EssentialRecord[], budgetMs: number, stored: StoredBadges = { row: null, slots: [] }): WhatFits {
  const subjects = [...essentials.map(itemSubject), ...COMMON_KIT_SUBJECTS];
  const segments = stored.row ? currentSegments(stored.row, bagHash(interior), stored.slots, subjects.map((s) => ({ id: s.id, hash: subjectHash(s) }))) : new Map<string, string>();
  const known = subjects.map((s): Verdict | null => {
    const seg = segments.get(s.id);
    const code = seg === undefined ? null : segmentVerdict(seg);
    return code === null ? null : (VERDICT_OF_CODE[code] ?? null);
  });
  const open = known.filter((v) => v === null).length;
  const perCall = Math.max(budgetMs / Math.max(open, 1), 1);
  const verdictOf = (k: number): Verdict => known[k] ?? fit({ bag: interior, items: subjects[k]!.items, options: { timeLimitMs: perCall } }).verdict;
  const items = essentials.map((e, k) => ({ id: e.id, name: e.name, category: e.category, verdict: verdictOf(k) }));
  const kits = COMMON_KIT_SUBJECTS.map((s, j) => ({
    name: s.name,
    items: s.items.flatMap((it) => Array.from({ length: it.quantity }, () => it.name)),
    verdict: verdictOf(essentials.length + j),
  }));
  return { items, kits, items_that_fit: items.filter((i) => i.verdict === 'fits').length, stored: subjects.length - open };
}
