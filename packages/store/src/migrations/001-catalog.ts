/**
 * 001_catalog: bags (with their wear modes and finishes), listings, items, garments.
 *
 * Written once for both databases, in types both understand: text; `double precision` (a double
 * in PostgreSQL, REAL affinity in SQLite: never PostgreSQL's 4-byte `real`, which would not give
 * back the millimetres it was given); integer 0/1 for booleans.
 *
 * Wear modes and finishes are child tables, not JSON text: a filter on them is then a plain
 * `exists (... where mode in (...))` that both databases run alike and can index, where JSON would
 * need json_each in SQLite and jsonb operators in PostgreSQL, two code paths. `position` keeps each
 * list in the bag's own order, so a bag reads back exactly as it was written.
 *
 * Brand and texture are matched case-insensitively through `brand_key` and `texture_key`, folded
 * in JS: SQLite's lower() folds ASCII only and PostgreSQL's follows its locale.
 *
 * A migration is frozen once released: it takes an untyped Kysely, never the current table types.
 */
import type { Kysely, Migration } from 'kysely';

const DOUBLE = 'double precision';

export const catalog001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('bags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('price', DOUBLE)
      .addColumn('currency', 'text')
      .addColumn('price_usd', DOUBLE)
      .addColumn('exterior_w', DOUBLE, (c) => c.notNull())
      .addColumn('exterior_h', DOUBLE, (c) => c.notNull())
      .addColumn('exterior_d', DOUBLE, (c) => c.notNull())
      .addColumn('interior_shape', 'text', (c) => c.notNull())
      .addColumn('interior_w', DOUBLE, (c) => c.notNull())
      .addColumn('interior_h', DOUBLE, (c) => c.notNull())
      .addColumn('interior_d', DOUBLE, (c) => c.notNull())
      .addColumn('interior_w_narrow', DOUBLE)
      .addColumn('interior_narrow_at', 'text')
      .addColumn('interior_opening_length', DOUBLE)
      .addColumn('interior_opening_gape', DOUBLE)
      .addColumn('interior_give', DOUBLE)
      .addColumn('interior_derived', 'integer')
      .addColumn('shape', 'text', (c) => c.notNull())
      .addColumn('closure', 'text', (c) => c.notNull())
      .addColumn('strap', 'text', (c) => c.notNull())
      .addColumn('strap_detachable', 'integer', (c) => c.notNull())
      .addColumn('material', 'text', (c) => c.notNull())
      .addColumn('color_name', 'text', (c) => c.notNull())
      .addColumn('color_hex', 'text', (c) => c.notNull())
      .addColumn('color_family', 'text', (c) => c.notNull())
      .addColumn('texture', 'text', (c) => c.notNull())
      .addColumn('brand_key', 'text', (c) => c.notNull())
      .addColumn('texture_key', 'text', (c) => c.notNull())
      .addColumn('novelty', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_note', 'text', (c) => c.notNull())
      .addColumn('sku', 'text')
      .addColumn('gtin', 'text')
      .addColumn('mpn', 'text')
      .addColumn('item_group_id', 'text')
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .addColumn('fit_s1', DOUBLE, (c) => c.notNull())
      .addColumn('fit_s2', DOUBLE, (c) => c.notNull())
      .addColumn('fit_s3', DOUBLE, (c) => c.notNull())
      .addColumn('fit_volume', DOUBLE, (c) => c.notNull())
      // The sorted sides of three boxes inscribed in the interior (core inscribedBounds): one of
      // the kit's own layouts fitting within one of them is a sure "fits" that needs no engine.
      .addColumn('ins_s1', DOUBLE, (c) => c.notNull())
      .addColumn('ins_s2', DOUBLE, (c) => c.notNull())
      .addColumn('ins_s3', DOUBLE, (c) => c.notNull())
      .addColumn('insb_s1', DOUBLE, (c) => c.notNull())
      .addColumn('insb_s2', DOUBLE, (c) => c.notNull())
      .addColumn('insb_s3', DOUBLE, (c) => c.notNull())
      .addColumn('insc_s1', DOUBLE, (c) => c.notNull())
      .addColumn('insc_s2', DOUBLE, (c) => c.notNull())
      .addColumn('insc_s3', DOUBLE, (c) => c.notNull())
      .execute();
    // The "fits my kit" prefilter is a range on each of these; the leading column does most of the work.
    await db.schema.createIndex('bags_fit').on('bags').columns(['fit_s1', 'fit_s2', 'fit_s3']).execute();
    await db.schema.createIndex('bags_fit_volume').on('bags').column('fit_volume').execute();
    await db.schema.createIndex('bags_inscribed').on('bags').columns(['ins_s1', 'ins_s2', 'ins_s3']).execute();
    await db.schema.createIndex('bags_price_usd').on('bags').column('price_usd').execute();
    await db.schema.createIndex('bags_tier').on('bags').column('tier').execute();
    await db.schema.createIndex('bags_color_family').on('bags').column('color_family').execute();
    await db.schema.createIndex('bags_brand_key').on('bags').column('brand_key').execute();

    for (const [table, column] of [
      ['bag_wear_modes', 'mode'],
      ['bag_finishes', 'finish'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('bag_id', 'text', (c) => c.notNull().references('bags.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn(column, 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['bag_id', 'position'])
        .execute();
      await db.schema.createIndex(`${table}_${column}`).on(table).columns([column, 'bag_id']).execute();
    }

    await db.schema
      .createTable('listings')
      .addColumn('bag_id', 'text', (c) => c.notNull().references('bags.id').onDelete('cascade'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('price', DOUBLE, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('price_usd', DOUBLE)
      .addColumn('source', 'text', (c) => c.notNull())
      // The same bag at the same price, on the same day, from the same source is one observation.
      .addPrimaryKeyConstraint('listings_pk', ['bag_id', 'date', 'source', 'price'])
      .execute();

    await db.schema
      .createTable('items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('w', DOUBLE, (c) => c.notNull())
      .addColumn('h', DOUBLE, (c) => c.notNull())
      .addColumn('d', DOUBLE, (c) => c.notNull())
      .addColumn('solid', 'text', (c) => c.notNull())
      .addColumn('rigid', 'integer', (c) => c.notNull())
      .addColumn('weight_g', DOUBLE, (c) => c.notNull())
      .addColumn('source_note', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('garments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('silhouette', 'text', (c) => c.notNull())
      .addColumn('occasion', 'text', (c) => c.notNull())
      .addColumn('color_hex', 'text', (c) => c.notNull())
      .addColumn('pattern', 'text', (c) => c.notNull())
      .addColumn('material', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['garments', 'items', 'listings', 'bag_finishes', 'bag_wear_modes', 'bags']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
