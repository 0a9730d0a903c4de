/**
 * parseFeed: one entry for every feed the catalog imports. In order: the options are checked
 * (a bad one is the caller's bug and throws InputError); the size is checked on the byte length,
 * before anything is decoded; the bytes are decoded (decode-text.ts), invalid bytes marked for
 * the rows that hold them; the format is read from the content, not the file name: "<" is
 * Merchant RSS, "{" or "[" is JSON-LD, anything else a table whose header says which. Nothing
 * in a feed makes it throw: a feed is either refused with a reason, or read into drafts (each
 * valid against BagDraftSchema) and rejects (each with its line, field and reason).
 */
import { InputError, IsoDateSchema } from '@micropurse/core';
import { decodeFeedBytes, feedFromString } from './decode-text.js';
import { checkSize, utf8ByteLength } from './feed-size.js';
import { DEFAULT_MAX_FEED_BYTES, type FeedContext, type FeedOptions, type FeedParse } from './feed-types.js';
import { parseGmcXml } from './gmc-xml.js';
import { parseJsonLd } from './jsonld.js';
import { parseTableFeed } from './table-feed.js';

export function parseFeed(input: Uint8Array | string, opts: FeedOptions): FeedParse {
  const maxBytes = checkOptions(opts);
  const tooLarge = checkSize(typeof input === 'string' ? utf8ByteLength(input) : input.byteLength, maxBytes);
  if (tooLarge !== null) return { ok: false, reason: tooLarge };
  const decoded = typeof input === 'string' ? feedFromString(input) : decodeFeedBytes(input);
  if (!decoded.ok) return decoded;
  const { text, bad } = decoded.feed;
  const ctx: FeedContext = { source: opts.source, seen: opts.seen, bad };
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return { ok: false, reason: 'The feed is empty.' };
  if (first === '<') return parseGmcXml(text, ctx);
  if (first === '{' || first === '[') return parseJsonLd(text, ctx);
  return parseTableFeed(text, ctx);
}

function checkOptions(opts: FeedOptions): number {
  if (typeof opts.source !== 'string' || opts.source.trim() === '') throw new InputError('source', 'must name where the feed came from');
  if (!IsoDateSchema.safeParse(opts.seen).success) throw new InputError('seen', `"${String(opts.seen)}" must be a date yyyy-mm-dd`);
  const max = opts.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  if (!Number.isInteger(max) || max < 0) throw new InputError('maxBytes', `${String(max)} must be a whole number of bytes`);
  return max;
}
