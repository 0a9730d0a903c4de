/**
 * What parseFeed (parse-feed.ts) returns: the drafts it could read, each with where it was, and
 * a reject for every row it could not, naming the row, the input field and the reason. A file it
 * will not read at all (too large, an XML DTD, not UTF-8, no known format) is refused outright.
 */
import type { BagDraft } from '@micropurse/core';

export type FeedFormat = 'micropurse-csv' | 'gmc-tsv' | 'gmc-xml' | 'jsonld';

/**
 * Where a row is: the 1-based physical line for CSV and TSV (the header is line 1), the item's
 * 1-based position for XML (among the channel's items) and JSON-LD (in the array or @graph).
 */
export type FeedLine = number;

export interface FeedDraft {
  line: FeedLine;
  draft: BagDraft;
}

export interface FeedReject {
  line: FeedLine;
  /** The row's own id (CSV id, Merchant id, JSON-LD sku) when it is readable and safe, else null. */
  id: string | null;
  /** The input column or attribute at fault, as the feed names it ("product_length", "offers.price"). */
  field: string;
  /** A sentence saying what is wrong. */
  reason: string;
}

export type FeedRefusal = { ok: false; reason: string };

export type FeedParse = { ok: true; format: FeedFormat; drafts: FeedDraft[]; rejects: FeedReject[] } | FeedRefusal;

export interface FeedOptions {
  /** Where the feed came from (a file name, a retailer): every draft's `source`. */
  source: string;
  /** When the feed was observed, yyyy-mm-dd: every draft's `seen`. */
  seen: string;
  /** Larger inputs are refused before they are decoded; default DEFAULT_MAX_FEED_BYTES. */
  maxBytes?: number;
}

/** 50 MiB: far above any real micro-bag feed, small enough to parse in memory. */
export const DEFAULT_MAX_FEED_BYTES = 50 * 1024 * 1024;

/** A field at fault in one row: becomes a FeedReject once the row's line and id are known. */
export interface Problem {
  field: string;
  reason: string;
}

/** What the format readers share: the run's options and the marker standing for invalid bytes. */
export interface FeedContext {
  source: string;
  seen: string;
  /** The character that replaced each run of invalid UTF-8 (decode-text.ts), null when there was none. */
  bad: string | null;
}
