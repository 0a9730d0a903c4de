/**
 * A feed that is a table: the first non-blank line is the header, and it says which table. A
 * comma-separated header with the project's columns (exterior_w_mm...) is the project's CSV; a
 * tab-separated header of Merchant attributes is a Merchant TSV. Anything else is refused, with
 * the near misses (a comma-separated Merchant feed, a tab-separated project CSV) named.
 */
import { looksLikeFormula, quote } from './cell-text.js';
import { physicalLines, rowSources, splitCells, tableRows } from './delimited.js';
import type { FeedContext, FeedParse, FeedRefusal } from './feed-types.js';
import { gmcAttributeName } from './gmc-item.js';
import { isGmcHeader, parseGmcTsv } from './gmc-tsv.js';
import { isMicropurseHeader, MICROPURSE_REQUIRED, micropurseDraft, micropurseFieldOf } from './micropurse-csv.js';
import { readRows } from './read-rows.js';

const refuse = (reason: string): FeedRefusal => ({ ok: false, reason });

export function parseTableFeed(text: string, ctx: FeedContext): FeedParse {
  const lines = physicalLines(text);
  const at = lines.findIndex((l) => l.text.trim() !== '');
  const header = lines[at];
  if (header === undefined) return refuse('The feed is empty.');
  if (ctx.bad !== null && header.text.includes(ctx.bad)) {
    return refuse(`The header row (line ${header.line}) contains bytes that are not valid UTF-8, so its columns cannot be named.`);
  }
  const delimiter = header.text.includes('\t') ? '\t' : ',';
  const split = splitCells(header.text, delimiter);
  if (!split.ok) return refuse(`The header row (line ${header.line}) has a quote that is not closed.`);
  const raw = dropTrailingBlanks(split.cells.map((c) => c.trim()));
  // Column names end up in rejects (and rejects files): a formula there would travel with them.
  const formula = raw.find(looksLikeFormula);
  if (formula !== undefined) return refuse(`The header names a column ${quote(formula)}, which a spreadsheet would run as a formula.`);
  const body = lines.slice(at + 1);
  const micropurse = isMicropurseHeader(raw);
  const merchant = raw.map(gmcAttributeName);
  const gmc = isGmcHeader(merchant);
  if (delimiter === ',' && micropurse) {
    const twice = repeated(raw);
    if (twice) return refuse(`The header names the column "${twice}" twice.`);
    const missing = MICROPURSE_REQUIRED.filter((c) => !raw.includes(c));
    if (missing.length > 0) return refuse(`The project's CSV header lacks ${missing.join(', ')}.`);
    return { ok: true, format: 'micropurse-csv', ...readRows(rowSources(tableRows(body, raw, ',')), ctx, micropurseDraft, micropurseFieldOf) };
  }
  if (delimiter === '\t' && gmc) {
    const twice = repeated(merchant);
    if (twice) return refuse(`The header names the attribute "${twice}" twice.`);
    return parseGmcTsv(merchant, body, ctx);
  }
  if (gmc) return refuse('The feed looks like a Merchant Center feed but is not tab-separated; Merchant text feeds are TSV.');
  if (micropurse) return refuse("The feed looks like the project's CSV but is not comma-separated.");
  return refuse(
    "The feed is not a recognised format: not the project's CSV (no exterior_w_mm column), not a Merchant TSV (no tab-separated id, title, price... header), not RSS 2.0 XML and not JSON-LD.",
  );
}

function dropTrailingBlanks(names: string[]): string[] {
  let n = names.length;
  while (n > 0 && names[n - 1] === '') n--;
  return names.slice(0, n);
}

function repeated(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    if (n !== '' && seen.has(n)) return n;
    seen.add(n);
  }
  return undefined;
}
