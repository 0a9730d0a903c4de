/**
 * npm run bench:badges: "what fits" badges at retailer scale.
 *
 * A generated catalog of BENCH_BAGS (default 20,000) bags (the built-in ones in many sizes, fixed
 * seed) and 300 items (the 55 essentials and 245 generated phones, earbuds cases and wallets),
 * no kits. Measured:
 * 1. single-item checks per second on one core, verdicts only, before any storage;
 * 2. badges written per second into PostgreSQL (the store's batched upsert of one row per bag,
 *    no computing);
 * 3. the whole `micropurse badges --all` on PostgreSQL: one process with one thread, with two
 *    threads, and the BullMQ path with one and with two `micropurse worker` processes; badges/s
 *    and the speed-up from one to two.
 * 4. the computation alone on one and two worker threads (no store), for comparison.
 * Warm-up before each in-process figure; each end-to-end run from empty badge tables, the four
 * runs interleaved and repeated BENCH_REPEATS times (default 3); medians; the commit printed.
 */
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Queue } from 'bullmq';
import pg from 'pg';
import {
  ESSENTIALS,
  FITS,
  bagHash,
  builtinCatalogBags,
  buildFitIndex,
  checkItem,
  computeBadges,
  itemFromEssential,
  itemProbe,
  subjectHash,
  itemSubject,
  type CatalogBag,
  type ChunkBag,
  type EssentialRecord,
  type Interior,
} from '@micropurse/core';
import { openStore } from '@micropurse/store';
import { gitCommit } from './bench-env.js';

const BAGS = Number(process.env['BENCH_BAGS'] ?? 20_000);
const PG_URL = process.env['DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const bin = fileURLToPath(new URL('../../apps/cli/bin/micropurse.js', import.meta.url));

let seed = 20260915;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const r1 = (v: number) => Math.round(v * 10) / 10;

function catalog(n: number): CatalogBag[] {
  const base = builtinCatalogBags('2026-01-01');
  return Array.from({ length: n }, (_, i) => {
    const b = base[i % base.length]!;
    const f = 0.6 + rnd();
    const it = b.interior;
    const interior = {
      ...it,
      w: r1(it.w * f),
      h: r1(it.h * f),
      d: r1(it.d * f),
      ...(it.shape === 'trapezoid' ? { w_narrow: r1(it.w_narrow * f) } : {}),
      ...(it.opening ? { opening: { length: r1(it.opening.length * f), gape: r1(it.opening.gape * f) } } : {}),
    } as Interior;
    return { ...b, id: `bench-${String(i).padStart(6, '0')}`, interior };
  });
}

/** 245 devices: phones, earbuds cases and wallets in the sizes they come in. */
function devices(): EssentialRecord[] {
  const kinds = [
    { category: 'phone', w: [64, 79], h: [131, 165], d: [7, 9.5] },
    { category: 'earbuds', w: [44, 66], h: [44, 62], d: [20, 30] },
    { category: 'wallet', w: [75, 115], h: [60, 100], d: [6, 25] },
  ];
  return Array.from({ length: 245 }, (_, i) => {
    const k = kinds[i % 3]!;
    const at = ([lo, hi]: number[]) => r1(lo! + rnd() * (hi! - lo!));
    return { id: `dev${String(i).padStart(3, '0')}`, name: `${k.category} model ${i}`, category: k.category, dims: { w: at(k.w), h: at(k.h), d: at(k.d) }, solid: 'box', rigid: true, weight_g: 100, source_note: 'generated for the benchmark' };
  });
}

const items = [...ESSENTIALS, ...devices()];
const bags = catalog(BAGS);

function checksPerSecond(): { rate: number; fits: number } {
  const index = buildFitIndex(bags.map((b) => ({ interior: b.interior })));
  const probes = items.map((e) => itemProbe(itemFromEssential(e)));
  let best = 0;
  let fits = 0;
  for (let round = 0; round < 4; round++) {
    const t = performance.now();
    fits = 0;
    for (const p of probes) for (let i = 0; i < index.size; i++) if (checkItem(index, i, p) === FITS) fits++;
    const rate = (probes.length * index.size) / ((performance.now() - t) / 1000);
    if (round > 0) best = Math.max(best, rate); // round 0 warms up
  }
  return { rate: best, fits };
}

async function withSchema<T>(label: string, work: (schema: string) => Promise<T>): Promise<T> {
  const schema = `mp_bench_${label}_${process.pid}`;
  try {
    return await work(schema);
  } finally {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
  }
}

async function seedStore(schema: string): Promise<void> {
  const store = await openStore({ databaseUrl: PG_URL, schema });
  try {
    await store.bags.upsertMany(bags);
    await store.items.upsertMany(items);
  } finally {
    await store.close();
  }
}

async function writesPerSecond(): Promise<number> {
  const subjects = items.map((e) => itemSubject(e)).map((subject, position) => ({ subject, hash: subjectHash(subject), position }));
  const chunk = bags.slice(0, 1_000).map((b) => ({ id: b.id, interior: b.interior, hash: bagHash(b.interior) }));
  const parts = [0, 1, 2, 3, 4].map((k) => computeBadges(chunk.slice(k * 200, k * 200 + 200), subjects));
  return withSchema('writes', async (schema) => {
    const store = await openStore({ databaseUrl: PG_URL, schema });
    try {
      await store.badges.writeChunk(parts[0]!, 1); // warm-up
      const t = performance.now();
      let n = 0;
      for (const p of parts.slice(1)) {
        await store.badges.writeChunk(p, 1);
        n += p.n.reduce((a, b) => a + b, 0);
      }
      return n / ((performance.now() - t) / 1000);
    } finally {
      await store.close();
    }
  });
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; proc: ReturnType<typeof spawn> }> & { proc: ReturnType<typeof spawn> } {
  const proc = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', () => {});
  const done = new Promise<{ code: number | null; out: string; proc: typeof proc }>((resolve) => proc.on('exit', (code) => resolve({ code, out, proc })));
  return Object.assign(done, { proc });
}

/** Empties the badge tables, as on a store that never had badges (the bags stay). */
async function clearBadges(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`truncate "${schema}".badges, "${schema}".badge_subjects`);
  await c.end();
}

/** The bench's queues, removed from Redis at the end (their jobs and the runs' subject lists). */
const queues = new Set<string>();
async function removeQueues(): Promise<void> {
  for (const name of queues) {
    const queue = new Queue(name, { connection: { url: REDIS_URL } });
    try {
      await queue.obliterate({ force: true });
      const client = await queue.backend.client;
      let cursor = '0';
      do {
        // The CLI keeps a run's subject list at micropurse:<queue>:subjects:<list> (queue-jobs.ts).
        const [next, keys] = await client.scan(cursor, { MATCH: `micropurse:${name}:subjects:*`, COUNT: 1000 });
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      await queue.close();
    }
  }
}

/** One end-to-end run from empty badge tables: badges/s from the command's own summary. */
async function endToEnd(schema: string, label: string, threads: number, workerProcs: number): Promise<number> {
  await clearBadges(schema);
  const queue = `bench-${label}-${process.pid}`;
  if (workerProcs > 0) queues.add(queue);
  const env: Record<string, string> = { DATABASE_URL: PG_URL, MICROPURSE_DB_SCHEMA: schema, MICROPURSE_QUEUE: queue, REDIS_URL: workerProcs > 0 ? REDIS_URL : '' };
  const workers = Array.from({ length: workerProcs }, () => cli(['worker'], env));
  const r = await cli(['badges', '--all', '--no-kits', '--workers', String(threads), '--json'], env);
  for (const w of workers) w.proc.kill('SIGTERM');
  await Promise.all(workers);
  if (r.code !== 0) throw new Error(`badges run ${label} failed: ${r.out}`);
  const summary = JSON.parse(r.out) as { computed: number; per_s: number };
  if (summary.computed !== BAGS * items.length + 53 * items.length) throw new Error(`run ${label} computed ${summary.computed}`);
  return summary.per_s;
}

/**
 * The computation alone on 1 and on 2 worker threads of this process (the same chunks, no store,
 * no planning): how far the engine itself scales on this machine, against which the end-to-end
 * figures can be read.
 */
async function computeScaling(): Promise<{ one: number; two: number }> {
  const subjects = items.map((e) => itemSubject(e)).map((subject, position) => ({ subject, hash: subjectHash(subject), position }));
  const chunks: ChunkBag[][] = [];
  const all = bags.map((b) => ({ id: b.id, interior: b.interior, hash: bagHash(b.interior) }));
  for (let i = 0; i < all.length; i += 166) chunks.push(all.slice(i, i + 166));
  const run = async (threads: number): Promise<number> => {
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.core).then(({ computeBadges }) => {
        parentPort.on('message', (bags) => parentPort.postMessage(computeBadges(bags, workerData.subjects).computed));
        parentPort.postMessage(0);
      });`;
    const core = new URL('../../packages/core/dist/badges/index.js', import.meta.url).href;
    const pool = Array.from({ length: threads }, () => new Worker(code, { eval: true, workerData: { core, subjects } }));
    await Promise.all(pool.map((w) => new Promise((r) => w.once('message', r))));
    let next = 0;
    let done = 0;
    const t = performance.now();
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve) => {
            const send = () => (next < chunks.length ? w.postMessage(chunks[next++]) : resolve());
            w.on('message', (n: number) => {
              done += n;
              send();
            });
            send();
          }),
      ),
    );
    const rate = done / ((performance.now() - t) / 1000);
    await Promise.all(pool.map((w) => w.terminate()));
    return rate;
  };
  await run(1); // warm the file cache
  return { one: await run(1), two: await run(2) };
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (v: number) => Math.round(v).toLocaleString('en-US');
const x = (v: number) => `${v.toFixed(2)}x`;
console.log(`bench:badges  commit ${gitCommit()}  ${availableParallelism()} cores (shared machine: figures are noisy)  ${BAGS} bags x ${items.length} items`);
const checks = checksPerSecond();
console.log(`single-item checks, one core, verdicts only: ${fmt(checks.rate)}/s  (${fmt(checks.fits)} of ${fmt(BAGS * items.length)} pairs fit)`);
console.log(`badges written into PostgreSQL (batched upserts, a row per bag): ${fmt(await writesPerSecond())}/s`);
const cs = await computeScaling();
console.log(`computing alone (no store, no plan), worker threads: 1 ${fmt(cs.one)}/s, 2 ${fmt(cs.two)}/s, speed-up ${x(cs.two / cs.one)}`);
// The end-to-end runs, interleaved and repeated: this machine's speed drifts by tens of percent
// over seconds, so each figure is the median of REPEATS runs and each speed-up the median of the
// ratios of runs made back to back.
const REPEATS = Math.max(1, Number(process.env['BENCH_REPEATS'] ?? 3));
const runs = { t1: [] as number[], t2: [] as number[], q1: [] as number[], q2: [] as number[] };
await withSchema('e2e', async (schema) => {
  await seedStore(schema);
  for (let k = 0; k < REPEATS; k++) {
    runs.t1.push(await endToEnd(schema, 't1', 1, 0));
    runs.t2.push(await endToEnd(schema, 't2', 2, 0));
    runs.q1.push(await endToEnd(schema, 'q1', 1, 1));
    runs.q2.push(await endToEnd(schema, 'q2', 1, 2));
  }
  await removeQueues();
});
const ratios = (a: number[], b: number[]) => a.map((v, k) => b[k]! / v);
const report = (what: string, one: string, two: string, a: number[], b: number[]) => {
  const r = ratios(a, b);
  console.log(`${what}: ${one} ${fmt(median(a))}/s, ${two} ${fmt(median(b))}/s, speed-up ${x(median(r))}  (median of ${REPEATS}; each: ${r.map(x).join(' ')})`);
};
report('micropurse badges --all, one process', '1 thread', '2 threads', runs.t1, runs.t2);
report('BullMQ path', '1 worker process', '2 worker processes', runs.q1, runs.q2);
