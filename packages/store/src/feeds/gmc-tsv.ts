/**
 * Google Merchant Center's tab-separated product feed: a header row of attribute names ("id",
 * "title", "product_length"; also "g:id" or "Product Length"), one item a line. Rejects name the
 * attribute, lines are physical lines (the header is line 1). Mapping: gmc-item.ts.
 */
import type { FeedContext, FeedParse } from './feed-types.js';
import { rowSources, tableRows, type PhysicalLine } from './delimited.js';
import { gmcDraft, gmcFieldOf } from './gmc-item.js';
import { readRows } from './read-rows.js';

/** Attributes only a Merchant feed has; two of them and an id make a header a Merchant header. */
const MERCHANT_ATTRIBUTES = ['id', 'title', 'brand', 'price', 'link', 'image_link', 'availability', 'condition', 'gtin', 'mpn', 'product_length', 'size', 'google_product_category'];

export function isGmcHeader(names: readonly string[]): boolean {
  return MERCHANT_ATTRIBUTES.filter((a) => names.includes(a)).length >= 2;
}

/** `names` are the header's attribute names (gmcAttributeName), `body` the lines after it. */
export function parseGmcTsv(names: readonly string[], body: readonly PhysicalLine[], ctx: FeedContext): FeedParse {
  if (!names.includes('id')) return { ok: false, reason: 'The Merchant feed has no id column; Merchant Center requires one.' };
  return { ok: true, format: 'gmc-tsv', ...readRows(rowSources(tableRows(body, names, '\t')), ctx, gmcDraft, gmcFieldOf) };
}
