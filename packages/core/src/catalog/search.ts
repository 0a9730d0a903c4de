/**
 * "Which of these bags hold my kit?" over a list of bags (the built-in catalog, a page of the
 * store): the classifier's verdicts (fit-classify.ts) and a verified layout for each bag shown.
 * The store runs the same classifier over its cached index (store/fits-query.ts).
 */
import type { CatalogBag } from '../model/catalog.js';
import type { Placement } from '../model/fit.js';
import type { Item } from '../model/item.js';
import { classifyKit, FITS, layoutFor } from './fit-classify.js';
import { buildFitIndex } from './fit-index.js';
import { kitBounds } from './kit-bounds.js';

export interface SearchFitsOptions {
  /** 'fit' puts the snuggest first; the others keep the order the bags came in. */
  readonly sort: 'price' | 'volume' | 'fit' | 'input';
  readonly limit: number;
  readonly offset: number;
  /** The engine's budget for each bag it has to run on, ms. */
  readonly perBagMs?: number;
  /**
   * And in search nodes (default PER_BAG_NODES): a listing shows proven fits only, so a bag the
   * engine cannot settle quickly (a tight kit in a curved bag, typically) is counted as undecided
   * rather than allowed to hold up the whole query.
   */
  readonly perBagNodes?: number;
  readonly now?: () => number;
}

export interface SearchHit {
  readonly bag: CatalogBag;
  readonly placements: Placement[];
  /** The kit's volume over the interior's bounding box: how snugly it fits. */
  readonly fill: number;
}

export interface SearchFitsResult {
  readonly hits: SearchHit[];
  /** Bags that hold the kit, over all pages. */
  readonly total: number;
  /** Bags the engine could not settle within its budget (curved walls, or a hard kit). */
  readonly undecided: number;
  /** Bags past the necessary conditions, engine runs, bags settled by a proof made for another. */
  readonly stats: { readonly candidates: number; readonly engine_calls: number; readonly by_proof: number };
}

export const PER_BAG_NODES = 5000;

export function searchFits(bags: readonly CatalogBag[], items: readonly Item[], opts: SearchFitsOptions): SearchFitsResult {
  const index = buildFitIndex(bags);
  const budget = { perBagMs: opts.perBagMs ?? 200, perBagNodes: opts.perBagNodes ?? PER_BAG_NODES };
  const c = classifyKit(index, items, { ...budget, ...(opts.now ? { now: opts.now } : {}) });
  const kitVolume = kitBounds(items).volume;
  const rows: number[] = [];
  c.verdicts.forEach((v, i) => {
    if (v === FITS) rows.push(i);
  });
  const fill = (i: number) => kitVolume / index.volume[i]!;
  const price = (i: number) => bags[i]!.price_usd ?? Infinity;
  if (opts.sort === 'fit') rows.sort((a, b) => fill(b) - fill(a) || price(a) - price(b) || a - b);
  const hits: SearchHit[] = [];
  for (const i of rows.slice(opts.offset, opts.offset + opts.limit)) {
    const placements = layoutFor(index, i, items, c, budget);
    // A counted bag always has a layout; should one ever fail, it is left out rather than shown unproven.
    if (placements) hits.push({ bag: bags[i]!, placements, fill: fill(i) });
  }
  return { hits, total: c.fits, undecided: c.undecided, stats: c.stats };
}
