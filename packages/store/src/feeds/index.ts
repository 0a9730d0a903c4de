/** Feed parsing: the project's CSV, Google Merchant TSV and RSS, schema.org JSON-LD, to drafts and rejects. */
export { parseFeed } from './parse-feed.js';
export { checkSize, utf8ByteLength } from './feed-size.js';
export {
  DEFAULT_MAX_FEED_BYTES,
  type FeedDraft,
  type FeedFormat,
  type FeedLine,
  type FeedOptions,
  type FeedParse,
  type FeedRefusal,
  type FeedReject,
} from './feed-types.js';
