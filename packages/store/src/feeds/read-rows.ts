/**
 * The loop every format shares: for each row, reject it for its shape, for invalid bytes in any
 * of its fields, or for the first field its mapping finds wrong; otherwise validate the mapped
 * draft with BagDraftSchema, so that no draft leaves the parser unchecked.
 */
import { BagDraftSchema, formatIssuePath, type BagDraftInput } from '@micropurse/core';
import { BAD_BYTES_REASON, fieldWithBadBytes, quote, unsafeText } from './cell-text.js';
import type { FeedContext, FeedDraft, FeedReject, Problem } from './feed-types.js';
import { RowReader, type Cell } from './row-reader.js';

export interface RowSource {
  line: number;
  /** The row's own id field, for the reject; unread beyond that. */
  id: Cell;
  /** Every field of the row as parsed, searched for invalid bytes, in the feed's order. */
  fields: Iterable<readonly [string, unknown]>;
  cell: (field: string) => Cell;
  /** A fault in the row's shape found before its fields are read. */
  problem?: Problem | null;
}

/** A format's mapping from one row to a draft; failures go to the reader. */
export type RowMapping = (r: RowReader, ctx: FeedContext) => BagDraftInput;

export interface ReadRows {
  drafts: FeedDraft[];
  rejects: FeedReject[];
}

/**
 * `fieldOf` names the input field behind a draft path (["exterior", "w"] -> "product_length"),
 * for the schema's last word; the mappings check the same things first, with better reasons.
 */
export function readRows(rows: Iterable<RowSource>, ctx: FeedContext, map: RowMapping, fieldOf: (path: readonly PropertyKey[]) => string): ReadRows {
  const drafts: FeedDraft[] = [];
  const rejects: FeedReject[] = [];
  for (const row of rows) {
    const id = safeId(row.id, ctx.bad);
    const reject = (p: Problem): void => void rejects.push({ line: row.line, id, field: p.field, reason: p.reason });
    if (row.problem) {
      reject(row.problem);
      continue;
    }
    const found = fieldWithBadBytes(row.fields, ctx.bad);
    if (found !== null) {
      // The name is the feed's own (a JSON-LD key): quoted when it is not plain, safe text.
      const badField = found.length > 64 || unsafeText(found) !== null ? quote(found) : found;
      reject({ field: badField, reason: `${badField} ${BAD_BYTES_REASON}` });
      continue;
    }
    const reader = new RowReader(row.cell, ctx.bad);
    const input = map(reader, ctx);
    if (reader.problem) {
      reject(reader.problem);
      continue;
    }
    const parsed = BagDraftSchema.safeParse(input);
    if (parsed.success) {
      drafts.push({ line: row.line, draft: parsed.data });
      continue;
    }
    const issue = parsed.error.issues[0];
    const field = issue ? fieldOf(issue.path) : '(row)';
    reject({ field, reason: `${field} ${issue?.message ?? 'is not valid'}.` });
  }
  return { drafts, rejects };
}

/** A path's field from a table of draft paths ("exterior.w") to input names, else the path itself. */
export function fieldsByPath(table: Readonly<Record<string, string>>): (path: readonly PropertyKey[]) => string {
  return (path) => {
    const p = formatIssuePath(path);
    return table[p] ?? table[p.split(/[.[]/)[0] ?? ''] ?? p;
  };
}

/** The row's id for a reject: only when it is plain, safe text. */
function safeId(id: Cell, bad: string | null): string | null {
  if (typeof id !== 'string') return null;
  const v = id.trim();
  if (v === '' || (bad !== null && v.includes(bad)) || unsafeText(v) !== null) return null;
  return v.length > 200 ? v.slice(0, 200) : v;
}
