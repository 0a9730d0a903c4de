/**
 * Delimited text (the project's CSV, Merchant TSV), one physical line a row. Quotes follow RFC
 * 4180 within a line ("a, b" and "" for a quote, a quote opening only at a cell's start), but a
 * quoted value may not run onto the next line: the feeds read here never need it, and it keeps
 * every fault local. A row cut short inside quotes is rejected on its own line instead of
 * swallowing the rows after it.
 */
import type { Problem } from './feed-types.js';
import type { RowSource } from './read-rows.js';

export interface PhysicalLine {
  /** 1-based. */
  line: number;
  text: string;
}

export function physicalLines(text: string): PhysicalLine[] {
  return text.split(/\r\n|\n|\r/).map((t, i) => ({ line: i + 1, text: t }));
}

export type CellSplit = { ok: true; cells: string[] } | { ok: false; cells: string[]; cell: number; predicate: string };

export function splitCells(text: string, delimiter: string): CellSplit {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] !== '"') {
      const k = text.indexOf(delimiter, i);
      cells.push(text.slice(i, k < 0 ? undefined : k));
      if (k < 0) return { ok: true, cells };
      i = k + 1;
      continue;
    }
    let value = '';
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q < 0) return { ok: false, cells, cell: cells.length, predicate: 'opens a quote that is not closed on its line; values cannot run onto the next line.' };
      value += text.slice(j, q);
      if (text[q + 1] !== '"') {
        j = q + 1;
        break;
      }
      value += '"';
      j = q + 2;
    }
    cells.push(value);
    if (j === text.length) return { ok: true, cells };
    if (text.startsWith(delimiter, j)) {
      i = j + delimiter.length;
      continue;
    }
    return { ok: false, cells, cell: cells.length - 1, predicate: 'has text after its closing quote.' };
  }
}

export interface TableRow {
  line: number;
  /** The row's cells by column name, as far as they could be split. */
  cells: ReadonlyMap<string, string>;
  /** What is wrong with the row's shape (cut short, too long, an open quote), or null. */
  problem: Problem | null;
}

/**
 * The rows below the header, blank lines (and lines of empty cells) skipped. `names` are the header's column names; cells
 * past the last named column may only be empty (a trailing delimiter).
 */
export function* tableRows(lines: readonly PhysicalLine[], names: readonly string[], delimiter: string): Generator<TableRow> {
  const width = names.length;
  for (const { line, text } of lines) {
    if (text.trim() === '') continue;
    const split = splitCells(text, delimiter);
    // A spreadsheet's empty row (",,,,") is as blank as an empty line.
    if (split.ok && split.cells.every((c) => c.trim() === '')) continue;
    const cells = new Map<string, string>();
    split.cells.forEach((v, i) => {
      const name = names[i];
      if (name !== undefined && name !== '' && !cells.has(name)) cells.set(name, v);
    });
    const columnName = (i: number): string => (names[i] ? names[i] : `column ${i + 1}`);
    let problem: Problem | null = null;
    if (!split.ok) problem = { field: columnName(split.cell), reason: `${columnName(split.cell)} ${split.predicate}` };
    else if (split.cells.length < width) {
      const missing = columnName(split.cells.length);
      problem = { field: missing, reason: `${missing} is missing: the row has ${split.cells.length} of the header's ${width} columns, so it looks cut short.` };
    } else if (split.cells.slice(width).some((c) => c.trim() !== '')) {
      const extra = columnName(width);
      problem = { field: extra, reason: `${extra} is beyond the header's ${width} columns: the row has ${split.cells.length}.` };
    }
    yield { line, cells, problem };
  }
}

/** Table rows as the shared row loop reads them, one at a time: a feed's rows are never all held at once. */
export function* rowSources(rows: Iterable<TableRow>): Generator<RowSource> {
  for (const row of rows) yield { line: row.line, id: row.cells.get('id'), fields: row.cells, cell: (field) => row.cells.get(field), problem: row.problem };
}
