/**
 * The size gate: a feed over the limit is refused before a byte of it is decoded or parsed.
 * Callers that read from disk ask checkSize with the file's size before reading it.
 */
import { DEFAULT_MAX_FEED_BYTES } from './feed-types.js';

/**
 * The reason a feed of `byteLength` bytes is refused, or null when it is within `maxBytes`
 * (default DEFAULT_MAX_FEED_BYTES, 50 MiB).
 */
export function checkSize(byteLength: number, maxBytes: number = DEFAULT_MAX_FEED_BYTES): string | null {
  if (byteLength <= maxBytes) return null;
  return `The feed is ${byteLength.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')} bytes.`;
}

/** The length of `text` encoded as UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
