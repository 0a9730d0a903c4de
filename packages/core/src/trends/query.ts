/**
 * Attribute queries: "size=micro", or a combination "size=micro,finish=metallic" that a listing
 * matches when it has every one of the values (a key may hold several values, as wear modes do).
 * Keys and values are compared lower-case and trimmed; a few spellings of the same key are one key.
 */
import { InputError } from '../errors.js';
import type { TrendListing, TrendQuery } from '../model/trends.js';

/** Other spellings of the canonical attribute keys (bag-attributes.ts). */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  color: 'colour',
  'colour-family': 'colour',
  color_family: 'colour',
  colour_family: 'colour',
  'wear-mode': 'wear',
  wear_mode: 'wear',
  wear_modes: 'wear',
  'size-class': 'size',
  size_class: 'size',
  finishes: 'finish',
};

/** An attribute key as stored: lower-case, trimmed, aliases resolved. */
export function canonicalKey(key: string): string {
  const k = key.trim().toLowerCase();
  return KEY_ALIASES[k] ?? k;
}

/** An attribute value as stored: lower-case and trimmed. */
export function canonicalValue(value: string): string {
  return value.trim().toLowerCase();
}

/** Parses KEY=VALUE[,KEY=VALUE...]; a bad query is an InputError naming `field`. */
export function parseTrendQuery(text: string, field = 'attribute'): TrendQuery {
  const parts = text.split(',').map((s) => s.trim());
  if (text.trim() === '') throw new InputError(field, 'is empty; write KEY=VALUE, e.g. size=micro');
  const conditions = parts.map((part) => {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : canonicalKey(part.slice(0, eq));
    const value = eq < 0 ? '' : canonicalValue(part.slice(eq + 1));
    if (key === '' || value === '') throw new InputError(field, `"${part}" is not KEY=VALUE (e.g. size=micro, finish=metallic)`);
    return { key, value };
  });
  return { label: conditions.map((c) => `${c.key}=${c.value}`).join(','), conditions };
}

export function matchesQuery(listing: TrendListing, query: TrendQuery): boolean {
  return query.conditions.every((c) => listing.attributes[c.key]?.includes(c.value) ?? false);
}

/** The query's keys that no listing has at all: most likely a misspelt column. */
export function unknownKeys(listings: readonly TrendListing[], query: TrendQuery): string[] {
  const seen = new Set<string>();
  for (const l of listings) for (const k of Object.keys(l.attributes)) seen.add(k);
  return [...new Set(query.conditions.map((c) => c.key))].filter((k) => !seen.has(k));
}
