/**
 * schema.org Product in JSON-LD: one Product, an array of them, or a @graph holding them (other
 * entries, a WebPage or a BreadcrumbList, are passed over). A Product's position in its array or
 * @graph (1-based; 1 for a lone Product) is its line.
 *
 * Read: name (the model, less the brand), brand (text or a Brand/Organization's name), sku, mpn,
 * gtin13/gtin14/gtin12/gtin8/gtin, color, material, pattern, inProductGroupWithID, offers (an
 * Offer's price or an AggregateOffer's lowPrice, with priceCurrency; of several offers the first
 * with a price), and width, height, depth as QuantitativeValue {value, unitCode CMT|MMT|INH or
 * unitText "cm"} or as text "16 cm": width is the bag's w, height its h, depth its d.
 * Rejects name the property ("depth", "offers.price").
 */
import type { BagDraftInput } from '@micropurse/core';
import { quote } from './cell-text.js';
import type { FeedContext, FeedParse } from './feed-types.js';
import { modelFromTitle } from './model-name.js';
import { fieldsByPath, readRows, type RowSource } from './read-rows.js';
import type { Cell, RowReader } from './row-reader.js';

const PRODUCT_TYPES = new Set(['Product', 'IndividualProduct', 'ProductModel', 'SomeProducts']);
const GTIN_KEYS = ['gtin13', 'gtin14', 'gtin12', 'gtin8', 'gtin'] as const;
const TEXT_KEYS = ['name', 'sku', 'mpn', 'color', 'material', 'pattern', 'inProductGroupWithID', ...GTIN_KEYS] as const;
const UNIT_CODES: Readonly<Record<string, string>> = { CMT: 'cm', MMT: 'mm', INH: 'in' };
const AXES = [
  ['w', 'width'],
  ['h', 'height'],
  ['d', 'depth'],
] as const;
const NO_SIDE = 'is missing: give width, height and depth, such as {"@type": "QuantitativeValue", "value": 16, "unitCode": "CMT"}.';

export function parseJsonLd(text: string, ctx: FeedContext): FeedParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `The feed is not valid JSON: ${e instanceof Error ? e.message : String(e)}.` };
  }
  const products = topEntries(doc).filter((e) => isProduct(e.value));
  if (products.length === 0) return { ok: false, reason: 'The JSON holds no schema.org Product (at its top level, in an array or in @graph).' };
  const rows = products.map(({ index, value }) => productRow(value as Record<string, unknown>, index));
  return { ok: true, format: 'jsonld', ...readRows(rows, ctx, jsonLdDraft, jsonLdFieldOf) };
}

function topEntries(doc: unknown): { index: number; value: unknown }[] {
  const all = (values: readonly unknown[]) => values.map((value, i) => ({ index: i + 1, value }));
  if (Array.isArray(doc)) return all(doc);
  if (isRecord(doc) && !isProduct(doc) && Array.isArray(doc['@graph'])) return all(doc['@graph']);
  return [{ index: 1, value: doc }];
}

/** "Product", "schema:Product", "https://schema.org/Product", or a list holding one. */
function isProduct(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const types = Array.isArray(v['@type']) ? v['@type'] : [v['@type']];
  return types.some((t) => typeof t === 'string' && PRODUCT_TYPES.has(t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '')));
}

function productRow(p: Record<string, unknown>, index: number): RowSource {
  const cells = new Map<string, Cell>();
  for (const key of TEXT_KEYS) cells.set(key, textCell(p[key]));
  cells.set('brand', brandCell(p['brand']));
  for (const [, key] of AXES) cells.set(key, lengthCell(p[key]));
  const offer = chosenOffer(p['offers']);
  if (offer) {
    cells.set('offers.price', textCell(offer['price']));
    cells.set('offers.lowPrice', textCell(offer['lowPrice']));
    cells.set('offers.priceCurrency', textCell(offer['priceCurrency']));
  }
  return { line: index, id: cells.get('sku'), fields: Object.entries(p), cell: (field) => cells.get(field) };
}

function jsonLdDraft(r: RowReader, ctx: FeedContext): BagDraftInput {
  const brand = r.required('brand');
  const name = r.required('name');
  const model = brand === '' ? name : modelFromTitle(name, brand);
  if (name !== '' && model === '') r.fail('name', `is only the brand (${quote(name)}); it names no model.`);
  const priceField = r.has('offers.price') ? 'offers.price' : 'offers.lowPrice';
  const price = r.amount(priceField);
  const currency = r.currency('offers.priceCurrency');
  if (price !== null && currency === null) r.fail('offers.priceCurrency', 'is missing; a price needs its currency.');
  const exterior = { w: 0, h: 0, d: 0 };
  for (const [axis, key] of AXES) {
    if (!r.has(key)) r.fail(key, NO_SIDE);
    exterior[axis] = r.length(key) ?? 0;
  }
  const gtinKey = GTIN_KEYS.find((k) => r.has(k));
  const text = (field: string): string | null => r.text(field) || null;
  return {
    brand,
    model,
    price,
    currency: price === null ? null : currency,
    exterior,
    material: r.text('material'),
    color_name: r.text('color'),
    pattern: r.text('pattern'),
    source: ctx.source,
    sku: text('sku'),
    gtin: gtinKey ? r.gtin(gtinKey) : null,
    mpn: text('mpn'),
    item_group_id: text('inProductGroupWithID'),
    seen: ctx.seen,
  };
}

const jsonLdFieldOf = fieldsByPath({
  model: 'name',
  price: 'offers.price',
  currency: 'offers.priceCurrency',
  'exterior.w': 'width',
  'exterior.h': 'height',
  'exterior.d': 'depth',
  color_name: 'color',
  item_group_id: 'inProductGroupWithID',
});

/** A JSON-LD value as text: a string, a finite number, {"@value": ...}, or a list of one. */
function textCell(v: unknown, listed = false): Cell {
  if (v === undefined || v === null) return undefined;
  // Line breaks in a JSON-LD value are layout (it was lifted from a page), not content.
  if (typeof v === 'string') return v.replace(/\s+/g, ' ');
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : { problem: 'is not a finite number.' };
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    if (v.length === 1 && !listed) return textCell(v[0], true);
    return { problem: `has ${v.length} values where one is expected.` };
  }
  if (isRecord(v) && '@value' in v && !listed) return textCell(v['@value'], true);
  return { problem: typeof v === 'boolean' ? `is ${v}, not text.` : 'is an object where text is expected.' };
}

function brandCell(v: unknown): Cell {
  const one = Array.isArray(v) && v.length === 1 ? v[0] : v;
  return isRecord(one) && !('@value' in one) ? textCell(one['name']) : textCell(one);
}

/** A QuantitativeValue as "16 cm"; an unknown unitCode is the field's problem. */
function lengthCell(v: unknown): Cell {
  if (!isRecord(v) || '@value' in v) return textCell(v);
  const value = textCell(v['value']);
  if (value === undefined) return { problem: 'has no value.' };
  if (typeof value !== 'string') return value;
  const code = textCell(v['unitCode']);
  if (code !== undefined && typeof code !== 'string') return { problem: `has a unitCode that ${code.problem}` };
  if (code !== undefined) {
    const unit = UNIT_CODES[code.trim().toUpperCase()];
    return unit === undefined ? { problem: `has the unitCode ${quote(code)}, not CMT, MMT or INH.` } : `${value} ${unit}`;
  }
  const unitText = textCell(v['unitText']);
  return typeof unitText === 'string' ? `${value} ${unitText}` : value;
}

function chosenOffer(v: unknown): Record<string, unknown> | undefined {
  const offers = (Array.isArray(v) ? v : [v]).filter(isRecord);
  return offers.find((o) => o['price'] !== undefined || o['lowPrice'] !== undefined) ?? offers[0];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
