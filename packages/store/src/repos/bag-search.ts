/**
 * Catalog search: the filters (one zod schema, for the CLI, the server and this query alike) and
 * the SQL they become, the same for both databases.
 *
 * Semantics: a list filter matches a bag having any of its values (tier luxury or contemporary;
 * wearable crossbody or on the wrist); filters combine with AND; an absent or empty list does not
 * filter. Brand and texture match whole values, case-insensitively. A bag without a USD price
 * matches no price bound. Sorts are ascending (cheapest, smallest first) with the id breaking
 * ties; `price` puts unpriced bags last; `volume` is the interior's bounding box, give included;
 * no sort means id order.
 *
 * `kitBounds` is the necessary condition for a kit to fit (core catalog/search.ts, `kitBounds`):
 * each sorted side of the bag's interior box at least the kit's, and its volume at least the
 * kit's, with the engine's tolerances, so the prefilter never drops a bag the engine would fill.
 */
import {
  BagShapeSchema,
  COLOUR_FAMILIES,
  EPS,
  FinishSchema,
  TierSchema,
  VOLUME_REL_EPS,
  WearModeSchema,
  type CatalogBag,
} from '@micropurse/core';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema/tables.js';
import { parseInput } from '../validate.js';

const Usd = z.number().finite().nonnegative();
const Side = z.number().finite().nonnegative();

export const BagSearchSchema = z.object({
  price_min_usd: Usd.optional(),
  price_max_usd: Usd.optional(),
  tier: z.array(TierSchema).optional(),
  color_family: z.array(z.enum(COLOUR_FAMILIES)).optional(),
  texture: z.array(z.string()).optional(),
  finish: z.array(FinishSchema).optional(),
  strap_detachable: z.boolean().optional(),
  wear_mode: z.array(WearModeSchema).optional(),
  shape: z.array(BagShapeSchema).optional(),
  brand: z.array(z.string()).optional(),
  /** From core's kitBounds(items): sorted item sides s1 >= s2 >= s3 (mm) and total volume (mm³). */
  kitBounds: z.object({ s1: Side, s2: Side, s3: Side, volume: Side }).optional(),
  /** From core's openingNeeds(items): a bag with an opening must admit pass_long x pass_short (either way round). */
  opening: z.object({ pass_long: Side, pass_short: Side }).optional(),
  sort: z.enum(['price', 'volume']).optional(),
  limit: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
});
export type BagSearch = z.input<typeof BagSearchSchema>;

export interface BagSearchResult {
  /** The page asked for. */
  readonly bags: CatalogBag[];
  /** Every bag matching the filters, over all pages. */
  readonly total: number;
}

type BagQuery<O> = SelectQueryBuilder<Database, 'bags', O>;

const some = <T>(values: readonly T[] | undefined): values is readonly T[] => values !== undefined && values.length > 0;

/** The WHERE clause of a search, on any query over `bags`. */
export function whereFilters<O>(q: BagQuery<O>, f: z.output<typeof BagSearchSchema>): BagQuery<O> {
  if (f.price_min_usd !== undefined) q = q.where('price_usd', '>=', f.price_min_usd);
  if (f.price_max_usd !== undefined) q = q.where('price_usd', '<=', f.price_max_usd);
  if (some(f.tier)) q = q.where('tier', 'in', f.tier);
  if (some(f.color_family)) q = q.where('color_family', 'in', f.color_family);
  if (some(f.texture)) q = q.where('texture_key', 'in', f.texture.map((t) => t.toLowerCase()));
  if (some(f.brand)) q = q.where('brand_key', 'in', f.brand.map((b) => b.toLowerCase()));
  if (some(f.shape)) q = q.where('shape', 'in', f.shape);
  if (f.strap_detachable !== undefined) q = q.where('strap_detachable', '=', f.strap_detachable ? 1 : 0);
  const modes = f.wear_mode;
  if (some(modes)) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('bag_wear_modes as m').select('m.bag_id').whereRef('m.bag_id', '=', 'bags.id').where('m.mode', 'in', modes)),
    );
  }
  const finishes = f.finish;
  if (some(finishes)) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('bag_finishes as f').select('f.bag_id').whereRef('f.bag_id', '=', 'bags.id').where('f.finish', 'in', finishes)),
    );
  }
  const k = f.kitBounds;
  if (k) {
    // Bounds moved to the parameter side so that the indexes on the fit columns apply.
    q = q
      .where('fit_s1', '>=', k.s1 - EPS)
      .where('fit_s2', '>=', k.s2 - EPS)
      .where('fit_s3', '>=', k.s3 - EPS)
      .where('fit_volume', '>=', k.volume * (1 - VOLUME_REL_EPS));
  }
  if (f.opening) q = q.where(admits(f.opening));
  return q;
}

/** No opening, or one whose longer side and shorter side admit the kit (core openingNeeds). */
function admits(o: { pass_long: number; pass_short: number }) {
  const longer = sql`case when interior_opening_length >= interior_opening_gape then interior_opening_length else interior_opening_gape end`;
  const shorter = sql`case when interior_opening_length >= interior_opening_gape then interior_opening_gape else interior_opening_length end`;
  return sql<boolean>`(interior_opening_length is null or (${longer} >= ${o.pass_long - EPS} and ${shorter} >= ${o.pass_short - EPS}))`;
}

/** The ids of one page, in order, and the total. */
export async function searchIds(db: Kysely<Database>, filters: BagSearch): Promise<{ ids: string[]; total: number }> {
  const f = parseInput(BagSearchSchema, filters, 'filters');
  const countRow = await whereFilters(db.selectFrom('bags'), f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  let q = whereFilters(db.selectFrom('bags'), f).select('id');
  if (f.sort === 'price') {
    q = q.orderBy(sql`case when price_usd is null then 1 else 0 end`).orderBy('price_usd');
  } else if (f.sort === 'volume') {
    q = q.orderBy('fit_volume');
  }
  q = q.orderBy('id');
  // SQLite accepts OFFSET only after a LIMIT.
  if (f.limit !== undefined || f.offset !== undefined) q = q.limit(f.limit ?? Number.MAX_SAFE_INTEGER);
  if (f.offset !== undefined) q = q.offset(f.offset);
  const rows = await q.execute();
  // PostgreSQL counts in bigint, which pg hands over as a string.
  return { ids: rows.map((r) => r.id), total: Number(countRow.n) };
}
