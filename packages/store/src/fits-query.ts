/**
 * "Which bags hold my kit?" over the store, fast at retailer scale, exact.
 *
 * The store's bags sit in an in-memory fit index (fit-catalog.ts, rebuilt when the bags change);
 * the core's classifier (catalog/fit-classify.ts) gives every bag a verdict, running the engine
 * only on bags that no necessary condition, known layout or earlier proof settles. Attribute
 * filters (price, tier, colour...) go to the database first, together with the necessary
 * condition it indexes (kitBounds, openingNeeds), and only the bags they leave are classified.
 * The page is read from the database by id and each of its bags gets a verified layout.
 * Order: price (unpriced bags last), interior volume, or snuggest first (fill), then id.
 */
import { classifyKit, FITS, kitBounds, layoutFor, openingNeeds, PER_BAG_NODES, type CatalogBag, type Classification, type Item, type Placement } from '@micropurse/core';
import type { BagSearch } from './repos/bag-search.js';
import type { Store } from './store.js';

export interface FitsQuery {
  readonly filters: Omit<BagSearch, 'kitBounds' | 'opening' | 'sort' | 'limit' | 'offset'>;
  readonly items: readonly Item[];
  readonly sort: 'price' | 'volume' | 'fit';
  readonly limit: number;
  readonly offset: number;
  /** The engine's budget per bag it has to run on, ms (default 50) and search nodes (default PER_BAG_NODES). */
  readonly perBagMs?: number;
  readonly perBagNodes?: number;
  /** The whole query's budget for the engine, ms: bags still open after it are undecided. Unlimited when absent. */
  readonly queryMs?: number;
}

export interface FitsHit {
  readonly bag: CatalogBag;
  readonly placements: Placement[];
}

export interface FitsQueryResult {
  readonly hits: FitsHit[];
  /** Bags that hold the kit, over all pages. */
  readonly total: number;
  /** Bags the engine could not settle within its budget: not counted, not shown. */
  readonly undecided: number;
  readonly stats: Classification['stats'];
}

const hasFilters = (f: FitsQuery['filters']) => Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));

export async function findBagsThatFit(store: Pick<Store, 'bags'>, q: FitsQuery): Promise<FitsQueryResult> {
  const cat = await store.bags.fitCatalog();
  let rows: number[] | undefined;
  if (hasFilters(q.filters)) {
    const { ids } = await store.bags.searchIds({ ...q.filters, kitBounds: kitBounds(q.items), opening: openingNeeds(q.items) });
    rows = ids.flatMap((id) => cat.rowOf.get(id) ?? []);
  }
  const budget = { perBagMs: q.perBagMs ?? 50, perBagNodes: q.perBagNodes ?? PER_BAG_NODES };
  const c = classifyKit(cat.index, q.items, { ...budget, ...(rows ? { rows } : {}), ...(q.queryMs === undefined ? {} : { queryMs: q.queryMs }) });

  const want = q.offset + q.limit;
  let ordered: number[];
  if (q.sort === 'fit') {
    const fitting: number[] = [];
    c.verdicts.forEach((v, i) => {
      if (v === FITS) fitting.push(i);
    });
    const price = (i: number) => (Number.isNaN(cat.priceUsd[i]!) ? Infinity : cat.priceUsd[i]!);
    // The kit's volume is the same for all, so the smallest interior is the snuggest.
    ordered = fitting.sort((a, b) => cat.index.volume[a]! - cat.index.volume[b]! || price(a) - price(b) || a - b).slice(0, want);
  } else {
    ordered = [];
    for (const i of q.sort === 'price' ? cat.byPrice : cat.byVolume) {
      if (c.verdicts[i] === FITS) ordered.push(i);
      if (ordered.length >= want) break;
    }
  }
  const page = ordered.slice(q.offset);
  const bags = await store.bags.getMany(page.map((i) => cat.ids[i]!));
  const hits: FitsHit[] = [];
  page.forEach((row, k) => {
    const bag = bags[k];
    const placements = bag && bag.id === cat.ids[row] ? layoutFor(cat.index, row, q.items, c, budget) : null;
    // A counted bag always has a layout; should one ever fail, it is left out rather than shown unproven.
    if (bag && placements) hits.push({ bag, placements });
  });
  return { hits, total: c.fits, undecided: c.undecided, stats: c.stats };
}
