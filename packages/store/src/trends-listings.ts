/**
 * The store's listings as the trends read them: each dated listing (a bag seen at a price) with
 * its bag's tier and trend attributes (core bagTrendAttributes: size class, novelty, finish,
 * colour family, wear modes, shape, category...). Listings of a bag keep the bag's current
 * attributes: the catalog keeps one version of a bag.
 *
 * Then the market listings imported from listings files (repos/market-listings.ts), which carry
 * their own tier and attributes.
 *
 * Read through the repositories, bags a page at a time, so it runs alike on SQLite and
 * PostgreSQL and never holds more than a page of bags; one listings query a page.
 */
import { bagTrendAttributes, type TrendListing } from '@micropurse/core';
import type { Store } from './store.js';

/** Bags read per page. */
const PAGE = 500;

export async function trendListingsFromStore(store: Pick<Store, 'bags' | 'listings' | 'marketListings'>): Promise<TrendListing[]> {
  const out: TrendListing[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { bags } = await store.bags.search({ limit: PAGE, offset });
    const byBag = await store.listings.forBags(bags.map((b) => b.id));
    for (const bag of bags) {
      const listings = byBag.get(bag.id) ?? [];
      if (listings.length === 0) continue;
      const attributes = bagTrendAttributes(bag);
      for (const l of listings) out.push({ date: l.date, tier: bag.tier, price: l.price, currency: l.currency, attributes });
    }
    if (bags.length < PAGE) break;
  }
  out.push(...(await store.marketListings.all()));
  // By date, then tier, then price: the same order whatever the database's.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.price - b.price));
}
