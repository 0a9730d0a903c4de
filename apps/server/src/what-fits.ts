/**
 * "What fits" for a product page: each everyday item on its own, and a few common kits, against
 * one bag, each with the engine's verdict. Every verdict comes from fit() within a share of the
 * request's budget, so a curved interior the budget cannot settle says "undecided", not "no".
 */
import { VerdictSchema, fit, itemFromEssential, parseKit, type EssentialRecord, type Interior, type Item } from '@micropurse/core';
import { z } from 'zod';

/** Kits people carry, as kit text (core parseKit): from the bare minimum to a full day out. */
export const COMMON_KITS: readonly { readonly name: string; readonly kit: string }[] = [
  { name: 'cards and a key', kit: 'credit card, house key' },
  { name: 'lipstick and cards', kit: 'lipstick, credit card x2' },
  { name: 'earbuds, cards and lip balm', kit: 'AirPods Pro 2, slim card holder, lip balm' },
  { name: 'phone, card and lipstick', kit: 'iPhone 15, credit card, lipstick' },
  { name: 'evening out', kit: 'iPhone 15, credit card x2, lipstick, house key, mini perfume' },
  { name: 'day out', kit: 'iPhone 15, AirPods Pro 2, slim card holder, lipstick, car key' },
];

const parsedKits = COMMON_KITS.map((k) => ({ name: k.name, items: parseKit(k.kit, 'kit') }));

export const WhatFitsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), verdict: VerdictSchema })).describe('every everyday item, on its own'),
  kits: z.array(z.object({ name: z.string(), items: z.array(z.string()), verdict: VerdictSchema })).describe('common kits'),
  /** How many items fit on their own: the headline a product page shows. */
  items_that_fit: z.number().int(),
});
export type WhatFits = z.infer<typeof WhatFitsSchema>;

/** `budgetMs` is shared by every fit() call; each gets an equal part of it. */
export function whatFits(interior: Interior, essentials: readonly EssentialRecord[], budgetMs: number): WhatFits {
  const perCall = Math.max(budgetMs / (essentials.length + parsedKits.length), 1);
  const verdict = (items: Item[]) => fit({ bag: interior, items, options: { timeLimitMs: perCall } }).verdict;
  const items = essentials.map((e) => ({ id: e.id, name: e.name, category: e.category, verdict: verdict([itemFromEssential(e)]) }));
  const kits = parsedKits.map((k) => ({ name: k.name, items: k.items.flatMap((it) => Array.from({ length: it.quantity }, () => it.name)), verdict: verdict(k.items) }));
  return { items, kits, items_that_fit: items.filter((i) => i.verdict === 'fits').length };
}
