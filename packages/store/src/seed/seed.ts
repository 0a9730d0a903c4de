/**
 * What a new store starts with: the 53 built-in bags (as catalog bags first and last seen on the
 * seed date), the 55 essentials and the 30 sample garments. No listings: the built-in prices were
 * observed years apart (the source notes date them), so dating them all today would mislead trends.
 */
import { ESSENTIALS, GARMENTS, builtinCatalogBags } from '@micropurse/core';
import type { Repositories } from '../repos/repositories.js';

export async function seedStore(repos: Repositories, seenDate: string): Promise<void> {
  await repos.bags.upsertMany(builtinCatalogBags(seenDate));
  await repos.items.upsertMany(ESSENTIALS);
  await repos.garments.upsertMany(GARMENTS);
}
