/**
 * npm run bench:catalog: the catalog at retailer scale.
 *
 * A generated catalog of BENCH_BAGS (default 100,000) bags, imported into a new SQLite store in
 * one transaction (import throughput, rows/s); then "which bags hold my kit?" for typical kits of
 * 3-6 essentials: the store's index prefilter plus the exact engine with layout reuse (median and
 * p99 over the kits), against the naive way (the engine on every bag) on a few of the same kits,
 * in the same run. Fixed seed, warm-up query first, results used so nothing is optimised away.
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

function generateDrafts(n: number): { line: number; draft: BagDraft }[] {
  const out: { line: number; draft: BagDraft }[] = [];
  for (let i = 0; i < n; i++) {
    const tier = pick(['luxury', 'contemporary', 'fast-fashion'] as const);
    const w = round1(50 + rnd() * 210);
    const h = round1(40 + rnd() * 150);
    const d = round1(12 + rnd() * 80);
    const price = tier === 'luxury' ? 500 + Math.round(rnd() * 6000) : tier === 'contemporary' ? 100 + Math.round(rnd() * 400) : 15 + Math.round(rnd() * 80);
    const modes = MODES.filter(() => rnd() < 0.35);
    out.push({
      line: i + 2,
      draft: {
        brand: pick(BRANDS),
        model: `Model ${i}`,
        tier,
        price,
        currency: 'USD',
        exterior: { w, h, d },
        shape: pick(SHAPES),
        closure: pick(['zip', 'flap', 'clasp', 'drawstring', 'open', 'kiss-lock'] as const),
        strap: pick(['detachable', 'fixed', 'none', 'chain'] as const),
        wear_modes: modes.length > 0 ? modes : ['hand'],
        material: pick(['calfskin leather', 'lambskin', 'nylon', 'satin', 'raffia', 'metal']),
        color_name: pick(COLOURS),
        texture: pick(TEXTURES),
        pattern: '',
        source: 'bench-feed',
        source_note: 'generated',
        sku: `SKU-${i}`,
        gtin: null,
        mpn: null,
        item_group_id: null,
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

async function main(): Promise<void> {
  const commit = gitCommit();
  console.log(`commit: ${commit}\nnode: ${process.version}\ndate: ${new Date().toISOString()}\nbags: ${N}, kits: ${KITS} (3-6 essentials), naive kits: ${NAIVE_KITS}`);
  const dir = mkdtempSync(join(tmpdir(), 'micropurse-bench-'));
  const store = await openStore({ dataDir: dir });
  try {
    const drafts = generateDrafts(N);
    const t0 = performance.now();
    const report = await importDrafts(store, drafts, [], { source: 'bench-feed' });
    const importMs = performance.now() - t0;
    console.log(`import: ${report.accepted} bags in ${(importMs / 1000).toFixed(2)} s = ${Math.round((report.accepted / importMs) * 1000)} rows/s (one transaction)`);

    const query = async (kit: Item[]) => {
      const r = await findBagsThatFit(store, { filters: {}, items: kit, sort: 'price', limit: 20, offset: 0, perBagMs: 50 });
      return { total: r.total, candidates: r.stats.borderline, engine: r.stats.engine_calls, sure: r.stats.sure };
    };
    const all = kits(KITS + 1);
    await query(all[0]!); // warm-up
    const times: number[] = [];
    let sink = 0;
    let candidates = 0;
    let engine = 0;
    let sureCount = 0;
    for (const kit of all.slice(1)) {
      const t = performance.now();
      const r = await query(kit);
      times.push(performance.now() - t);
      sink += r.total;
      candidates += r.candidates;
      engine += r.engine;
      sureCount += r.sure;
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    console.log(`fits query (prefilter + engine with reuse): median ${median.toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms; per kit on average ${Math.round(sureCount / KITS)} sure fits counted by the database, ${Math.round(candidates / KITS)} borderline bags read, ${Math.round(engine / KITS)} engine calls`);

    const everything = (await store.bags.search({ sort: 'price' })).bags;
    const naive: number[] = [];
    const fast: number[] = [];
    for (const kit of all.slice(1, 1 + NAIVE_KITS)) {
      let t = performance.now();
      let fits = 0;
      for (const bag of everything) if (fit({ bag: bag.interior, items: kit, options: { timeLimitMs: 50 } }).verdict === 'fits') fits++;
      naive.push(performance.now() - t);
      t = performance.now();
      const r = await query(kit);
      fast.push(performance.now() - t);
      if (r.total !== fits) console.log(`  note: naive found ${fits}, indexed found ${r.total} (differences can only be bags undecided within the time limit)`);
      sink += fits;
    }
    const naiveMean = naive.reduce((a, b) => a + b, 0) / naive.length;
    const fastMean = fast.reduce((a, b) => a + b, 0) / fast.length;
    console.log(`naive (engine on every bag): mean ${naiveMean.toFixed(0)} ms over ${naive.length} kits; indexed on the same kits: ${fastMean.toFixed(1)} ms; ratio ${(naiveMean / fastMean).toFixed(0)}x`);
    console.log(`(sink ${sink})`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
