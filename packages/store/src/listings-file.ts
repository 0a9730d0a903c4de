/**
 * Dated listings as a CSV file, for the trends: columns date, tier, price, currency, then any
 * attribute columns (size, novelty, finish, colour, wear, category, or any other KEY). A cell may
 * hold several values separated by "|" or ";" (wear modes). Values are read lower-case. A
 * `volume_cm3` (or `volume_ml`) column gives the size class (core sizeClass) to rows whose size
 * cell is empty or absent.
 *
 * The reading reuses the feeds' delimited reader (one physical line a row, RFC 4180 quotes, a tab-
 * separated file when the header has tabs) and their screening of text (invalid bytes, controls,
 * formula-like starts). A header without the four required columns, or naming one twice, refuses
 * the file; every other bad row is kept out and reported with its line, the column at fault and why.
 * The writer is the reader's inverse: what `trends simulate` writes reads back to the same listings.
 */
import { canonicalKey, canonicalValue, sizeClass, TREND_TIERS, type Tier, type TrendListing } from '@micropurse/core';
import { quote } from './feeds/cell-text.js';
import { decodeFeedBytes, feedFromString } from './feeds/decode-text.js';
import { physicalLines, splitCells, tableRows } from './feeds/delimited.js';
import { plainNumber } from './feeds/numbers.js';
import { RowReader } from './feeds/row-reader.js';

export const LISTING_COLUMNS = ['date', 'tier', 'price', 'currency'] as const;
const VOLUME_COLUMNS = ['volume_cm3', 'volume_ml'] as const;

export interface ListingsFileReject {
  /** 1-based physical line (the header is the first non-blank line). */
  readonly line: number;
  /** The column at fault, as the header names it. */
  readonly field: string;
  readonly reason: string;
}

export type ListingsFileParse =
  /** `lines[i]` is the physical line of `listings[i]`. */
  | { ok: true; listings: TrendListing[]; lines: number[]; rejects: ListingsFileReject[]; attributes: string[] }
  | { ok: false; reason: string };

/** A real calendar date yyyy-mm-dd (2023-02-29 is not one). */
function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** "Fast Fashion", "fast_fashion" and "fast-fashion" are one tier. */
function readTier(r: RowReader): Tier | null {
  const raw = r.text('tier');
  if (raw === '') {
    r.fail('tier', 'is missing.');
    return null;
  }
  const v = raw.toLowerCase().replace(/[\s_]+/g, '-');
  const hit = TREND_TIERS.find((t) => t === v);
  if (hit === undefined) r.fail('tier', `is ${quote(raw)}, not one of ${TREND_TIERS.join(', ')}.`);
  return hit ?? null;
}

/** A price: a plain number 0 or more (no cap: a luxury bag in yen or won runs to millions). */
function readPriceCell(r: RowReader): number | null {
  const raw = r.peek('price');
  if (raw === '') {
    r.fail('price', 'is missing.');
    return null;
  }
  if (/^-\s*\d/.test(raw)) {
    r.fail('price', `is negative (${quote(raw)}); a price is 0 or more.`);
    return null;
  }
  const text = r.text('price');
  if (text === '') return null;
  const v = plainNumber(text);
  if (v === null || !Number.isFinite(v)) {
    r.fail('price', `is ${quote(text)}, not a price such as "1690.00".`);
    return null;
  }
  return v;
}

function readVolume(r: RowReader, column: string): number | null {
  const text = r.text(column);
  if (text === '') return null;
  const v = plainNumber(text);
  if (v === null || !Number.isFinite(v) || v <= 0) {
    r.fail(column, `is ${quote(text)}, not a volume in cm³ such as "420".`);
    return null;
  }
  return v;
}

export function parseListingsFile(input: Uint8Array | string): ListingsFileParse {
  const decoded = typeof input === 'string' ? feedFromString(input) : decodeFeedBytes(input);
  if (!decoded.ok) return decoded;
  const { text, bad } = decoded.feed;
  const lines = physicalLines(text);
  const at = lines.findIndex((l) => l.text.trim() !== '');
  const header = lines[at];
  if (header === undefined) return { ok: false, reason: 'The file is empty.' };
  const delimiter = header.text.includes('\t') && !header.text.includes(',') ? '\t' : ',';
  const split = splitCells(header.text, delimiter);
  if (!split.ok) return { ok: false, reason: `The header row (line ${header.line}) has a quote that is not closed.` };
  const names = split.cells.map((c) => c.trim().toLowerCase());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const missing = LISTING_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return { ok: false, reason: `The header (line ${header.line}) lacks ${missing.join(', ')}: a listings file needs the columns ${LISTING_COLUMNS.join(', ')}, then attribute columns.` };
  }
  const twice = names.find((n, i) => n !== '' && names.indexOf(n) !== i);
  if (twice !== undefined) return { ok: false, reason: `The header names the column "${twice}" twice.` };
  const fixed = new Set<string>([...LISTING_COLUMNS, ...VOLUME_COLUMNS]);
  const attributeColumns = names.filter((n) => n !== '' && !fixed.has(n));
  const volumeColumn = VOLUME_COLUMNS.find((c) => names.includes(c));

  const listings: TrendListing[] = [];
  const listingLines: number[] = [];
  const rejects: ListingsFileReject[] = [];
  for (const row of tableRows(lines.slice(at + 1), names, delimiter)) {
    if (row.problem) {
      rejects.push({ line: row.line, ...row.problem });
      continue;
    }
    const r = new RowReader((f) => row.cells.get(f), bad);
    const date = r.required('date');
    if (date !== '' && !isCalendarDate(date)) r.fail('date', `is ${quote(date)}, not a date yyyy-mm-dd.`);
    const tier = readTier(r);
    const price = readPriceCell(r);
    const currency = r.currency('currency');
    if (currency === null && !r.has('currency')) r.fail('currency', 'is missing.');
    const attributes: Record<string, string[]> = {};
    for (const column of attributeColumns) {
      const values = r
        .text(column)
        .split(/[|;]/)
        .map(canonicalValue)
        .filter((v) => v !== '');
      const key = canonicalKey(column);
      attributes[key] = [...new Set([...(attributes[key] ?? []), ...values])];
    }
    if (volumeColumn !== undefined) {
      const cm3 = readVolume(r, volumeColumn);
      if (cm3 !== null && (attributes['size']?.length ?? 0) === 0) attributes['size'] = [sizeClass(cm3 * 1000)];
    }
    const problem = r.problem;
    if (problem || tier === null || price === null || currency === null) {
      rejects.push({ line: row.line, ...(problem ?? { field: 'row', reason: 'row is incomplete.' }) });
      continue;
    }
    listings.push({ date, tier, price, currency, attributes });
    listingLines.push(row.line);
  }
  return { ok: true, listings, lines: listingLines, rejects, attributes: [...new Set(attributeColumns.map(canonicalKey))] };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Listings as a listings file (attribute columns in the order first met; several values joined by "|"). */
export function listingsToCsv(listings: readonly TrendListing[]): string {
  const keys: string[] = [];
  for (const l of listings) for (const k of Object.keys(l.attributes)) if (!keys.includes(k)) keys.push(k);
  const rows = listings.map((l) => [l.date, l.tier, String(l.price), l.currency, ...keys.map((k) => (l.attributes[k] ?? []).join('|'))].map(csvCell).join(','));
  return `${[...LISTING_COLUMNS, ...keys].join(',')}\n${rows.join('\n')}${rows.length > 0 ? '\n' : ''}`;
}
