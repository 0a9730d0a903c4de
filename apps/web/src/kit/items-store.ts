/** The everyday items (GET /v1/items), fetched once per page load and shared by every page. */
import type { EssentialRecord } from '@micropurse/core';
import { getItems } from '../api';
import { useAsync, type AsyncState } from '../ui/use-async';

let cached: Promise<EssentialRecord[]> | undefined;

export function loadItems(): Promise<EssentialRecord[]> {
  cached ??= getItems().catch((e: unknown) => {
    cached = undefined; // let a later visit try again
    throw e;
  });
  return cached;
}

export const useItems = (): AsyncState<EssentialRecord[]> => useAsync(loadItems, []);

/**
 * Items matching what was typed: every word must appear in the name, id or category, so
 * "iphone 15 pro" finds "iPhone 15 Pro" and "pro 15" finds it too. Whole-word hits first.
 */
export function searchItems(items: readonly EssentialRecord[], text: string, limit = 8): EssentialRecord[] {
  const words = text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const hay = (e: EssentialRecord) => `${e.name} ${e.id} ${e.category}`.toLowerCase();
  const hits = items.filter((e) => words.every((w) => hay(e).includes(w)));
  const score = (e: EssentialRecord) => words.filter((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(hay(e))).length;
  return hits.sort((a, b) => score(b) - score(a) || a.name.length - b.name.length).slice(0, limit);
}
