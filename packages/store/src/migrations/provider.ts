/**
 * The migrations, in code rather than read from a folder, so that the compiled package carries
 * them and both databases run the very same steps. Names sort in the order they run; a new
 * migration takes the next number and never edits a released one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { catalog001 } from './001-catalog.js';
import { apiKeys002 } from './002-api-keys.js';
import { catalogVersion003 } from './003-catalog-version.js';
import { badges004 } from './004-badges.js';
import { marketListings005 } from './005-market-listings.js';
import { badgePayloadSlots006 } from './006-badge-payload-slots.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001_catalog': catalog001,
  '002_api_keys': apiKeys002,
  '003_catalog_version': catalogVersion003,
  '004_badges': badges004,
  '005_market_listings': marketListings005,
  '006_badge_payload_slots': badgePayloadSlots006,
};

/** The first migration: when it runs, the store was empty and is to be seeded. */
export const FIRST_MIGRATION = '001_catalog';

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
