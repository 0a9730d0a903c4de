/**
 * importFeed: one entry for everything `micropurse import` and POST /v1/imports take, the format
 * read from the content. A catalog feed (the project's CSV, a Merchant feed, JSON-LD) goes through
 * parseFeed and importDrafts; a dated listings file (a header with date, tier, price and currency
 * and no product id) is the market seen by tier and attributes, stored for the trends. Either way
 * it is one transaction, every rejected row is reported with its line, field and reason, and a
 * re-import of the same file reports every row unchanged.
 */
import { checkSize, utf8ByteLength } from './feeds/feed-size.js';
import { physicalLines, splitCells } from './feeds/delimited.js';
import { DEFAULT_MAX_FEED_BYTES, type FeedFormat } from './feeds/feed-types.js';
import { isMicropurseHeader } from './feeds/micropurse-csv.js';
import { parseFeed } from './feeds/parse-feed.js';
import { importDrafts, type ImportReject } from './import.js';
import { LISTING_COLUMNS, parseListingsFile } from './listings-file.js';
import type { Store } from './store.js';

export type ImportFormat = FeedFormat | 'listings-csv';

export interface FeedImportReport {
  readonly format: ImportFormat;
  readonly accepted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rejects: ImportReject[];
  /** Rows read: drafts for a catalog feed, listings for a listings file. */
  readonly rows: number;
}

export type FeedImport = { ok: true; report: FeedImportReport } | { ok: false; reason: string };

export interface FeedImportOptions {
  readonly source: string;
  /** When a catalog feed was observed, yyyy-mm-dd (a listings file carries its own dates). */
  readonly seen: string;
  readonly maxBytes?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function importFeed(store: Pick<Store, 'transaction'>, input: Uint8Array | string, opts: FeedImportOptions): Promise<FeedImport> {
  if (isListingsFile(input)) {
    const tooLarge = checkSize(typeof input === 'string' ? utf8ByteLength(input) : input.byteLength, opts.maxBytes ?? DEFAULT_MAX_FEED_BYTES);
    if (tooLarge !== null) return { ok: false, reason: tooLarge };
    const parsed = parseListingsFile(input);
    if (!parsed.ok) return parsed;
    const rows = parsed.listings.map((listing, i) => ({ line: parsed.lines[i]!, listing }));
    const counts = await store.transaction((tx) => tx.marketListings.upsertMany(opts.source, rows));
    opts.onProgress?.(rows.length, rows.length);
    const rejects = parsed.rejects.map((r) => ({ line: r.line, id: null, field: r.field, reason: r.reason }));
    return { ok: true, report: { format: 'listings-csv', ...counts, rejected: rejects.length, rejects, rows: rows.length } };
  }
  const parsed = parseFeed(input, { source: opts.source, seen: opts.seen, ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }) });
  if (!parsed.ok) return parsed;
  const report = await importDrafts(store, parsed.drafts, parsed.rejects, { source: opts.source, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  const rejects = report.rejects.map(({ line, id, field, reason }) => ({ line, id, field, reason }));
  return { ok: true, report: { format: parsed.format, accepted: report.accepted, updated: report.updated, unchanged: report.unchanged, rejected: rejects.length, rejects, rows: parsed.drafts.length } };
}

/** The first non-blank line names date, tier, price and currency, and no product id or dimensions. */
function isListingsFile(input: Uint8Array | string): boolean {
  // The header is near the start: decoding a few kB is enough to read it.
  const head = typeof input === 'string' ? input.slice(0, 4096) : new TextDecoder('utf-8', { fatal: false }).decode(input.subarray(0, 4096));
  const header = physicalLines(head.replace(/^\uFEFF/, '')).find((l) => l.text.trim() !== '');
  if (!header) return false;
  const split = splitCells(header.text, header.text.includes('\t') && !header.text.includes(',') ? '\t' : ',');
  const names = split.cells.map((c) => c.trim().toLowerCase());
  return LISTING_COLUMNS.every((c) => names.includes(c)) && !names.includes('id') && !isMicropurseHeader(names);
}
