import type { Repositories } from '../src/index.js';

/** Everything a store holds, read through its repositories: two equal snapshots mean an unchanged store. */
export async function snapshot(repos: Repositories) {
  const { bags, total } = await repos.bags.search({});
  const listings = await Promise.all(bags.map((b) => repos.listings.forBag(b.id)));
  return {
    count: await repos.bags.count(),
    total,
    bags,
    listings: listings.flat(),
    items: await repos.items.all(),
    garments: await repos.garments.all(),
  };
}
