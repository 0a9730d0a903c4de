/**
 * From what a feed says (a BagDraft) to a catalog bag: fill in what feeds leave out, the same way
 * for every source.
 * - id: the draft's own (built-in rows), else from the GTIN, or the brand and SKU (see draftId).
 * - interior: published dims when the feed has them, else derived from exterior and construction
 *   (catalog/interior.ts) and marked derived.
 * - tier, when the feed does not say: from the USD price (>= $500 luxury, >= $100 contemporary,
 *   else fast-fashion), and the source note says it was guessed; no price: contemporary, guessed.
 * - colour hex from the colour name (catalog/colours.ts; unknown names fall back to a neutral grey
 *   and the note says so), finish from texture and material (catalog/finish.ts).
 * - dates: a bag seen before keeps its first_seen; last_seen is the later of the two.
 */
import type { BagDraft } from '../model/bag-draft.js';
import type { CatalogBag } from '../model/catalog.js';
import { BAGS } from '../data/bags.js';
import type { BagRecord } from './records.js';
import { colourHex } from './colours.js';
import { toUsd } from './currency.js';
import { deriveFinish } from './finish.js';
import { bagInterior } from './interior.js';

const UNKNOWN_COLOUR_HEX = '#808080';

export function slugId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9:]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/**
 * A bag's id does not depend on the feed's file name, so that next month's feed (another file)
 * updates the same bags and records their new prices: a GTIN is global; otherwise the brand with
 * the retailer's SKU (or MPN, or the model name).
 */
export function draftId(draft: BagDraft): string {
  if (draft.id) return draft.id;
  if (draft.gtin) return `gtin:${draft.gtin}`;
  const key = draft.sku ?? draft.mpn ?? draft.model;
  return slugId(`${draft.brand}:${key}`);
}

function guessTier(priceUsd: number | null): CatalogBag['tier'] {
  if (priceUsd === null) return 'contemporary';
  return priceUsd >= 500 ? 'luxury' : priceUsd >= 100 ? 'contemporary' : 'fast-fashion';
}

export function catalogBagFromDraft(draft: BagDraft, existing?: CatalogBag): CatalogBag {
  const notes = draft.source_note ? [draft.source_note] : [];
  const priceUsd = toUsd(draft.price, draft.currency);
  if (!draft.tier) notes.push('tier guessed from price');
  const hex = colourHex(draft.color_name);
  if (!hex && draft.color_name) notes.push(`colour "${draft.color_name}" not in the colour table`);
  const first = existing && existing.first_seen < draft.seen ? existing.first_seen : draft.seen;
  const last = existing && existing.last_seen > draft.seen ? existing.last_seen : draft.seen;
  return {
    id: draftId(draft),
    brand: draft.brand,
    model: draft.model,
    tier: draft.tier ?? guessTier(priceUsd),
    price: draft.price,
    currency: draft.price === null ? null : draft.currency,
    price_usd: priceUsd,
    exterior: { ...draft.exterior },
    interior: bagInterior(draft, draft.interior),
    shape: draft.shape,
    closure: draft.closure,
    strap: draft.strap,
    strap_detachable: draft.strap === 'detachable',
    wear_modes: [...new Set(draft.wear_modes)],
    material: draft.material,
    color_name: draft.color_name,
    color_hex: hex ?? UNKNOWN_COLOUR_HEX,
    texture: draft.texture,
    finish: deriveFinish(draft.texture, draft.material),
    novelty: draft.shape === 'novelty',
    source: draft.source,
    source_note: notes.join('; '),
    sku: draft.sku,
    gtin: draft.gtin,
    mpn: draft.mpn,
    item_group_id: draft.item_group_id,
    first_seen: first,
    last_seen: last,
  };
}

/** A built-in catalog record as a feed row. */
export function draftFromRecord(rec: BagRecord, seen: string, source = 'builtin'): BagDraft {
  return {
    id: rec.id,
    brand: rec.brand,
    model: rec.model,
    tier: rec.tier,
    price: rec.price_usd,
    currency: rec.price_usd === null ? null : 'USD',
    exterior: { ...rec.exterior },
    shape: rec.shape,
    ...(rec.construction ? { construction: rec.construction } : {}),
    closure: rec.closure,
    strap: rec.strap,
    wear_modes: [...rec.wear_modes],
    material: rec.material,
    color_name: rec.color,
    texture: rec.texture,
    pattern: '',
    source,
    source_note: rec.source_note,
    sku: rec.id,
    gtin: null,
    mpn: null,
    item_group_id: null,
    seen,
  };
}

/** The built-in bags as catalog bags, seen on the given date (yyyy-mm-dd). */
export function builtinCatalogBags(seen: string): CatalogBag[] {
  return BAGS.map((rec) => catalogBagFromDraft(draftFromRecord(rec, seen)));
}
