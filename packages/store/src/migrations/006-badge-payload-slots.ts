/**
 * 006_badge_payload_slots: badge payloads stored one character a slot (core badges/payload.ts)
 * instead of "|"-joined segments, a third of the size. The rows written in the old form are
 * deleted rather than converted: badges are derived data, every bag without a row is planned
 * whole by the next `micropurse badges` run, and until then GET /v1/bags/{id} computes what it
 * needs within its budget. The subject slots (positions, hashes, epochs) stay as they are.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const badgePayloadSlots006: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`delete from badges`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    // The old form cannot read the new rows either.
    await sql`delete from badges`.execute(db);
  },
};
