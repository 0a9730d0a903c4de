/**
 * "What fits" for a product page: each everyday item on its own, and a few common kits, against
 * one bag. Stored badges (`micropurse badges`) are read when they are current, that is when their
 * content hash is the one this bag's interior and the subject give now; anything else comes from
 * fit() within a share of the request's budget, so a curved interior the budget cannot settle
 * says "undecided", not "no".
 */
import {
  COMMON_KITS,
  COMMON_KIT_SUBJECTS,
  VERDICT_OF_CODE,
  VerdictSchema,
  badgeHash,
  bagHash,
  fit,
  itemSubject,
  subjectHash,
  type BadgeSubject,
  type EssentialRecord,
  type Interior,
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

/** A stored badge as the store gives it: its hash and its verdict code (core FITS, TOO_SMALL, UNDECIDED). */
export interface StoredVerdict {
  readonly subject_id: string;
  readonly hash: string;
  readonly verdict: number;
}

/** `budgetMs` is shared by the fit() calls the stored badges do not cover; each gets an equal part of it. */
export function whatFits(interior: Interior, essentials: readonly EssentialRecord[], budgetMs: number, stored: readonly StoredVerdict[] = []): WhatFits {
  const bag = bagHash(interior);
  const byId = new Map(stored.map((b) => [b.subject_id, b]));
  const current = (s: BadgeSubject): Verdict | null => {
    const b = byId.get(s.id);
    return b && b.hash === badgeHash(bag, subjectHash(s)) ? (VERDICT_OF_CODE[b.verdict] ?? null) : null;
  };
  const subjects = [...essentials.map(itemSubject), ...COMMON_KIT_SUBJECTS];
  const known = subjects.map(current);
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
