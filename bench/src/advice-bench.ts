/**
 * Advice benchmark: leaveBehind, stackKit (pairs of bags) and designInterior on fixed kits.
 *
 * Kits of 4-12 distinct built-in essentials are drawn by a seeded PRNG (mulberry32), each with a
 * priority 1-3, and put against interiors derived from the built-in bags (interiorFromExterior:
 * box, structured walls); the same seed gives the same scenarios on every machine. After a
 * warm-up, each call is timed once; per kit-size band (4-6, 7-9, 10-12) we report the median
 * and p99 ms and how many answers were exact (stack: decided, i.e. not 'undecided'). Every
 * layout returned is checked by the verifier; a rejected layout fails the run. The commit is
 * printed with the figures.
 *
 * Environment: BENCH_TIME_LIMIT_MS (each advice call's budget, default 2000), BENCH_KITS (kits
 * per size, default 4), BENCH_SEED (default 1). --json prints the figures as JSON.
 */
import { gitCommit, percentile } from './bench-env.js';
import {
  BAGS,
  designInterior,
  ESSENTIALS,
  interiorFromExterior,
  itemFromEssential,
  leaveBehind,
  stackKit,
  verifyLayout,
  type Interior,
  type Item,
} from '@micropurse/core';

const BANDS = [
  { name: '4-6', min: 4, max: 6 },
  { name: '7-9', min: 7, max: 9 },
  { name: '10-12', min: 10, max: 12 },
] as const;
const WARM_UP_KITS = 3;

interface Scenario {
  readonly size: number;
  readonly items: Item[];
  readonly bag: { readonly name: string; readonly interior: Interior };
  readonly other: { readonly name: string; readonly interior: Interior };
}
interface Run {
  readonly size: number;
  readonly ms: number;
  readonly exact: boolean;
}
type Bench = (s: Scenario) => { exact: boolean };

const problems: string[] = []; // anything that makes the run fail
let sink = 0; // every result feeds this, and it is printed, so no call is dead code

/** mulberry32: a small, well-mixed 32-bit PRNG; deterministic for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scenarios(seed: number, perSize: number): Scenario[] {
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const bag = () => {
    const b = BAGS[pick(BAGS.length)]!;
    return { name: `${b.brand} ${b.model}`, interior: interiorFromExterior(b.exterior) };
  };
  const out: Scenario[] = [];
  for (let size = 4; size <= 12; size++) {
    for (let k = 0; k < perSize; k++) {
      const pool = [...ESSENTIALS];
      const items: Item[] = [];
      for (let i = 0; i < size; i++) {
        const [rec] = pool.splice(pick(pool.length), 1);
        items.push(itemFromEssential(rec!, { priority: 1 + pick(3) }));
      }
      out.push({ size, items, bag: bag(), other: bag() });
    }
  }
  return out;
}

function check(what: string, bag: Interior, items: readonly Item[], counts: readonly number[], placements: Parameters<typeof verifyLayout>[2]): void {
  const kept = items.map((it, i) => ({ ...it, quantity: counts[i]! }));
  const v = verifyLayout(bag, kept, placements);
  if (!v.ok) problems.push(`${what}: layout rejected: ${v.problems[0]}`);
}

const countsOf = (items: readonly Item[], names: readonly string[]) => items.map((it) => names.filter((n) => n === it.name).length);

function benches(timeLimitMs: number): Record<string, Bench> {
  const options = { timeLimitMs };
  return {
    'leave-behind': (s) => {
      const r = leaveBehind({ bag: s.bag.interior, items: s.items, options });
      check(`leave-behind ${s.bag.name}`, s.bag.interior, s.items, countsOf(s.items, r.keep), r.placements);
      sink += r.keep.length;
      return { exact: r.exact };
    },
    stack: (s) => {
      const bags = [s.bag, s.other];
      const r = stackKit({ bags, items: s.items, options });
      r.bags.forEach((share, b) => check(`stack ${share.name}`, bags[b]!.interior, s.items, countsOf(s.items, share.items), share.placements));
      sink += r.bags.length;
      return { exact: r.verdict !== 'undecided' };
    },
    design: (s) => {
      const r = designInterior({ items: s.items, construction: 'soft', options });
      if (r.verdict !== 'fits') {
        problems.push(`design: no box for a kit with nothing fixed (${r.verdict})`);
        return { exact: false };
      }
      const { w, h, d } = r.interior_mm;
      check('design', { shape: 'box', w, h, d }, s.items, s.items.map((it) => it.quantity), r.placements);
      sink += r.volume_mm3;
      return { exact: r.exact };
    },
  };
}

function summarise(runs: readonly Run[]) {
  return BANDS.map((band) => {
    const inBand = runs.filter((r) => r.size >= band.min && r.size <= band.max);
    const times = inBand.map((r) => r.ms).sort((a, b) => a - b);
    const exact = inBand.filter((r) => r.exact).length;
    return { band: band.name, n: inBand.length, medianMs: percentile(times, 0.5), p99Ms: percentile(times, 0.99), exact, notExact: inBand.length - exact };
  });
}

function printTable(header: Record<string, string | number>, results: Record<string, ReturnType<typeof summarise>>): void {
  const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(0));
  console.log(Object.entries(header).map(([k, v]) => `${k}: ${v}`).join('\n'));
  const widths = [14, 7, 4, 11, 10, 7, 9];
  const row = (cells: (string | number)[]) => console.log(cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' ').trimEnd());
  console.log('');
  row(['advice', 'items', 'n', 'median ms', 'p99 ms', 'exact', 'not exact']);
  for (const [name, bands] of Object.entries(results)) {
    for (const b of bands) row([name, b.band, b.n, ms(b.medianMs), ms(b.p99Ms), b.exact, b.notExact]);
  }
}

function main(): void {
  const json = process.argv.includes('--json');
  const timeLimitMs = Number(process.env['BENCH_TIME_LIMIT_MS'] ?? 2000);
  const perSize = Number(process.env['BENCH_KITS'] ?? 4);
  const seed = Number(process.env['BENCH_SEED'] ?? 1);
  if (!(timeLimitMs > 0) || !(perSize >= 1) || !Number.isInteger(seed)) throw new Error('BENCH_TIME_LIMIT_MS, BENCH_KITS, BENCH_SEED: want positive numbers');
  const all = scenarios(seed, perSize);
  const fns = benches(timeLimitMs);

  // Warm-up, unmeasured, on kits the measured runs do not use.
  for (const s of scenarios(seed + 1, 1).slice(0, WARM_UP_KITS)) for (const fn of Object.values(fns)) sink += Number(fn(s).exact);

  const results: Record<string, ReturnType<typeof summarise>> = {};
  for (const [name, fn] of Object.entries(fns)) {
    const runs = all.map((s): Run => {
      const t0 = performance.now();
      const { exact } = fn(s);
      return { size: s.size, ms: performance.now() - t0, exact };
    });
    results[name] = summarise(runs);
  }
  const header = {
    commit: gitCommit(),
    node: process.version,
    date: new Date().toISOString(),
    timeLimitMs,
    kits: `${all.length} (${perSize} per size 4-12, seed ${seed}); stack: pairs of bags; design: soft construction`,
    timing: 'one call per kit, after a warm-up; exact: proved best (stack: decided)',
  };
  if (json) {
    console.log(JSON.stringify({ ...header, results, problems, ok: problems.length === 0, sink }, null, 2));
  } else {
    printTable(header, results);
    console.log(`\nlayout checks: ${problems.length === 0 ? 'all ok' : `${problems.length} PROBLEM(S)`}`);
    for (const p of problems) console.log(`  ${p}`);
    console.log(`(sink ${sink})`);
  }
  if (problems.length > 0) process.exitCode = 1;
}

main();
