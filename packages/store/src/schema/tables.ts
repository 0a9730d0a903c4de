/**
 * The tables as Kysely sees them: one row type a table, in the portable column types the
 * migrations create (text; double precision, which SQLite stores as REAL; integer 0/1 for
 * booleans, because SQLite has no boolean and one code path must read both databases).
 */
export interface BagsTable {
  id: string;
  brand: string;
  model: string;
  tier: string;
  price: number | null;
  currency: string | null;
  price_usd: number | null;
  exterior_w: number;
  exterior_h: number;
  exterior_d: number;
  interior_shape: string;
  interior_w: number;
  interior_h: number;
  interior_d: number;
  /** Trapezoid interiors only. */
  interior_w_narrow: number | null;
  interior_narrow_at: string | null;
  interior_opening_length: number | null;
  interior_opening_gape: number | null;
  interior_give: number | null;
  /** null when the interior says nothing (the field is optional in the schema), else 0 or 1. */
  interior_derived: number | null;
  shape: string;
  closure: string;
  strap: string;
  strap_detachable: number;
  material: string;
  color_name: string;
  color_hex: string;
  color_family: string;
  texture: string;
  /** brand and texture lower-cased (in JS, so both databases fold case alike): what filters match. */
  brand_key: string;
  texture_key: string;
  novelty: number;
  source: string;
  source_note: string;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  item_group_id: string | null;
  first_seen: string;
  last_seen: string;
  /** The interior's bounding box, give included, sides sorted s1 >= s2 >= s3 (mm), and its volume (mm³). */
  fit_s1: number;
  fit_s2: number;
  fit_s3: number;
  fit_volume: number;
}

/** One row a wear mode, `position` keeping the bag's own order. */
export interface BagWearModesTable {
  bag_id: string;
  position: number;
  mode: string;
}

export interface BagFinishesTable {
  bag_id: string;
  position: number;
  finish: string;
}

export interface ListingsTable {
  bag_id: string;
  date: string;
  price: number;
  currency: string;
  price_usd: number | null;
  source: string;
}

export interface ItemsTable {
  id: string;
  name: string;
  category: string;
  w: number;
  h: number;
  d: number;
  solid: string;
  rigid: number;
  weight_g: number;
  source_note: string;
}

export interface GarmentsTable {
  id: string;
  category: string;
  silhouette: string;
  occasion: string;
  color_hex: string;
  pattern: string;
  material: string;
}

/** Small facts about the store: `bags_version` counts writes to the bags (caches key on it). */
export interface CatalogMetaTable {
  key: string;
  value: number;
}

/** API keys: only the SHA-256 hash of each key is kept (migrations/002-api-keys.ts). */
export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Listings imported from listings files: a tier and attributes, no catalog bag (migration 005). */
export interface MarketListingsTable {
  source: string;
  line: number;
  date: string;
  tier: string;
  price: number;
  currency: string;
  /** Canonical JSON of the attributes (keys sorted, values sorted). */
  attributes: string;
}

/** A bag's "what fits" badges (migration 004): one row per bag, payload as core badges/payload.ts. */
export interface BadgesTable {
  bag_id: string;
  bag_hash: string;
  epoch: number;
  /** Badges in the payload. */
  n: number;
  payload: string;
}

/** A subject's slot in the badge payloads (migration 004); hash "" for a dropped subject. */
export interface BadgeSubjectsTable {
  subject_id: string;
  position: number;
  hash: string;
  since: number;
}

export interface Database {
  bags: BagsTable;
  bag_wear_modes: BagWearModesTable;
  bag_finishes: BagFinishesTable;
  listings: ListingsTable;
  items: ItemsTable;
  garments: GarmentsTable;
  catalog_meta: CatalogMetaTable;
  market_listings: MarketListingsTable;
  api_keys: ApiKeysTable;
  badges: BadgesTable;
  badge_subjects: BadgeSubjectsTable;
}
