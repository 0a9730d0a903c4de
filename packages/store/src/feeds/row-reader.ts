/**
 * Reads one row's fields, whatever the format, and keeps the first problem: each read returns a
 * usable placeholder after a failure, so a format's mapping reads straight through and checks
 * `problem` once at the end. Every text read is trimmed and screened (cell-text.ts); numbers,
 * lengths, prices and GTINs are parsed with the reasons of their own modules, a leading minus on
 * a number being a negative number and any other formula-like start a formula.
 */
import { BAD_BYTES_REASON, looksLikeFormula, formulaReason, quote, unsafeText } from './cell-text.js';
import type { Problem } from './feed-types.js';
import { readGtin } from './gtin.js';
import { readLength, readSides, type LengthOptions } from './lengths.js';
import type { NumberRead } from './numbers.js';
import { readAmount, readCurrency, readPrice } from './prices.js';

/**
 * A field's raw value: text, absent, or what the format found wrong with it (nested elements,
 * an element given twice), as a predicate for the field's name.
 */
export type Cell = string | { problem: string } | undefined;

export class RowReader {
  #problem: Problem | null = null;

  constructor(
    private readonly cell: (field: string) => Cell,
    private readonly bad: string | null,
  ) {}

  /** The first problem met, null while the row is good. */
  get problem(): Problem | null {
    return this.#problem;
  }

  /** Records `field` at fault; `predicate` completes the sentence that starts with its name ("is missing."). */
  fail(field: string, predicate: string): void {
    this.#problem ??= { field, reason: `${field} ${predicate}` };
  }

  /** Whether the field holds anything but blanks. */
  has(field: string): boolean {
    const c = this.cell(field);
    return c !== undefined && (typeof c !== 'string' || c.trim() !== '');
  }

  /** The trimmed value as it is, unscreened and recording nothing: for deciding how to read a field. */
  peek(field: string): string {
    const c = this.cell(field);
    return typeof c === 'string' ? c.trim() : '';
  }

  /** The trimmed text, '' when absent; a failure when it holds invalid bytes, controls or a formula-like start. */
  text(field: string): string {
    const v = this.raw(field);
    if (v === '') return '';
    const why = unsafeText(v);
    if (why !== null) {
      this.fail(field, why);
      return '';
    }
    return v;
  }

  required(field: string, why = 'is missing.'): string {
    const v = this.text(field);
    if (v === '') this.fail(field, why);
    return v;
  }

  /** One of `options` (case-insensitive), undefined when empty. */
  oneOf<T extends string>(field: string, options: readonly T[]): T | undefined {
    const v = this.text(field).toLowerCase();
    if (v === '') return undefined;
    const hit = options.find((o) => o === v);
    if (hit === undefined) this.fail(field, `is ${quote(v)}, not one of ${options.join(', ')}.`);
    return hit;
  }

  /** A `separator`-separated list of `options`, duplicates dropped. */
  listOf<T extends string>(field: string, options: readonly T[], separator: string): T[] {
    const out: T[] = [];
    for (const part of this.text(field).split(separator)) {
      const v = part.trim().toLowerCase();
      if (v === '') continue;
      const hit = options.find((o) => o === v);
      if (hit === undefined) {
        this.fail(field, `has ${quote(v)}, not one of ${options.join(', ')}.`);
        return [];
      }
      if (!out.includes(hit)) out.push(hit);
    }
    return out;
  }

  /** A side in mm, or null when the field is empty (the caller says whether that is allowed). */
  length(field: string, opts: LengthOptions = {}): number | null {
    const r = this.number(field, (v) => readLength(v, opts));
    return r === null ? null : r.mm;
  }

  /** Merchant `size` as three sides, w x h x d in mm. */
  sides(field: string): { w: number; h: number; d: number } | null {
    return this.number(field, readSides);
  }

  amount(field: string): number | null {
    const r = this.number(field, readAmount);
    return r === null ? null : r.amount;
  }

  price(field: string): { amount: number; currency: string } | null {
    return this.number(field, readPrice);
  }

  currency(field: string): string | null {
    const r = this.number(field, readCurrency);
    return r === null ? null : r.currency;
  }

  gtin(field: string): string | null {
    const v = this.text(field);
    if (v === '') return null;
    const r = readGtin(v);
    if (r.kind === 'ok') return r.gtin;
    this.fail(field, r.reason);
    return null;
  }

  private number<T>(field: string, read: (v: string) => NumberRead<T>): T | null {
    const v = this.raw(field);
    if (v === '') return null;
    const r = read(v);
    if (r.kind === 'ok') return r;
    if (r.kind === 'negative') this.fail(field, r.reason);
    else this.fail(field, looksLikeFormula(v) ? formulaReason(v) : (unsafeText(v) ?? r.reason));
    return null;
  }

  /** The trimmed value, '' when absent or after a failure (including invalid bytes). */
  private raw(field: string): string {
    const c = this.cell(field);
    if (c === undefined) return '';
    if (typeof c !== 'string') {
      this.fail(field, c.problem);
      return '';
    }
    if (this.bad !== null && c.includes(this.bad)) {
      this.fail(field, BAD_BYTES_REASON);
      return '';
    }
    return c.trim();
  }
}
