/**
 * Bytes to text. A feed is UTF-8, but invalid bytes inside one row (a stray Latin-1 "é", a cut
 * multi-byte sequence) must cost only that row. U+FFFD cannot mark them, since a feed may hold
 * it legitimately, so each run of invalid bytes becomes a noncharacter (U+FDD0..U+FDEF) that the
 * rest of the text does not contain: the marker. The format readers reject, by field, any row
 * whose values hold the marker. Newlines, tabs, commas, quotes and angle brackets are ASCII and
 * always valid, so a marker never hides a row or cell boundary.
 *
 * Refused here: what is not UTF-8 text as a whole (UTF-16 or UTF-32, gzip, zip or xlsx, an old
 * Excel workbook), whatever a caller's encoding guess would be.
 */
import type { FeedRefusal } from './feed-types.js';

export interface FeedText {
  /** The text, its byte-order mark removed. */
  text: string;
  /** The marker standing for each run of invalid bytes, null when the input was valid throughout. */
  bad: string | null;
}

export type Decoded = { ok: true; feed: FeedText } | FeedRefusal;

const MARKERS_FIRST = 0xfdd0;
const MARKERS_LAST = 0xfdef;

export function decodeFeedBytes(bytes: Uint8Array): Decoded {
  const refusal = notUtf8Text(bytes);
  if (refusal) return { ok: false, reason: refusal };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, feed: { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bad: null } };
  } catch {
    return decodeWithMarkers(body);
  }
}

/** Text handed over as a string: lone surrogates are its invalid bytes. */
export function feedFromString(input: string): Decoded {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  if (!lone.test(text)) return { ok: true, feed: { text, bad: null } };
  const pieces = text.split(lone);
  const marker = pickMarker(pieces);
  if (marker === null) return { ok: false, reason: 'The feed is not valid text: it holds unpaired surrogates and every marker character.' };
  return { ok: true, feed: { text: pieces.join(marker), bad: marker } };
}

function notUtf8Text(b: Uint8Array): string | null {
  if (b[0] === 0x1f && b[1] === 0x8b) return 'The feed is gzip-compressed; decompress it first.';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'The feed is a zip archive (or an .xlsx workbook), not a text feed; export it as TSV, CSV, XML or JSON-LD.';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'The feed is an Excel workbook, not a text feed; export it as TSV or CSV.';
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) {
    return 'The feed is UTF-16 or UTF-32 (it starts with that byte-order mark); save it as UTF-8.';
  }
  if (b.length >= 4 && ((b[0] === 0 && b[2] === 0 && b[1] !== 0) || (b[1] === 0 && b[3] === 0 && b[0] !== 0))) {
    return 'The feed looks like UTF-16 (every other byte is zero); save it as UTF-8.';
  }
  return null;
}

function decodeWithMarkers(bytes: Uint8Array): Decoded {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const pieces: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    pieces.push(decoder.decode(bytes.subarray(runStart, i)));
    while (i < bytes.length && sequenceLength(bytes, i) === 0) i++;
    runStart = i;
  }
  pieces.push(decoder.decode(bytes.subarray(runStart)));
  const marker = pickMarker(pieces);
  if (marker === null) return { ok: false, reason: 'The feed is not valid UTF-8, and it holds every marker character that could stand for its invalid bytes.' };
  return { ok: true, feed: { text: pieces.join(marker), bad: marker } };
}

function pickMarker(pieces: readonly string[]): string | null {
  for (let c = MARKERS_FIRST; c <= MARKERS_LAST; c++) {
    const m = String.fromCharCode(c);
    if (!pieces.some((p) => p.includes(m))) return m;
  }
  return null;
}

/**
 * The length of the well-formed UTF-8 sequence at `i`, 0 when it is not one (Unicode 15,
 * table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
export function sequenceLength(b: Uint8Array, i: number): number {
  const b0 = b[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const v = b[i + k];
    return v !== undefined && v >= lo && v <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
