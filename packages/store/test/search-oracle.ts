/**
 * The search as documented (src/repos/bag-search.ts), over bags in memory: the oracle the SQL is
 * held to. Ids are ASCII in these tests, so JavaScript's string order is every database's.
 */
import { bagColourFamily, interiorBounds, meetsBounds, type CatalogBag } from '@micropurse/core';
import type { BagSearch } from '../src/index.js';

const any = <T>(wanted: readonly T[] | undefined, has: (v: T) => boolean) => wanted === undefined || wanted.length === 0 || wanted.some(has);
const byId = (a: CatalogBag, b: CatalogBag) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function matches(b: CatalogBag, f: BagSearch): boolean {
  const lower = (xs: readonly string[] | undefined) => xs?.map((x) => x.toLowerCase());
  return (
    (f.price_min_usd === undefined || (b.price_usd !== null && b.price_usd >= f.price_min_usd)) &&
    (f.price_max_usd === undefined || (b.price_usd !== null && b.price_usd <= f.price_max_usd)) &&
    any(f.tier, (t) => t === b.tier) &&
    any(f.color_family, (c) => c === bagColourFamily(b.color_name, b.color_hex)) &&
    any(lower(f.texture), (t) => t === b.texture.toLowerCase()) &&
    any(f.finish, (x) => b.finish.includes(x)) &&
    (f.strap_detachable === undefined || f.strap_detachable === b.strap_detachable) &&
    any(f.wear_mode, (m) => b.wear_modes.includes(m)) &&
    any(f.shape, (s) => s === b.shape) &&
    any(lower(f.brand), (x) => x === b.brand.toLowerCase()) &&
    (f.kitBounds === undefined || meetsBounds(interiorBounds(b.interior), f.kitBounds))
  );
}

export function searchInMemory(bags: readonly CatalogBag[], f: BagSearch): { bags: CatalogBag[]; total: number } {
  const hits = bags.filter((b) => matches(b, f));
  if (f.sort === 'price') {
    hits.sort((a, b) => {
      if (a.price_usd === null || b.price_usd === null) return a.price_usd === b.price_usd ? byId(a, b) : a.price_usd === null ? 1 : -1;
      return a.price_usd - b.price_usd || byId(a, b);
    });
  } else if (f.sort === 'volume') {
    hits.sort((a, b) => interiorBounds(a.interior).volume - interiorBounds(b.interior).volume || byId(a, b));
  } else {
    hits.sort(byId);
  }
  const offset = f.offset ?? 0;
  const end = f.limit === undefined ? undefined : offset + f.limit;
  return { bags: hits.slice(offset, end), total: hits.length };
}
