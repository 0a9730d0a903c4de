/** A computed chunk into the store: its bags' rows (each one its bag's done mark), in one transaction. */
import type { BadgeRows } from '@micropurse/core';
import type { Store } from '@micropurse/store';

export async function writeChunk(store: Store, rows: BadgeRows, epoch: number): Promise<void> {
  await store.badges.writeChunk(rows, epoch);
}
