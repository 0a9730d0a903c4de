/** `micropurse search`: the catalog, filtered, and by default only the bags that hold my kit. */
import type { Command } from 'commander';
import {
  COLOUR_FAMILIES,
  FinishSchema,
  InputError,
  TierSchema,
  WearModeSchema,
  BagShapeSchema,
  bagSummary,
  kitBounds,
  parseKit,
  type CatalogBag,
  type Placement,
} from '@micropurse/core';
import { findBagsThatFit, openStore, type BagSearch } from '@micropurse/store';
import { storeConfig } from '../config.js';
import { positiveNumber } from '../options.js';
import { dimsText, fmt } from '../render.js';

interface SearchOpts {
  kit?: string;
  priceMin?: number;
  priceMax?: number;
  tier?: string;
  colour?: string;
  texture?: string;
  finish?: string;
  detachableStrap?: boolean;
  wearMode?: string;
  shape?: string;
  brand?: string;
  sort: string;
  limit: number;
  page: number;
  json?: boolean;
}

/** A comma-separated option whose values must come from a fixed list. */
function listOf<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (text === undefined) return undefined;
  const values = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const v of values) if (!allowed.includes(v as T)) throw new InputError(flag, `"${v}" is not one of ${allowed.join(', ')}`);
  return values as T[];
}

const free = (text: string | undefined) => text?.split(',').map((s) => s.trim()).filter(Boolean);

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the catalog; with --kit, only the bags that hold it (exactly)')
    .option('--kit <list>', 'what you carry, as for fit ("e03,e20,e24" or names, "x2" for quantities)')
    .option('--price-min <usd>', 'lowest price, USD', positiveNumber('--price-min'))
    .option('--price-max <usd>', 'highest price, USD', positiveNumber('--price-max'))
    .option('--tier <list>', 'luxury, contemporary, fast-fashion')
    .option('--colour <list>', `colour families: ${COLOUR_FAMILIES.join(', ')}`)
    .option('--texture <list>', 'textures as recorded (quilted, smooth, woven...)')
    .option('--finish <list>', `finishes: ${FinishSchema.options.join(', ')}`)
    .option('--detachable-strap', 'only bags whose strap detaches')
    .option('--wear-mode <list>', `ways to wear it: ${WearModeSchema.options.join(', ')}`)
    .option('--shape <list>', `shapes: ${BagShapeSchema.options.join(', ')}`)
    .option('--brand <list>', 'brands')
    .option('--sort <key>', 'price, volume (smallest first) or fit (snuggest first)', 'price')
    .option('--limit <n>', 'results per page', positiveNumber('--limit'), 20)
    .option('--page <n>', 'page number, from 1', positiveNumber('--page'), 1)
    .option('--json', 'print JSON on stdout')
    .action(async (opts: SearchOpts) => {
      const sort = listOf('--sort', opts.sort, ['price', 'volume', 'fit'] as const)?.[0] ?? 'price';
      const items = opts.kit === undefined ? null : parseKit(opts.kit, '--kit');
      const filters: BagSearch = {
        ...(opts.priceMin === undefined ? {} : { price_min_usd: opts.priceMin }),
        ...(opts.priceMax === undefined ? {} : { price_max_usd: opts.priceMax }),
        ...optional('tier', listOf('--tier', opts.tier, TierSchema.options)),
        ...optional('color_family', listOf('--colour', opts.colour, COLOUR_FAMILIES)),
        ...optional('texture', free(opts.texture)),
        ...optional('finish', listOf('--finish', opts.finish, FinishSchema.options)),
        ...(opts.detachableStrap ? { strap_detachable: true } : {}),
        ...optional('wear_mode', listOf('--wear-mode', opts.wearMode, WearModeSchema.options)),
        ...optional('shape', listOf('--shape', opts.shape, BagShapeSchema.options)),
        ...optional('brand', free(opts.brand)),
        ...(items ? { kitBounds: kitBounds(items) } : {}),
        sort: sort === 'fit' ? 'volume' : sort,
      };
      const limit = Math.floor(opts.limit);
      const offset = (Math.floor(opts.page) - 1) * limit;
      const store = await openStore(storeConfig());
      try {
        if (!items) {
          const page = await store.bags.search({ ...filters, limit, offset });
          return print(opts, page.bags.map((bag) => ({ bag, verdict: null, placements: [] })), page.total);
        }
        const { kitBounds: _k, sort: _s, ...attributes } = filters;
        const r = await findBagsThatFit(store, { filters: attributes, items, sort, limit, offset });
        return print(opts, r.hits.map((h) => ({ bag: h.bag, verdict: 'fits' as const, placements: h.placements })), r.total, r.undecided);
      } finally {
        await store.close();
      }
    });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

interface Row {
  bag: CatalogBag;
  verdict: 'fits' | null;
  placements: Placement[];
}

function print(opts: SearchOpts, rows: Row[], total: number, undecided = 0): void {
  if (opts.json) {
    const results = rows.map(({ bag, verdict, placements }) => bagSummary(bag, verdict ? placements : undefined));
    process.stdout.write(`${JSON.stringify({ results, total, ...(undecided > 0 ? { undecided } : {}) })}\n`);
    return;
  }
  const lines = [`${total} bag${total === 1 ? '' : 's'}${opts.kit ? ' hold your kit' : ''}${undecided > 0 ? ` (${undecided} more could not be settled)` : ''}`];
  for (const { bag } of rows) {
    const price = bag.price_usd === null ? 'price n/a' : `$${fmt(bag.price_usd)}`;
    lines.push(`  ${bag.id.padEnd(8)} ${`${bag.brand} ${bag.model}`.slice(0, 44).padEnd(45)} ${bag.tier.padEnd(13)} ${price.padStart(9)}  ${bag.shape}, inside ${dimsText(bag.interior)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
