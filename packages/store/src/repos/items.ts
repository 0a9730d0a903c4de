/** The everyday items (the built-in essentials). */
import { EssentialRecordSchema, type EssentialRecord } from '@micropurse/core';
import type { Kysely } from 'kysely';
import type { Database, ItemsTable } from '../schema/tables.js';
import { parseInput } from '../validate.js';

export interface ItemRepository {
  /** Every item, by id. */
  all(): Promise<EssentialRecord[]>;
  upsert(item: EssentialRecord): Promise<void>;
  /** As upsert, in one statement per thousand; the last item of an id wins. */
  upsertMany(items: readonly EssentialRecord[]): Promise<void>;
}

const WRITE_CHUNK = 1000;
const UPDATED = ['name', 'category', 'w', 'h', 'd', 'solid', 'rigid', 'weight_g', 'source_note'] as const satisfies readonly (keyof ItemsTable)[];

function toRow(e: EssentialRecord): ItemsTable {
  const { w, h, d } = e.dims;
  return { id: e.id, name: e.name, category: e.category, w, h, d, solid: e.solid, rigid: e.rigid ? 1 : 0, weight_g: e.weight_g, source_note: e.source_note };
}

export function itemRepository(db: Kysely<Database>): ItemRepository {
  const upsertMany = async (input: readonly EssentialRecord[]): Promise<void> => {
    const items = input.map((e, i) => parseInput(EssentialRecordSchema, e, input.length === 1 ? 'item' : `items[${i}]`));
    const rows = [...new Map(items.map((e) => [e.id, toRow(e)])).values()];
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      await db
        .insertInto('items')
        .values(rows.slice(i, i + WRITE_CHUNK))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)]))))
        .execute();
    }
  };
  return {
    async all() {
      const rows = await db.selectFrom('items').selectAll().orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        category: r.category,
        dims: { w: r.w, h: r.h, d: r.d },
        solid: r.solid as EssentialRecord['solid'],
        rigid: r.rigid === 1,
        weight_g: r.weight_g,
        source_note: r.source_note,
      }));
    },
    upsert: (item) => upsertMany([item]),
    upsertMany,
  };
}
