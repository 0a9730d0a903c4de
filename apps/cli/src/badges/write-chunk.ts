/** A computed chunk into the store: its badges and its bags' done marks, in one transaction. */
import type { BadgeColumns, ChunkBag } from '@micropurse/core';
import type { Store } from '@micropurse/store';

export async function writeChunk(store: Store, bags: readonly ChunkBag[], columns: BadgeColumns, subjectsHash: string): Promise<void> {
  await store.badges.writeChunk(
    columns,
    bags.map((b) => ({ bag_id: b.id, bag_hash: b.hash, subjects_hash: subjectsHash })),
  );
}
