/** The sample wardrobe the styling rules are tried on. */
import { GarmentSchema, type Garment } from '@micropurse/core';
import type { Kysely } from 'kysely';
import type { Database, GarmentsTable } from '../schema/tables.js';
import { parseInput } from '../validate.js';

export interface GarmentRepository {
  /** Every garment, by id. */
  all(): Promise<Garment[]>;
  upsert(garment: Garment): Promise<void>;
  /** As upsert, in one statement per thousand; the last garment of an id wins. */
  upsertMany(garments: readonly Garment[]): Promise<void>;
}

const WRITE_CHUNK = 1000;
const UPDATED = ['category', 'silhouette', 'occasion', 'color_hex', 'pattern', 'material'] as const satisfies readonly (keyof GarmentsTable)[];

const toRow = (g: Garment): GarmentsTable => ({
  id: g.id,
  category: g.category,
  silhouette: g.silhouette,
  occasion: g.occasion,
  color_hex: g.color_hex,
  pattern: g.pattern,
  material: g.material,
});

export function garmentRepository(db: Kysely<Database>): GarmentRepository {
  const upsertMany = async (input: readonly Garment[]): Promise<void> => {
    const garments = input.map((g, i) => parseInput(GarmentSchema, g, input.length === 1 ? 'garment' : `garments[${i}]`));
    const rows = [...new Map(garments.map((g) => [g.id, toRow(g)])).values()];
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      await db
        .insertInto('garments')
        .values(rows.slice(i, i + WRITE_CHUNK))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)]))))
        .execute();
    }
  };
  return {
    async all() {
      const rows = await db.selectFrom('garments').selectAll().orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        category: r.category as Garment['category'],
        silhouette: r.silhouette as Garment['silhouette'],
        occasion: r.occasion as Garment['occasion'],
        color_hex: r.color_hex,
        pattern: r.pattern,
        material: r.material,
      }));
    },
    upsert: (garment) => upsertMany([garment]),
    upsertMany,
  };
}
