/**
 * "Which bags hold my kit?" over the store, fast at retailer scale, exact.
 *
 * Three sets of bags, from the filters and the kit:
 * - excluded by the necessary condition (kitBounds, indexed, and openingNeeds): never read;
 * - sure: the sufficient condition holds (sureBounds: the inscribed box holds the kit stacked flat,
 *   the opening passes every item). The database counts them and returns only the rows the page
 *   needs; their layouts come from reusing the stacked layout (core searchFits, verified);
 * - borderline: the rest, read and given to the exact engine (with layout reuse).
 * The page merges the sure rows and the borderline hits in the requested order (the same order as
 * the SQL: price with unpriced bags last, or interior volume, then id). The snuggest-first sort
 * needs every fitting bag's fill, so it reads everything that passes the necessary condition.
 */
import { interiorBounds, kitBounds, openingNeeds, searchFits, sureBounds, type CatalogBag, type Item, type Placement } from '@micropurse/core';
import type { BagSearch } from './repos/bag-search.js';
import type { Store } from './store.js';

export interface FitsQuery {
  readonly filters: Omit<BagSearch, 'kitBounds' | 'opening' | 'sure' | 'sureMode' | 'sort' | 'limit' | 'offset'>;
  readonly items: readonly Item[];
  readonly sort: 'price' | 'volume' | 'fit';
  readonly limit: number;
  readonly offset: number;
  /** The engine's budget per borderline bag, ms. */
  readonly perBagMs?: number;
}

export interface FitsHit {
  readonly bag: CatalogBag;
  readonly placements: Placement[];
}

export interface FitsQueryResult {
  readonly hits: FitsHit[];
  readonly total: number;
  readonly undecided: number;
  readonly stats: { readonly sure: number; readonly borderline: number; readonly engine_calls: number };
}

type Key = readonly [number, number, string];

function keyOf(bag: CatalogBag, sort: 'price' | 'volume'): Key {
  if (sort === 'volume') return [0, interiorBounds(bag.interior).volume, bag.id];
  return bag.price_usd === null ? [1, 0, bag.id] : [0, bag.price_usd, bag.id];
}

function before(a: Key, b: Key): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
}

export async function findBagsThatFit(store: Pick<Store, 'bags'>, q: FitsQuery): Promise<FitsQueryResult> {
  const bounds = kitBounds(q.items);
  const opening = openingNeeds(q.items);
  const sure = sureBounds(q.items);
  const perBag = { perBagMs: q.perBagMs ?? 50 };
  if (q.sort === 'fit' || sure === null) {
    const all = await store.bags.search({ ...q.filters, kitBounds: bounds, opening, sort: q.sort === 'fit' ? 'volume' : q.sort });
    const r = searchFits(all.bags, q.items, { sort: q.sort === 'fit' ? 'fit' : 'input', limit: q.limit, offset: q.offset, ...perBag });
    return { hits: r.hits, total: r.total, undecided: r.undecided, stats: { sure: 0, borderline: all.bags.length, engine_calls: r.stats.engine_calls } };
  }
  const sort = q.sort;
  const want = q.offset + q.limit;
  const sureFilter = { ...sure, envelopes: sure.envelopes.map((e) => [e[0], e[1], e[2]] as [number, number, number]) };
  const surePage = await store.bags.search({ ...q.filters, kitBounds: bounds, opening, sure: sureFilter, sureMode: 'only', sort, limit: want, offset: 0 });
  const borderline = await store.bags.search({ ...q.filters, kitBounds: bounds, opening, sure: sureFilter, sureMode: 'exclude', sort });
  const border = searchFits(borderline.bags, q.items, { sort: 'input', limit: Number.MAX_SAFE_INTEGER, offset: 0, ...perBag });

  // Merge the two ordered lists up to the end of the page.
  const merged: { bag: CatalogBag; placements: Placement[] | null }[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < want && (i < surePage.bags.length || j < border.hits.length)) {
    const a = surePage.bags[i];
    const b = border.hits[j];
    if (a && (!b || before(keyOf(a, sort), keyOf(b.bag, sort)))) {
      merged.push({ bag: a, placements: null });
      i++;
    } else if (b) {
      merged.push({ bag: b.bag, placements: b.placements });
      j++;
    }
  }
  const page = merged.slice(q.offset);
  // The sure rows of the page get their layouts now, by reuse (searchFits verifies them).
  const sureRows = page.filter((r) => r.placements === null).map((r) => r.bag);
  const laid = new Map(searchFits(sureRows, q.items, { sort: 'input', limit: sureRows.length, offset: 0, ...perBag }).hits.map((h) => [h.bag.id, h.placements]));
  const hits: FitsHit[] = [];
  for (const r of page) {
    const placements = r.placements ?? laid.get(r.bag.id);
    // A sure bag always has a layout; should one ever fail, it is left out rather than shown unproven.
    if (placements) hits.push({ bag: r.bag, placements });
  }
  return {
    hits,
    total: surePage.total + border.total,
    undecided: border.undecided,
    stats: { sure: surePage.total, borderline: borderline.bags.length, engine_calls: border.stats.engine_calls },
  };
}
