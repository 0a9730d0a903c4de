import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';
import { apiKeyRepository, type ApiKeyRepository } from './api-keys.js';
import { badgeRepository, type BadgeRepository } from './badges.js';
import { bagRepository, type BagRepository } from './bags.js';
import { garmentRepository, type GarmentRepository } from './garments.js';
import { itemRepository, type ItemRepository } from './items.js';
import { listingRepository, type ListingRepository } from './listings.js';
import { marketListingRepository, type MarketListingRepository } from './market-listings.js';

/** What a store offers, and what a transaction on it offers: the same repositories. */
export interface Repositories {
  readonly bags: BagRepository;
  readonly listings: ListingRepository;
  readonly marketListings: MarketListingRepository;
  readonly items: ItemRepository;
  readonly garments: GarmentRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly badges: BadgeRepository;
}

/** The repositories over `db`; `atomic` when `db` is a transaction opened by hand (see in-transaction.ts). */
export function repositories(db: Kysely<Database>, atomic = false): Repositories {
  return {
    bags: bagRepository(db, atomic),
    listings: listingRepository(db),
    marketListings: marketListingRepository(db),
    items: itemRepository(db),
    garments: garmentRepository(db),
    apiKeys: apiKeyRepository(db),
    badges: badgeRepository(db, atomic),
  };
}
