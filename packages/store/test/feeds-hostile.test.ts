/**
 * Hostile feeds, generated. Good rows are written from known values, in every way a format may
 * write them (units, price styles, quoting, CDATA-free escapes, blank lines, CRLF, duplicate SKUs);
 * bad rows are good rows with one defect each (a formula cell, a negative, zero, NaN or absurd
 * side, a missing or wrong unit, invalid UTF-8 bytes, a truncated row, an open quote, a missing
 * field...). Whatever the mix, parseFeed must not throw, must return only drafts that pass
 * BagDraftSchema, must keep every good row with the values it was written from, and must reject
 * every bad row, once, naming its line, the field at fault and why.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  BagDraftSchema,
  BagShapeSchema,
  ClosureSchema,
  StrapSchema,
  TierSchema,
  WearModeSchema,
  type BagDraft,
  type BagDraftInput,
} from '@micropurse/core';
import { describe, expect, it } from 'vitest';
import { parseFeed, type FeedFormat, type FeedParse } from '../src/feeds/index.js';
import { gtinCheckDigit } from '../src/feeds/gtin.js';

/** MICROPURSE_FUZZ=N multiplies the property runs (a long fuzz, not for every `npm test`). */
const FUZZ = Number(process.env['MICROPURSE_FUZZ'] ?? 1);
const RUNS = 150 * FUZZ;
const SOURCE = 'hostile-feed';
const SEEN = '2026-09-01';

// ---------------------------------------------------------------------------------------------
// Known values

type Unit = 'mm' | 'cm' | 'in';
/** n counts tenths of a mm (mm), tenths of a cm (cm) or quarter inches (in): every value exact. */
interface Side {
  unit: Unit;
  n: number;
}
const sideValue = (s: Side): number => (s.unit === 'in' ? s.n / 4 : s.n / 10);
const sideMm = (s: Side): number => (s.unit === 'mm' ? s.n / 10 : s.unit === 'cm' ? s.n : (s.n * 635) / 100);
const sideText = (s: Side): string => `${sideValue(s)} ${s.unit}`;

const mmSide = fc.integer({ min: 1, max: 10_000 }).map((n): Side => ({ unit: 'mm', n }));
const anySide = fc.oneof(
  mmSide,
  fc.integer({ min: 1, max: 1000 }).map((n): Side => ({ unit: 'cm', n })),
  fc.integer({ min: 1, max: 157 }).map((n): Side => ({ unit: 'in', n })),
);

const EDGE_CHARS = [...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 'é', 'ß', 'Å', '日', '😀'];
const INNER_CHARS = [...EDGE_CHARS, '&', '<', '>', '"', "'", ',', '/', '-', '(', ')', '.', ';', '#', '%'];
const word = fc
  .tuple(fc.constantFrom(...EDGE_CHARS), fc.array(fc.constantFrom(...INNER_CHARS), { maxLength: 5 }), fc.constantFrom(...EDGE_CHARS))
  .map(([a, mid, b]) => a + mid.join('') + b);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((ws) => ws.join(' '));
const maybeWords = fc.oneof(fc.constant(''), words(3));

const CURRENCIES = ['USD', 'EUR', 'GBP', 'INR', 'JPY'] as const;
interface Price {
  cents: number;
  currency: string;
  style: 0 | 1 | 2;
}
const priceArb = fc.record({ cents: fc.integer({ min: 0, max: 100_000_000 }), currency: fc.constantFrom(...CURRENCIES), style: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2> });
const amountOf = (p: Price): number => p.cents / 100;
function priceText(p: Price): string {
  const a = amountOf(p);
  if (p.style === 0) return `${a.toFixed(2)} ${p.currency}`;
  if (p.style === 1) return `${p.currency} ${a}`;
  return `${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${p.currency}`;
}

const gtinArb = fc.integer({ min: 0, max: 999_999_999 }).map((n) => {
  const body = `400${String(n).padStart(9, '0')}`;
  return body + gtinCheckDigit(body);
});

type Tier = (typeof TierSchema.options)[number];

interface Bag {
  id: string;
  brand: string;
  model: string;
  tier: Tier | null;
  price: Price | null;
  sides: [Side, Side, Side];
  color: string;
  material: string;
  pattern: string;
  gtin: string | null;
  mpn: string | null;
  /** Merchant feeds: sides written as `size` rather than product_length/height/width. */
  asSize: boolean;
  /** The project's CSV only. */
  shape: string;
  closure: string;
  strap: string;
  wear: string[];
  texture: string;
  note: string;
}

const idArb = fc.oneof({ weight: 1, arbitrary: fc.constantFrom('dup-1', 'dup-2') }, { weight: 5, arbitrary: fc.nat(1_000_000).map((n) => `sku-${n}`) });

function bagArb(side: fc.Arbitrary<Side>): fc.Arbitrary<Bag> {
  return fc.record({
    id: idArb,
    brand: words(2),
    model: words(4),
    tier: fc.option(fc.constantFrom(...TierSchema.options), { nil: null }),
    price: fc.option(priceArb, { nil: null }),
    sides: fc.tuple(side, side, side),
    color: maybeWords,
    material: maybeWords,
    pattern: maybeWords,
    gtin: fc.option(gtinArb, { nil: null }),
    mpn: fc.option(word, { nil: null }),
    asSize: fc.boolean(),
    shape: fc.constantFrom(...BagShapeSchema.options),
    closure: fc.constantFrom(...ClosureSchema.options),
    strap: fc.constantFrom(...StrapSchema.options),
    wear: fc.subarray([...WearModeSchema.options]),
    texture: maybeWords,
    note: words(6),
  });
}

// ---------------------------------------------------------------------------------------------
// Defects

const FORMULAS = ['=HYPERLINK("http://x","y")', '+cmd', '-1+1', '@SUM(A1:A9)', '=1+1', '@cmd|calc'];
const INVALID_BYTES = [[0xff], [0xc3], [0xe9], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];

type SideFault = 'negative' | 'zero' | 'nan' | 'absurd' | 'no-unit' | 'wrong-unit' | 'formula';
const SIDE_REASON: Record<SideFault, RegExp> = {
  negative: /is negative/,
  zero: /is 0; a side must be greater than 0/,
  nan: /not a length/,
  absurd: /over 1000 mm/,
  'no-unit': /has no unit/,
  'wrong-unit': /not a unit of length|but the column is in mm|unitCode/,
  formula: /formula-injection risk/,
};

type Defect =
  | { kind: 'formula'; pick: number; value: string }
  | { kind: 'side'; axis: 0 | 1 | 2; fault: SideFault; formula: string }
  | { kind: 'price'; fault: 'negative' | 'formula' | 'no-currency' }
  | { kind: 'bytes'; pick: number; bytes: number[]; at: number }
  | { kind: 'missing'; pick: number }
  | { kind: 'truncate'; keep: number; partial: number }
  | { kind: 'open-quote' }
  | { kind: 'extra-cell' }
  | { kind: 'enum' };

const defectArb: fc.Arbitrary<Defect> = fc.oneof(
  fc.record({ kind: fc.constant('formula' as const), pick: fc.nat(), value: fc.constantFrom(...FORMULAS) }),
  fc.record({
    kind: fc.constant('side' as const),
    axis: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
    fault: fc.constantFrom<SideFault>('negative', 'zero', 'nan', 'absurd', 'no-unit', 'wrong-unit', 'formula'),
    formula: fc.constantFrom('-1+1', '=1+1', '+16 cm', '@SUM(A1)'),
  }),
  fc.record({ kind: fc.constant('price' as const), fault: fc.constantFrom('negative' as const, 'formula' as const, 'no-currency' as const) }),
  fc.record({ kind: fc.constant('bytes' as const), pick: fc.nat(), bytes: fc.constantFrom(...INVALID_BYTES), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('missing' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat(), partial: fc.nat() }),
  fc.constant({ kind: 'open-quote' as const }),
  fc.constant({ kind: 'extra-cell' as const }),
  fc.constant({ kind: 'enum' as const }),
);

interface RowSpec {
  bag: Bag;
  defect: Defect | null;
  /** Blank lines written before the row (CSV and TSV). */
  blanks: number;
}

function rowsArb(side: fc.Arbitrary<Side>): fc.Arbitrary<RowSpec[]> {
  return fc.array(
    fc.record({ bag: bagArb(side), defect: fc.option(defectArb, { nil: null, freq: 2 }), blanks: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }) }),
    { minLength: 1, maxLength: 14 },
  );
}

// ---------------------------------------------------------------------------------------------
// Writing: a cell is text with, at most, invalid bytes inserted at a code-point position.

interface Cell {
  text: string;
  bytes?: { at: number; bytes: number[] };
  /** Written exactly as given (an open quote), never quoted. */
  raw?: boolean;
}
type Segment = string | number[];
const enc = new TextEncoder();

function concat(segments: readonly Segment[]): Uint8Array {
  const parts = segments.map((s) => (typeof s === 'string' ? enc.encode(s) : Uint8Array.from(s)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The cell's text around its injected bytes, each part passed through `escape`. */
function cellSegments(cell: Cell, escape: (s: string) => string): Segment[] {
  if (!cell.bytes) return [escape(cell.text)];
  const cps = Array.from(cell.text);
  const at = Math.min(cps.length, Math.floor(cell.bytes.at * (cps.length + 1)));
  return [escape(cps.slice(0, at).join('')), cell.bytes.bytes, escape(cps.slice(at).join(''))];
}

function tableCell(cell: Cell, delimiter: string): Segment[] {
  if (cell.raw) return [cell.text];
  if (!cell.text.includes(delimiter) && !cell.text.includes('"')) return cellSegments(cell, (s) => s);
  return ['"', ...cellSegments(cell, (s) => s.replaceAll('"', '""')), '"'];
}

/** What a bad row must produce. */
interface BadRow {
  line: number;
  id: string | null;
  field: string;
  reason: RegExp;
}
interface Written {
  bytes: Uint8Array;
  goods: { line: number; draft: BagDraft }[];
  bads: BadRow[];
}

const draft = (input: Omit<BagDraftInput, 'source' | 'seen'>): BagDraft => BagDraftSchema.parse({ ...input, source: SOURCE, seen: SEEN });

// ---------------------------------------------------------------------------------------------
// Tables: the project's CSV and Merchant TSV share a writer; each says its columns and defects.

interface TableFormat {
  delimiter: string;
  columns: readonly string[];
  cells(bag: Bag): Map<string, Cell>;
  expected(bag: Bag): BagDraft;
  /** Fields the reader reads as text: where a formula is rejected. */
  formulaFields: readonly string[];
  /** Fields never empty: where invalid bytes go (read or not, they cost the row). */
  bytesFields: readonly string[];
  sideFields: readonly [string, string, string];
  /** Applies a defect that is only a change of cells; returns the field and reason, or null when the format has no such defect. */
  applyCells(bag: Bag, cells: Map<string, Cell>, d: Defect): { field: string; reason: RegExp } | null;
}

function sideFaultText(d: Extract<Defect, { kind: 'side' }>, side: Side, mmOnly: boolean): string {
  const unit = mmOnly ? '' : ` ${side.unit}`;
  switch (d.fault) {
    case 'negative':
      return `-${sideValue(side)}${unit}`;
    case 'zero':
      return `0${unit}`;
    case 'nan':
      return `NaN${unit}`;
    case 'absurd':
      return mmOnly ? '5000' : '101 cm';
    case 'no-unit':
      return mmOnly ? `${sideValue(side)} kg` : `${sideValue(side)}`;
    case 'wrong-unit':
      return mmOnly ? `${sideValue(side)} cm` : `${sideValue(side)} kg`;
    case 'formula':
      return d.formula;
  }
}

function commonCellDefect(f: TableFormat, bag: Bag, cells: Map<string, Cell>, d: Defect, mmOnly: boolean): { field: string; reason: RegExp } | null {
  switch (d.kind) {
    case 'formula': {
      const field = f.formulaFields[d.pick % f.formulaFields.length]!;
      cells.set(field, { text: d.value });
      return { field, reason: /formula-injection risk/ };
    }
    case 'side': {
      const field = f.sideFields[d.axis];
      cells.set(field, { text: sideFaultText(d, bag.sides[d.axis], mmOnly) });
      const fault = mmOnly && d.fault === 'no-unit' ? 'wrong-unit' : d.fault;
      return { field, reason: SIDE_REASON[fault] };
    }
    case 'bytes': {
      const field = f.bytesFields[d.pick % f.bytesFields.length]!;
      cells.set(field, { ...cells.get(field)!, bytes: { at: d.at, bytes: d.bytes } });
      return { field, reason: /not valid UTF-8/ };
    }
    default:
      return f.applyCells(bag, cells, d);
  }
}

const MICROPURSE: TableFormat = {
  delimiter: ',',
  columns: ['id', 'brand', 'model', 'tier', 'price_usd', 'exterior_w_mm', 'exterior_h_mm', 'exterior_d_mm', 'shape', 'closure', 'strap', 'wear_modes', 'material', 'color', 'texture', 'source_note'],
  formulaFields: ['id', 'brand', 'model', 'tier', 'shape', 'closure', 'strap', 'wear_modes', 'material', 'color', 'texture', 'source_note'],
  bytesFields: ['id', 'brand', 'model', 'source_note'],
  sideFields: ['exterior_w_mm', 'exterior_h_mm', 'exterior_d_mm'],
  cells(bag) {
    const t = (text: string): Cell => ({ text });
    return new Map([
      ['id', t(bag.id)],
      ['brand', t(bag.brand)],
      ['model', t(bag.model)],
      ['tier', t(bag.tier ?? '')],
      ['price_usd', t(bag.price ? String(amountOf(bag.price)) : '')],
      ['exterior_w_mm', t(String(sideValue(bag.sides[0])))],
      ['exterior_h_mm', t(String(sideValue(bag.sides[1])))],
      ['exterior_d_mm', t(String(sideValue(bag.sides[2])))],
      ['shape', t(bag.shape)],
      ['closure', t(bag.closure)],
      ['strap', t(bag.strap)],
      ['wear_modes', t(bag.wear.join(';'))],
      ['material', t(bag.material)],
      ['color', t(bag.color)],
      ['texture', t(bag.texture)],
      ['source_note', t(bag.note)],
    ]);
  },
  expected(bag) {
    return draft({
      id: bag.id,
      brand: bag.brand,
      model: bag.model,
      ...(bag.tier ? { tier: bag.tier } : {}),
      price: bag.price ? amountOf(bag.price) : null,
      currency: bag.price ? 'USD' : null,
      exterior: { w: sideMm(bag.sides[0]), h: sideMm(bag.sides[1]), d: sideMm(bag.sides[2]) },
      shape: bag.shape as BagDraft['shape'],
      closure: bag.closure as BagDraft['closure'],
      strap: bag.strap as BagDraft['strap'],
      wear_modes: bag.wear as BagDraft['wear_modes'],
      material: bag.material,
      color_name: bag.color,
      texture: bag.texture,
      pattern: '',
      source_note: bag.note,
      sku: bag.id,
      gtin: null,
      mpn: null,
      item_group_id: null,
    });
  },
  applyCells(_bag, cells, d) {
    switch (d.kind) {
      case 'price': {
        cells.set('price_usd', { text: d.fault === 'negative' ? '-5' : d.fault === 'formula' ? '=1+1' : 'five' });
        return { field: 'price_usd', reason: d.fault === 'negative' ? /is negative/ : d.fault === 'formula' ? /formula/ : /not a price/ };
      }
      case 'missing': {
        const field = (['brand', 'model', 'exterior_w_mm', 'exterior_h_mm', 'exterior_d_mm'] as const)[d.pick % 5]!;
        cells.set(field, { text: '' });
        return { field, reason: /is missing/ };
      }
      case 'enum': {
        cells.set('tier', { text: 'posh' });
        return { field: 'tier', reason: /not one of luxury, contemporary, fast-fashion/ };
      }
      default:
        return null;
    }
  },
};

const GMC_TSV: TableFormat = {
  delimiter: '\t',
  columns: ['id', 'title', 'brand', 'price', 'product_length', 'product_width', 'product_height', 'size', 'color', 'material', 'pattern', 'gtin', 'mpn', 'custom_label_0', 'link', 'description'],
  formulaFields: ['id', 'title', 'brand', 'color', 'material', 'pattern', 'mpn', 'custom_label_0'],
  bytesFields: ['id', 'title', 'brand', 'link', 'description'],
  sideFields: ['product_length', 'product_height', 'product_width'],
  cells: gmcCells,
  expected: gmcExpected,
  applyCells: gmcDefect,
};

function gmcCells(bag: Bag): Map<string, Cell> {
  const t = (text: string): Cell => ({ text });
  const [w, h, d] = bag.sides;
  return new Map([
    ['id', t(bag.id)],
    ['title', t(`${bag.brand} ${bag.model}`)],
    ['brand', t(bag.brand)],
    ['price', t(bag.price ? priceText(bag.price) : '')],
    ['product_length', t(bag.asSize ? '' : sideText(w))],
    ['product_width', t(bag.asSize ? '' : sideText(d))],
    ['product_height', t(bag.asSize ? '' : sideText(h))],
    ['size', t(bag.asSize ? `${sideText(w)} x ${sideText(h)} x ${sideText(d)}` : '')],
    ['color', t(bag.color)],
    ['material', t(bag.material)],
    ['pattern', t(bag.pattern)],
    ['gtin', t(bag.gtin ?? '')],
    ['mpn', t(bag.mpn ?? '')],
    ['custom_label_0', t(bag.tier ?? '')],
    ['link', t(`https://shop.example.com/p/${bag.id}`)],
    // A column the reader does not read is not screened: a bulleted description costs nothing.
    ['description', t(bag.note.length % 2 ? `- ${bag.note}` : bag.note)],
  ]);
}

function gmcExpected(bag: Bag): BagDraft {
  return draft({
    brand: bag.brand,
    model: bag.model,
    ...(bag.tier ? { tier: bag.tier } : {}),
    price: bag.price ? amountOf(bag.price) : null,
    currency: bag.price ? bag.price.currency : null,
    exterior: { w: sideMm(bag.sides[0]), h: sideMm(bag.sides[1]), d: sideMm(bag.sides[2]) },
    material: bag.material,
    color_name: bag.color,
    pattern: bag.pattern,
    sku: bag.id,
    gtin: bag.gtin,
    mpn: bag.mpn,
    item_group_id: null,
  });
}

function gmcDefect(bag: Bag, cells: Map<string, Cell>, d: Defect): { field: string; reason: RegExp } | null {
  switch (d.kind) {
    case 'price': {
      cells.set('price', { text: d.fault === 'negative' ? '-5.00 USD' : d.fault === 'formula' ? '=1+1' : '1690' });
      return { field: 'price', reason: d.fault === 'negative' ? /is negative/ : d.fault === 'formula' ? /formula/ : /no currency/ };
    }
    case 'missing': {
      if (d.pick % 2 === 0) {
        cells.set('brand', { text: '' });
        return { field: 'brand', reason: /brand is missing/ };
      }
      cells.set('title', { text: bag.brand });
      return { field: 'title', reason: /only the brand/ };
    }
    case 'enum': {
      const gtin = bag.gtin ?? '4006381333931';
      cells.set('gtin', { text: gtin.slice(0, -1) + String((Number(gtin.at(-1)) + 1) % 10) });
      return { field: 'gtin', reason: /check digit is wrong/ };
    }
    default:
      return null;
  }
}

function writeTable(f: TableFormat, rows: readonly RowSpec[], crlf: boolean): Written {
  const nl = crlf ? '\r\n' : '\n';
  const segments: Segment[] = [f.columns.join(f.delimiter), nl];
  const goods: Written['goods'] = [];
  const bads: BadRow[] = [];
  let line = 1;
  const last = f.columns[f.columns.length - 1]!;
  for (const { bag: generated, defect, blanks } of rows) {
    for (let i = 0; i < blanks; i++) segments.push(i % 2 ? f.delimiter.repeat(3) : '', nl);
    line += blanks + 1;
    // A side fault needs the sides in their own columns.
    const bag = defect?.kind === 'side' ? { ...generated, asSize: false } : generated;
    const cells = f.cells(bag);
    let expect: { field: string; reason: RegExp } | null = null;
    let row: Segment[];
    const rowSegments = (): Segment[] => f.columns.flatMap((c, i) => [...(i > 0 ? [f.delimiter] : []), ...tableCell(cells.get(c)!, f.delimiter)]);
    if (defect === null) row = rowSegments();
    else if (defect.kind === 'truncate') {
      const n = f.columns.length;
      const keep = 1 + (defect.keep % (n - 2));
      const next = tableCell(cells.get(f.columns[keep]!)!, f.delimiter);
      const quoted = next[0] === '"';
      const text = typeof next[0] === 'string' ? next[0] : '';
      const partial = quoted ? '' : text.slice(0, defect.partial % (text.length + 1));
      const kept = f.columns.slice(0, keep).flatMap((c, i) => [...(i > 0 ? [f.delimiter] : []), ...tableCell(cells.get(c)!, f.delimiter)]);
      const withNext = defect.partial % 2 === 0;
      row = withNext ? [...kept, f.delimiter, partial] : kept;
      const count = withNext ? keep + 1 : keep;
      expect = { field: f.columns[count]!, reason: /the row has \d+ of the header's \d+ columns/ };
    } else if (defect.kind === 'open-quote') {
      cells.set(last, { text: `"${cells.get(last)!.text.replaceAll('"', '')}`, raw: true });
      row = rowSegments();
      expect = { field: last, reason: /opens a quote that is not closed/ };
    } else if (defect.kind === 'extra-cell') {
      row = [...rowSegments(), f.delimiter, 'surplus'];
      expect = { field: `column ${f.columns.length + 1}`, reason: /beyond the header/ };
    } else {
      expect = commonCellDefect(f, bag, cells, defect, f === MICROPURSE);
      row = rowSegments();
    }
    segments.push(...row, nl);
    if (expect === null) goods.push({ line, draft: f.expected(bag) });
    else bads.push({ line, id: expect.field === 'id' ? null : bag.id, ...expect });
  }
  return { bytes: concat(segments), goods, bads };
}

// ---------------------------------------------------------------------------------------------
// Merchant RSS: the same cells as the TSV, one element each (empty cells left out).

function xmlEscape(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function writeXml(rows: readonly RowSpec[]): Written {
  const segments: Segment[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n<title>Hostile &amp; generated</title>\n'];
  const goods: Written['goods'] = [];
  const bads: BadRow[] = [];
  rows.forEach(({ bag: generated, defect }, i) => {
    const line = i + 1;
    const bag = defect?.kind === 'side' ? { ...generated, asSize: false } : generated;
    const cells = gmcCells(bag);
    let expect: { field: string; reason: RegExp } | null = null;
    if (defect !== null) {
      if (defect.kind === 'truncate' || defect.kind === 'open-quote' || defect.kind === 'extra-cell' || defect.kind === 'missing') {
        // An item cut short is an item without some element.
        const pick = defect.kind === 'truncate' ? defect.keep : defect.kind === 'missing' ? defect.pick : 0;
        const field = (['brand', 'title', 'id', bag.asSize ? 'size' : 'product_height'] as const)[pick % 4]!;
        cells.delete(field);
        expect = { field: field === 'size' ? 'product_length' : field, reason: /is missing/ };
      } else expect = commonCellDefect(GMC_TSV, bag, cells, defect, false);
    }
    segments.push('<item>\n');
    for (const [name, cell] of cells) {
      if (cell.text === '' && !cell.bytes) continue;
      segments.push(`  <g:${name}>`, ...cellSegments(cell, xmlEscape), `</g:${name}>\n`);
    }
    segments.push('</item>\n');
    if (expect === null) goods.push({ line, draft: gmcExpected(bag) });
    else bads.push({ line, id: expect.field === 'id' ? null : bag.id, ...expect });
  });
  segments.push('</channel>\n</rss>\n');
  return { bytes: concat(segments), goods, bads };
}

// ---------------------------------------------------------------------------------------------
// JSON-LD: Products written with every shape of value the reader takes.

const UNIT_CODE: Record<Unit, string> = { mm: 'MMT', cm: 'CMT', in: 'INH' };
const MARK = 'QQINVALIDQQ';

function quantity(side: Side, style: number): unknown {
  if (style % 3 === 0) return { '@type': 'QuantitativeValue', value: sideValue(side), unitCode: UNIT_CODE[side.unit] };
  if (style % 3 === 1) return { '@type': 'QuantitativeValue', value: String(sideValue(side)), unitText: side.unit };
  return sideText(side);
}

function jsonQuantityFault(d: Extract<Defect, { kind: 'side' }>, side: Side): unknown {
  const v = sideValue(side);
  const code = UNIT_CODE[side.unit];
  switch (d.fault) {
    case 'negative':
      return { value: -v, unitCode: code };
    case 'zero':
      return { value: 0, unitCode: code };
    case 'nan':
      return { value: 'NaN', unitCode: code };
    case 'absurd':
      return { value: 5000, unitCode: 'MMT' };
    case 'no-unit':
      return { value: v };
    case 'wrong-unit':
      return { value: v, unitCode: 'KGM' };
    case 'formula':
      return { value: d.formula, unitCode: code };
  }
}

function writeJsonLd(rows: readonly RowSpec[], container: number): Written {
  const goods: Written['goods'] = [];
  const bads: BadRow[] = [];
  const single = rows.length === 1 && container % 3 === 2;
  const offset = container % 3 === 1 ? 1 : 0; // a WebPage first in the @graph
  const injections: number[][] = [];
  const products = rows.map(({ bag, defect }, i) => {
    const line = i + 1 + offset;
    const [w, h, d] = bag.sides;
    const p: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': i % 2 ? 'Product' : ['Thing', 'https://schema.org/Product'],
      name: `${bag.brand} ${bag.model}`,
      brand: i % 3 === 0 ? bag.brand : { '@type': 'Brand', name: bag.brand },
      sku: bag.id,
      width: quantity(w, i),
      height: quantity(h, i + 1),
      depth: quantity(d, i + 2),
    };
    if (bag.color) p['color'] = bag.color;
    if (bag.material) p['material'] = bag.material;
    if (bag.pattern) p['pattern'] = bag.pattern;
    if (bag.gtin) p['gtin13'] = bag.gtin;
    if (bag.mpn) p['mpn'] = bag.mpn;
    if (bag.price) {
      const amount = amountOf(bag.price);
      p['offers'] =
        bag.price.style === 0
          ? { '@type': 'Offer', price: amount, priceCurrency: bag.price.currency }
          : bag.price.style === 1
            ? [{ '@type': 'Offer', price: amount.toFixed(2), priceCurrency: bag.price.currency }]
            : { '@type': 'AggregateOffer', lowPrice: amount, highPrice: amount + 1, priceCurrency: bag.price.currency };
    }
    let expect: { field: string; reason: RegExp } | null = null;
    let idSpoilt = false;
    if (defect !== null) {
      const textFields = ['name', 'sku', 'brand'] as const;
      switch (defect.kind) {
        case 'formula': {
          const field = textFields[defect.pick % 3]!;
          p[field] = field === 'brand' ? { '@type': 'Brand', name: defect.value } : defect.value;
          idSpoilt = field === 'sku';
          expect = { field, reason: /formula-injection risk/ };
          break;
        }
        case 'side': {
          const field = (['width', 'height', 'depth'] as const)[defect.axis];
          p[field] = jsonQuantityFault(defect, bag.sides[defect.axis]);
          expect = { field, reason: SIDE_REASON[defect.fault] };
          break;
        }
        case 'price': {
          if (defect.fault === 'negative') p['offers'] = { '@type': 'Offer', price: -5, priceCurrency: 'USD' };
          else if (defect.fault === 'formula') p['offers'] = { '@type': 'Offer', price: '=1+1', priceCurrency: 'USD' };
          else p['offers'] = { '@type': 'Offer', price: 5 };
          expect =
            defect.fault === 'no-currency'
              ? { field: 'offers.priceCurrency', reason: /is missing/ }
              : { field: 'offers.price', reason: defect.fault === 'negative' ? /is negative/ : /formula/ };
          break;
        }
        case 'bytes': {
          const field = (['name', 'sku'] as const)[defect.pick % 2]!;
          const text = p[field] as string;
          const at = Math.floor(defect.at * (Array.from(text).length + 1));
          p[field] = Array.from(text).slice(0, at).join('') + MARK + Array.from(text).slice(at).join('');
          injections.push(defect.bytes);
          idSpoilt = field === 'sku';
          expect = { field, reason: /not valid UTF-8/ };
          break;
        }
        case 'enum': {
          p['gtin13'] = '4006381333932';
          expect = { field: 'gtin13', reason: /check digit/ };
          break;
        }
        default: {
          const pick = defect.kind === 'missing' ? defect.pick : defect.kind === 'truncate' ? defect.keep : 1;
          const field = (['name', 'brand', 'width', 'height', 'depth'] as const)[pick % 5]!;
          delete p[field];
          expect = { field, reason: /is missing/ };
        }
      }
    }
    if (expect === null) {
      goods.push({
        line,
        draft: draft({
          brand: bag.brand,
          model: bag.model,
          price: bag.price ? amountOf(bag.price) : null,
          currency: bag.price ? bag.price.currency : null,
          exterior: { w: sideMm(w), h: sideMm(h), d: sideMm(d) },
          material: bag.material,
          color_name: bag.color,
          pattern: bag.pattern,
          sku: bag.id,
          gtin: bag.gtin,
          mpn: bag.mpn,
          item_group_id: null,
        }),
      });
    } else bads.push({ line, id: idSpoilt ? null : bag.id, ...expect });
    return p;
  });
  const doc = single ? products[0] : container % 3 === 1 ? { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'Bags' }, ...products] } : products;
  const parts = JSON.stringify(doc, null, container % 2 ? 2 : undefined).split(MARK);
  const segments: Segment[] = [];
  parts.forEach((part, i) => {
    segments.push(part);
    if (i < parts.length - 1) segments.push(injections[i]!);
  });
  return { bytes: concat(segments), goods, bads };
}

// ---------------------------------------------------------------------------------------------
// The properties

function check(r: FeedParse, format: FeedFormat, w: Written): void {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  expect(r.format).toBe(format);
  for (const d of r.drafts) expect(BagDraftSchema.safeParse(d.draft).success).toBe(true);
  expect(r.drafts).toStrictEqual(w.goods);
  expect(r.rejects.map((x) => x.line)).toEqual(w.bads.map((b) => b.line));
  r.rejects.forEach((x, i) => {
    const want = w.bads[i]!;
    expect({ line: x.line, field: x.field, id: x.id }).toEqual({ line: want.line, field: want.field, id: want.id });
    expect(x.reason).toMatch(want.reason);
    expect(x.reason.startsWith(`${x.field} `) || x.field.startsWith('column ')).toBe(true);
    expect(x.reason).toMatch(/\.$/);
  });
}

describe('hostile feeds: good rows kept exactly, every bad row rejected by line, field and reason', () => {
  it("the project's CSV", () => {
    fc.assert(
      fc.property(rowsArb(mmSide), fc.boolean(), (rows, crlf) => {
        const w = writeTable(MICROPURSE, rows, crlf);
        check(parseFeed(w.bytes, { source: SOURCE, seen: SEEN }), 'micropurse-csv', w);
      }),
      { numRuns: RUNS },
    );
  });

  it('Merchant Center TSV', () => {
    fc.assert(
      fc.property(rowsArb(anySide), fc.boolean(), (rows, crlf) => {
        const w = writeTable(GMC_TSV, rows, crlf);
        check(parseFeed(w.bytes, { source: SOURCE, seen: SEEN }), 'gmc-tsv', w);
      }),
      { numRuns: RUNS },
    );
  });

  it('Merchant Center RSS', () => {
    fc.assert(
      fc.property(rowsArb(anySide), (rows) => {
        const w = writeXml(rows);
        check(parseFeed(w.bytes, { source: SOURCE, seen: SEEN }), 'gmc-xml', w);
      }),
      { numRuns: RUNS },
    );
  });

  it('schema.org JSON-LD', () => {
    fc.assert(
      fc.property(rowsArb(anySide), fc.nat(), (rows, container) => {
        const w = writeJsonLd(rows, container);
        check(parseFeed(w.bytes, { source: SOURCE, seen: SEEN }), 'jsonld', w);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mangled feeds: never a throw, never an invalid draft, one outcome per row', () => {
  const fixtures = ['gmc-bags.tsv', 'gmc-bags.xml', 'product-graph.jsonld', 'micropurse-bags.csv'].map((f) => readFileSync(new URL(`./fixtures/feeds/${f}`, import.meta.url)));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...[...FORMULAS, '\t', ',', '"', '\n', '<', '</item>', '&', '{', '"x":', '-', '0'].map((s) => enc.encode(s))) }),
  );

  type Mutation = { kind: 'flip'; at: number; byte: number } | { kind: 'cut'; at: number } | { kind: 'drop'; at: number; n: number } | { kind: 'insert'; at: number; bytes: Uint8Array };

  function mutate(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
    let b = Array.from(bytes);
    for (const m of ms) {
      const at = m.at % (b.length + 1);
      if (m.kind === 'flip') {
        if (b.length > 0) b[at % b.length] = m.byte;
      } else if (m.kind === 'cut') b = b.slice(0, at);
      else if (m.kind === 'drop') b.splice(at, m.n);
      else b.splice(at, 0, ...m.bytes);
    }
    return Uint8Array.from(b);
  }

  function sane(r: FeedParse): void {
    if (!r.ok) {
      expect(r.reason).toMatch(/\.$/);
      return;
    }
    const lines = [...r.drafts.map((d) => d.line), ...r.rejects.map((x) => x.line)];
    expect(new Set(lines).size).toBe(lines.length);
    for (const d of r.drafts) expect(BagDraftSchema.safeParse(d.draft).success).toBe(true);
    for (const x of r.rejects) {
      expect(x.line).toBeGreaterThanOrEqual(1);
      expect(x.field).not.toBe('');
      expect(x.reason).toMatch(/^\S.*\.$/s);
    }
  }

  it('fixtures with bytes flipped, cut, dropped and inserted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), (bytes, ms) => {
        sane(parseFeed(mutate(bytes, ms), { source: SOURCE, seen: SEEN }));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('arbitrary bytes and strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.json()), (input) => {
        sane(parseFeed(input, { source: SOURCE, seen: SEEN }));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
