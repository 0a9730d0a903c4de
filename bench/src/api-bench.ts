/**
 * npm run bench:api: the HTTP API under load, autocannon against the real server (the same entry
 * as `npm start`, its own process, on loopback), on a new SQLite store seeded from the built-in
 * data. Two cores are shared by the server and the load generator.
 *
 * - POST /v1/fit with typical kits (3-6 everyday items, by name, against catalog bags by id, and
 *   the batch contract's box instances), at a fixed 1,000 requests/s (BENCH_API_RATE), then flat
 *   out. Target: 0 errors, p99 under 25 ms at 1,000 requests/s.
 * - GET /v1/bags with a fits-my-kit filter (the same kits, price order, a page of 20), flat out.
 *
 * Fixed request sets (the server's answer to each is checked once before the load), a warm-up
 * run first, latencies corrected for coordinated omission at a fixed rate, the commit printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { gitCommit } from './bench-env.js';

const RATE = Number(process.env['BENCH_API_RATE'] ?? 1000);
const SECONDS = Number(process.env['BENCH_API_SECONDS'] ?? 15);
const serverBin = fileURLToPath(new URL('../../apps/server/bin/micropurse-server.js', import.meta.url));

/** Kits people carry, by name as they would type them. */
const KITS: readonly string[][] = [
  ['iPhone 15', 'credit card', 'lipstick'],
  ['iPhone 15', 'AirPods Pro 2', 'lipstick', 'credit card x2'],
  ['AirPods Pro 2', 'slim card holder', 'lip balm', 'house key'],
  ['iPhone 13 mini', 'credit card x2', 'mini lipstick', 'car key'],
  ['Pixel 9', 'AirPods 4', 'compact mirror', 'credit card'],
  ['lipstick', 'credit card x2', 'house key', 'AirTag'],
  ['iPhone SE', 'mini perfume', 'lip gloss', 'credit card', 'hair tie'],
  ['Galaxy Z Flip6', 'Magnetic phone card wallet', 'lipstick', 'mints tin'],
];
/** Catalog bags of every shape, by id. */
const BAGS = ['b01', 'b03', 'b05', 'b10', 'b11', 'b12', 'c05', 'f14'];
/** Box interiors in the batch contract's shape, with essentials' dims (mm). */
const BOXES = [
  { bag: { w: 100, h: 70, d: 30 }, items: [{ name: 'airpods-pro-2-case', w: 60.6, h: 45.2, d: 21.7 }, { name: 'credit-card', w: 85.6, h: 53.98, d: 0.76 }, { name: 'lipstick', w: 20, h: 75, d: 20 }] },
  { bag: { w: 160, h: 90, d: 25 }, items: [{ name: 'iphone-15', w: 71.6, h: 147.6, d: 7.8 }, { name: 'card', w: 85.6, h: 53.98, d: 0.76 }, { name: 'key', w: 40, h: 75, d: 14 }] },
];

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [serverBin], {
    env: { ...process.env, PORT: '0', MICROPURSE_DATA_DIR: dataDir, MICROPURSE_RATE_LIMIT_MAX: String(1e9), LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+) /.exec(out);
      if (m) resolve(m[1]!);
      // Logs keep flowing; keep only a tail to find the URL in.
      if (out.length > 1 << 16) out = out.slice(-4096);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, url };
}

interface Req {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const json = { 'content-type': 'application/json' };
const fitRequests: Req[] = [
  ...KITS.flatMap((items) => BAGS.map((bag) => ({ method: 'POST', path: '/v1/fit', headers: json, body: JSON.stringify({ bag, items }) }))),
  ...BOXES.map((b) => ({ method: 'POST', path: '/v1/fit', headers: json, body: JSON.stringify(b) })),
];
const bagsRequests: Req[] = KITS.map((items) => ({ method: 'GET', path: `/v1/bags?${new URLSearchParams({ kit: items.join(','), sort: 'price', limit: '20' })}` }));

/** Each request answered 200 once, and the verdicts of the fit set, before any load. */
async function check(url: string): Promise<string> {
  const verdicts = new Map<string, number>();
  for (const r of [...fitRequests, ...bagsRequests]) {
    const res = await fetch(`${url}${r.path}`, { method: r.method, ...(r.headers ? { headers: r.headers } : {}), ...(r.body ? { body: r.body } : {}) });
    if (res.status !== 200) throw new Error(`${r.method} ${r.path} ${r.body ?? ''}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { verdict?: string; total?: number };
    const key = body.verdict ?? `bags total ${body.total! > 0 ? '> 0' : '0'}`;
    verdicts.set(key, (verdicts.get(key) ?? 0) + 1);
  }
  return [...verdicts].map(([k, n]) => `${k} ${n}`).join(', ');
}

function line(name: string, r: Result): string {
  const errors = r.errors + r.timeouts + r.non2xx;
  return `${name}: ${Math.round(r.requests.average)} req/s (${r.requests.total} requests), latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, errors ${errors}`;
}

async function load(url: string, requests: Req[], seconds: number, rate?: number): Promise<Result> {
  return autocannon({ url, connections: 20, duration: seconds, timeout: 10, requests, ...(rate ? { overallRate: rate } : {}) });
}

async function main(): Promise<void> {
  console.log(`commit: ${gitCommit()}\nnode: ${process.version}\ndate: ${new Date().toISOString()}\ncores: ${availableParallelism()} (shared by server and load generator)`);
  const dir = mkdtempSync(join(tmpdir(), 'micropurse-api-bench-'));
  const server = await startServer(dir);
  try {
    console.log(`server: ${server.url}, SQLite store seeded from the built-in data, logs at ${process.env['LOG_LEVEL'] ?? 'info'}`);
    console.log(`requests: ${fitRequests.length} fit bodies (${KITS.length} kits x ${BAGS.length} bags, ${BOXES.length} box instances): ${await check(server.url)}`);
    await load(server.url, [...fitRequests, ...bagsRequests], 3, RATE / 2); // warm-up
    const results: [string, Result][] = [];
    results.push([`POST /v1/fit at ${RATE} req/s`, await load(server.url, fitRequests, SECONDS, RATE)]);
    results.push(['POST /v1/fit flat out', await load(server.url, fitRequests, SECONDS)]);
    results.push(['GET /v1/bags?kit= flat out', await load(server.url, bagsRequests, SECONDS)]);
    for (const [name, r] of results) console.log(line(name, r));
    const [, atRate] = results[0]!;
    const ok = atRate.errors + atRate.timeouts + atRate.non2xx === 0 && atRate.latency.p99 < 25;
    console.log(`target (0 errors, p99 < 25 ms for /v1/fit at ${RATE} req/s): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.on('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
