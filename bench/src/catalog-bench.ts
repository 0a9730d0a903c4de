/**
 * npm run bench:catalog: the catalog at retailer scale.
 *
 * A generated catalog of BENCH_BAGS (default 100,000) bags, imported into a new SQLite store in
 * one transaction (import throughput, rows/s); then "which bags hold my kit?" for typical kits of
 * 3-6 essentials through the store's fit index and the classifier (median and p99 over the kits),
 * against the naive way (the engine on every bag) on a few of the same kits, in the same run.
 * Two catalogs: models sold in BENCH_COLOURWAYS colourways (default 4, as retail feeds list them),
 * and every bag with an interior of its own (the worst case).
 * Fixed seed, warm-up query first, results used so nothing is optimised away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESSENTIALS, fit, itemFromEssential, type BagDraft, type Item } from '@micropurse/core';
import { findBagsThatFit, importDrafts, openStore } from '@micropurse/store';
import { gitCommit, percentile } from './bench-env.js';

const N = Number(process.env['BENCH_BAGS'] ?? 100_000);
const KITS = Number(process.env['BENCH_KITS'] ?? 40);
const NAIVE_KITS = Number(process.env['BENCH_NAIVE_KITS'] ?? 3);

let seed = 20261129;
function rnd(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const round1 = (v: number) => Math.round(v * 10) / 10;

const BRANDS = ['Maison Petit', 'Nano & Co', 'Minuscule', 'Atelier Mini', 'Tiny Luxe', 'Pocket Studio', 'Little Label', 'Micro Mode'];
const SHAPES = ['box', 'box', 'box', 'box', 'box', 'box', 'trapezoid', 'half-moon', 'round', 'cylinder'] as const;
const COLOURS = ['black', 'white', 'pink', 'red', 'blue', 'green', 'brown', 'tan', 'silver', 'gold', 'yellow', 'purple'];
const TEXTURES = ['smooth', 'quilted', 'grained', 'croc-embossed', 'glitter', 'beaded', 'woven', 'patent', 'metallic'];
const MODES = ['crossbody', 'shoulder', 'hand', 'belt', 'necklace', 'wrist', 'bag-charm'] as const;

/**
 * n SKUs: models of random size and shape, each sold in `colourways` colours (a retail feed lists
 * every colourway as its own SKU, sharing the model's dimensions and an item_group_id); with
 * colourways = 1 every bag has an interior of its own, the hardest case for the query.
 */
function generateDrafts(n: number, colourways: number): { line: number; draft: BagDraft }[] {
  const out: { line: number; draft: BagDraft }[] = [];
  let model: { tier: 'luxury' | 'contemporary' | 'fast-fashion'; w: number; h: number; d: number; shape: (typeof SHAPES)[number]; material: string; brand: string; closure: BagDraft['closure'] } | null = null;
  for (let i = 0; i < n; i++) {
    if (i % colourways === 0 || !model) {
      model = {
        tier: pick(['luxury', 'contemporary', 'fast-fashion'] as const),
        w: round1(50 + rnd() * 210),
        h: round1(40 + rnd() * 150),
        d: round1(12 + rnd() * 80),
        shape: pick(SHAPES),
        material: pick(['calfskin leather', 'lambskin', 'nylon', 'satin', 'raffia', 'metal']),
        brand: pick(BRANDS),
        closure: pick(['zip', 'flap', 'clasp', 'drawstring', 'open', 'kiss-lock'] as const),
      };
    }
    const { tier, w, h, d } = model;
    const price = tier === 'luxury' ? 500 + Math.round(rnd() * 6000) : tier === 'contemporary' ? 100 + Math.round(rnd() * 400) : 15 + Math.round(rnd() * 80);
    const modes = MODES.filter(() => rnd() < 0.35);
    out.push({
      line: i + 2,
      draft: {
        brand: model.brand,
        model: `Model ${Math.floor(i / colourways)}`,
        tier,
        price,
        currency: 'USD',
        exterior: { w, h, d },
        shape: model.shape,
        closure: model.closure,
        strap: pick(['detachable', 'fixed', 'none', 'chain'] as const),
        wear_modes: modes.length > 0 ? modes : ['hand'],
        material: model.material,
        color_name: pick(COLOURS),
        texture: pick(TEXTURES),
        pattern: '',
        source: 'bench-feed',
        source_note: 'generated',
        sku: `SKU-${i}`,
        gtin: null,
        mpn: null,
        item_group_id: colourways > 1 ? `G-${Math.floor(i / colourways)}` : null,
        seen: '2026-11-01',
      },
    });
  }
  return out;
}

function kits(count: number): Item[][] {
  const small = ESSENTIALS.filter((e) => Math.max(e.dims.w, e.dims.h, e.dims.d) <= 160);
  return Array.from({ length: count }, () => {
    const size = 3 + Math.floor(rnd() * 4);
    return Array.from({ length: size }, () => itemFromEssential(pick(small)));
  });
}

const COLOURWAYS = Number(process.env['BENCH_COLOURWAYS'] ?? 4);

async function main(): Promise<void> {
  const commit = gitCommit();
  console.log(`commit: ${commit}\nnode: ${process.version}\ndate: ${new Date().toISOString()}\nbags: ${N}, kits: ${KITS} (3-6 essentials), naive kits: ${NAIVE_KITS}`);
  const all = kits(KITS + 1);
  for (const colourways of [...new Set([COLOURWAYS, 1])]) await scenario(colourways, all);
}

async function scenario(colourways: number, all: Item[][]): Promise<void> {
  const models = Math.ceil(N / colourways);
  console.log(`\n== ${N} bags: ${models} models x ${colourways} colourway${colourways > 1 ? 's' : ''} (${colourways > 1 ? 'colourways share an interior' : 'every interior different'})`);
  const dir = mkdtempSync(join(tmpdir(), 'micropurse-bench-'));
  const store = await openStore({ dataDir: dir });
  try {
    const drafts = generateDrafts(N, colourways);
    const t0 = performance.now();
    const report = await importDrafts(store, drafts, [], { source: 'bench-feed' });
    const importMs = performance.now() - t0;
    console.log(`import: ${report.accepted} bags in ${(importMs / 1000).toFixed(2)} s = ${Math.round((report.accepted / importMs) * 1000)} rows/s (one transaction)`);

    const query = async (kit: Item[]) => {
      const r = await findBagsThatFit(store, { filters: {}, items: kit, sort: 'price', limit: 20, offset: 0, perBagMs: 50 });
      return { total: r.total, undecided: r.undecided, stats: r.stats };
    };
    let t = performance.now();
    await query(all[0]!); // warm-up, which also builds the fit index
    console.log(`first query after the import (reads the catalog into the fit index): ${(performance.now() - t).toFixed(0)} ms`);
    const times: number[] = [];
    let sink = 0;
    const sum = { candidates: 0, engine: 0, proof: 0, undecided: 0 };
    for (const kit of all.slice(1)) {
      t = performance.now();
      const r = await query(kit);
      times.push(performance.now() - t);
      sink += r.total;
      sum.candidates += r.stats.candidates;
      sum.engine += r.stats.engine_calls;
      sum.proof += r.stats.by_proof;
      sum.undecided += r.undecided;
    }
    times.sort((a, b) => a - b);
    const avg = (v: number) => Math.round(v / times.length);
    console.log(`fits query: median ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms over ${times.length} kits`);
    console.log(`  per kit on average: ${avg(sum.candidates)} bags past the necessary conditions, ${avg(sum.engine)} engine runs, ${avg(sum.proof)} proved too small without the engine, ${avg(sum.undecided)} undecided`);

    const everything = (await store.bags.search({ sort: 'price' })).bags;
    const naive: number[] = [];
    const fast: number[] = [];
    for (const kit of all.slice(1, 1 + NAIVE_KITS)) {
      t = performance.now();
      let fits = 0;
      for (const bag of everything) if (fit({ bag: bag.interior, items: kit, options: { timeLimitMs: 50 } }).verdict === 'fits') fits++;
      naive.push(performance.now() - t);
      t = performance.now();
      const r = await query(kit);
      fast.push(performance.now() - t);
      console.log(`  kit of ${kit.length}: naive (full engine on every bag) finds ${fits}, the query ${r.total} (+${r.undecided} undecided)`);
      sink += fits;
    }
    const naiveMean = naive.reduce((a, b) => a + b, 0) / naive.length;
    const fastMean = fast.reduce((a, b) => a + b, 0) / fast.length;
    console.log(`naive (engine on every bag): mean ${naiveMean.toFixed(0)} ms over ${naive.length} kits; the query on the same kits: ${fastMean.toFixed(1)} ms; ratio ${(naiveMean / fastMean).toFixed(0)}x`);
    console.log(`(sink ${sink})`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
