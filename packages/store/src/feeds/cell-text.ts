/**
 * Checks on one text value, shared by every format: characters that have no place in a catalog
 * field, and a start that a spreadsheet would run as a formula (OWASP "CSV injection": = + - @).
 * Rows that fail are rejected rather than defused: the catalog would otherwise keep the text for
 * whoever exports it next.
 */

const FORMULA_START = /^[=+\-@]/;
// C0 controls but tab, and DEL: never part of a name, a colour or a note.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** Why `value` (already trimmed) may not be stored as text, or null. */
export function unsafeText(value: string): string | null {
  if (FORMULA_START.test(value)) return formulaReason(value);
  const c = CONTROL.exec(value);
  if (c) return `contains the control character U+${c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}.`;
  return null;
}

export function formulaReason(value: string): string {
  return `starts with "${value[0]}", which a spreadsheet would run as a formula; it is rejected as a formula-injection risk.`;
}

export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** A value quoted for a reason: short, and with control characters escaped. */
export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

/** The first field, in order, whose value holds the invalid-bytes marker. */
export function fieldWithBadBytes(fields: Iterable<readonly [string, unknown]>, bad: string | null): string | null {
  if (bad === null) return null;
  for (const [name, value] of fields) if (holds(value, bad, 0)) return name;
  return null;
}

export const BAD_BYTES_REASON = 'contains bytes that are not valid UTF-8; the row is rejected rather than guessed at.';

// Nested values (an XML element's children, a JSON-LD offer) are searched a few levels down.
const MAX_DEPTH = 8;

function holds(value: unknown, bad: string, depth: number): boolean {
  if (typeof value === 'string') return value.includes(bad);
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return false;
  const values = Array.isArray(value) ? value : Object.values(value);
  return values.some((v) => holds(v, bad, depth + 1));
}
