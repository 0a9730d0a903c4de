/**
 * From a request's references to what the engine takes: bags by catalog id or name (the store
 * first, so imported bags and updated interiors count; then the built-in names), kit entries of
 * every accepted form to core Items, and the per-request limits (pieces, engine time).
 */
import {
  bagDisplayName,
  bagInterior,
  findBag,
  findEssential,
  itemFromEssential,
  parseKitEntry,
  type Interior,
  type Item,
} from '@micropurse/core';
import type { Store } from '@micropurse/store';
import type { ServerConfig } from './config.js';
import { kitTooLarge } from './problems.js';
import type { BagRef, KitEntry } from './schemas/requests.js';

export interface ResolvedBag {
  readonly interior: Interior;
  /** Set when the bag came from the catalog. */
  readonly bag?: { readonly id: string; readonly name: string };
}

export async function resolveBag(store: Pick<Store, 'bags'>, ref: BagRef, field: string): Promise<ResolvedBag> {
  if (typeof ref !== 'string') return { interior: 'shape' in ref ? ref : { shape: 'box', w: ref.w, h: ref.h, d: ref.d } };
  const stored = await store.bags.get(ref.trim());
  if (stored) return { interior: stored.interior, bag: { id: stored.id, name: `${stored.brand} ${stored.model}` } };
  // Not an id in the store: a name of a built-in bag (an unknown or ambiguous one is an InputError with candidates).
  const record = findBag(ref, field);
  const current = await store.bags.get(record.id);
  return {
    interior: current?.interior ?? bagInterior(record),
    bag: { id: record.id, name: bagDisplayName(record) },
  };
}

/**
 * Kit text entries as parsed: parsing is pure (the built-in data is constant) and the same few
 * entries come again and again ("iPhone 15", "credit card x2"), while resolving a name by edit
 * distance costs more than the fit itself for a small kit. Frozen, so that sharing is safe.
 */
const parsedEntries = new Map<string, Item>();
const MAX_PARSED_ENTRIES = 5000;

function parseEntry(raw: string, field: string): Item {
  const entry = raw.trim();
  const known = parsedEntries.get(entry);
  if (known) return known;
  const item = parseKitEntry(entry, field);
  Object.freeze(item.dims);
  if (item.soft) Object.freeze(item.soft);
  if (Array.isArray(item.rotation)) Object.freeze(item.rotation);
  Object.freeze(item);
  // Oldest first out: a Map iterates in insertion order.
  if (parsedEntries.size >= MAX_PARSED_ENTRIES) parsedEntries.delete(parsedEntries.keys().next().value!);
  parsedEntries.set(entry, item);
  return item;
}

function entryItem(entry: KitEntry, field: string): Item {
  if (typeof entry === 'string') return parseEntry(entry, field);
  if ('item' in entry) {
    const rec = findEssential(entry.item, `${field}.item`);
    return itemFromEssential(rec, { quantity: entry.quantity, ...(entry.priority === undefined ? {} : { priority: entry.priority }), ...(entry.case ? { withCase: true } : {}) }, field);
  }
  if ('dims' in entry) return entry;
  return { name: entry.name, dims: { w: entry.w, h: entry.h, d: entry.d }, quantity: 1, rotation: entry.rot ?? 'all', shape: 'box' };
}

/** The kit as core Items; more than `maxPieces` pieces (quantities counted) is a 422 naming `field`. */
export function resolveKit(entries: readonly KitEntry[], maxPieces: number, field = 'items'): Item[] {
  // Checked before resolving too, so that a huge list costs nothing.
  if (entries.length > maxPieces) throw kitTooLarge(entries.length, maxPieces, field);
  const items = entries.map((e, i) => entryItem(e, `${field}[${i}]`));
  const pieces = items.reduce((n, it) => n + it.quantity, 0);
  if (pieces > maxPieces) throw kitTooLarge(pieces, maxPieces, field);
  return items;
}

/** The engine's time for this request: what the client asked for, never more than the server's budget. */
export function engineBudget(config: Pick<ServerConfig, 'budgetMs'>, requested: number | undefined): number {
  return Math.min(requested ?? config.budgetMs, config.budgetMs);
}
