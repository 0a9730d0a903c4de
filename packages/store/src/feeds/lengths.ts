/**
 * Lengths with their units, to millimetres: "16 cm", "160mm", "6.3 in", "6.3 inch", "6.3\"",
 * and Merchant Center's `size` written as three sides, "16x10x7.5 cm" (w x h x d). Results are
 * rounded to 0.01 mm, so that "12.3 cm" is 123 mm and not 123.00000000000001.
 */
import { MAX_BAG_SIDE_MM } from '@micropurse/core';
import { quote } from './cell-text.js';
import { plainNumber, type NumberRead } from './numbers.js';

export type LengthUnit = 'mm' | 'cm' | 'in';

const UNITS: Readonly<Record<string, LengthUnit>> = {
  mm: 'mm',
  millimeter: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  millimetres: 'mm',
  cm: 'cm',
  centimeter: 'cm',
  centimeters: 'cm',
  centimetre: 'cm',
  centimetres: 'cm',
  in: 'in',
  inch: 'in',
  inches: 'in',
  '"': 'in',
  '″': 'in',
  '”': 'in',
  "''": 'in',
};

const MM_PER: Readonly<Record<LengthUnit, number>> = { mm: 1, cm: 10, in: 25.4 };

const LENGTH = /^(-\s*)?([\d.,]*)\s*(.*)$/s;

export interface LengthOptions {
  /** The unit of a bare number; without it a bare number is refused for want of a unit. */
  unitless?: LengthUnit;
  /** The only unit the field may be in (a column named in mm). */
  only?: LengthUnit;
}

export type LengthRead = NumberRead<{ mm: number }>;

export function unitOf(word: string): LengthUnit | null {
  return UNITS[word.toLowerCase()] ?? null;
}

/** One length, e.g. "16 cm", in mm. Reasons are predicates for the field's name: "is 0; ...". */
export function readLength(text: string, opts: LengthOptions = {}): LengthRead {
  const [, minus, digits = '', unitText = ''] = LENGTH.exec(text) ?? [];
  const value = digits === '' || /\d/.test(unitText) ? null : plainNumber(digits);
  if (value === null) return { kind: 'bad', reason: `is ${quote(text)}, not a length such as "16 cm".` };
  const unit = unitText === '' ? (opts.unitless ?? null) : unitOf(unitText);
  if (minus !== undefined && (unit !== null || unitText === '')) return { kind: 'negative', reason: `is negative (${quote(text)}); a side must be greater than 0.` };
  if (unit === null) {
    return unitText === ''
      ? { kind: 'bad', reason: `has no unit (${quote(text)}); write it with cm, mm or in, such as "16 cm".` }
      : { kind: 'bad', reason: `is in ${quote(unitText)}, which is not a unit of length; use cm, mm or in.` };
  }
  if (opts.only && unit !== opts.only) return { kind: 'bad', reason: `is in ${unit} (${quote(text)}), but the column is in ${opts.only}.` };
  if (value === 0) return { kind: 'bad', reason: 'is 0; a side must be greater than 0.' };
  const mm = Math.round(value * MM_PER[unit] * 100) / 100;
  if (!(mm <= MAX_BAG_SIDE_MM)) return { kind: 'bad', reason: `is ${quote(text)}, over ${MAX_BAG_SIDE_MM} mm: no bag has a side that long.` };
  if (mm === 0) return { kind: 'bad', reason: `is ${quote(text)}, under 0.01 mm: too small to be a side.` };
  return { kind: 'ok', mm };
}

// Written so that no two parts can match the same text: linear time on any cell (no ReDoS).
const SIDE_SEPARATOR = /[x×*]/i;
const DIMS_LIKE = /\d\s*(?:[a-z"″”']+\s*)?[x×*]\s*(?:-\s*)?\d/i;

/** Whether a Merchant `size` is written as sides ("16x10x7.5 cm") rather than a label ("One Size"). */
export function looksLikeSides(text: string): boolean {
  return DIMS_LIKE.test(text);
}

export type SidesRead = NumberRead<{ w: number; h: number; d: number }>;

/** "16x10x7.5 cm", "16 cm x 10 cm x 7.5 cm", "6.3\" x 4\" x 3\"": w x h x d in mm; a bare side takes the last side's unit. */
export function readSides(text: string): SidesRead {
  const parts = text.split(SIDE_SEPARATOR).map((p) => p.trim());
  if (parts.length !== 3) return { kind: 'bad', reason: `is ${quote(text)}: give three sides, W x H x D with a unit, such as "16x10x7.5 cm".` };
  const lastUnitText = (LENGTH.exec(parts[2]!) ?? [])[3] ?? '';
  const lastUnit = lastUnitText === '' ? null : unitOf(lastUnitText);
  if (lastUnitText === '') return { kind: 'bad', reason: `has no unit (${quote(text)}); write it as W x H x D with a unit, such as "16x10x7.5 cm".` };
  if (lastUnit === null) return { kind: 'bad', reason: `is in ${quote(lastUnitText)}, which is not a unit of length; use cm, mm or in.` };
  const sides: number[] = [];
  for (const part of parts) {
    const read = readLength(part, { unitless: lastUnit });
    if (read.kind !== 'ok') return { kind: read.kind, reason: `has a side that ${read.reason}` };
    sides.push(read.mm);
  }
  const [w = 0, h = 0, d = 0] = sides;
  return { kind: 'ok', w, h, d };
}
