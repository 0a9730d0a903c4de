/**
 * Shared by the badge tests: a generated catalog (the built-in bags in many sizes), the services
 * (PostgreSQL, Redis, a private redis-server), and spawning the built command in the background.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalogBags, payloadSegments, segmentVerdict, type CatalogBag, type Interior } from '@micropurse/core';
import { openStore, type Store, type StoreConfig } from '@micropurse/store';
import { repoRoot } from './run-cli.js';

const bin = fileURLToPath(new URL('../bin/micropurse.js', import.meta.url));

/** `count` bags: the built-in ones scaled by factors from 0.6 to 1.6, so every verdict occurs. */
export function generatedBags(count: number): CatalogBag[] {
  const base = builtinCatalogBags('2026-01-01');
  return Array.from({ length: count }, (_, i) => {
    const b = base[i % base.length]!;
    const f = 0.6 + ((i * 7919) % 1000) / 1000;
    const r = (v: number) => Math.round(v * f * 10) / 10;
    const it = b.interior;
    const interior = {
      ...it,
      w: r(it.w),
      h: r(it.h),
      d: r(it.d),
      ...(it.shape === 'trapezoid' ? { w_narrow: r(it.w_narrow) } : {}),
      ...(it.opening ? { opening: { length: r(it.opening.length), gape: r(it.opening.gape) } } : {}),
    } as Interior;
    return { ...b, id: `g${String(i).padStart(5, '0')}`, interior, exterior: { w: r(b.exterior.w), h: r(b.exterior.h), d: r(b.exterior.d) } };
  });
}

export async function seedCatalog(config: StoreConfig, count: number): Promise<void> {
  const store = await openStore(config);
  try {
    await store.bags.upsertMany(generatedBags(count));
  } finally {
    await store.close();
  }
}

export const PG_URL = 'postgres://root@127.0.0.1:5432/test';
export const REDIS_URL = 'redis://127.0.0.1:6379';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A unique name for a test's schema and queue, so parallel test files never share one. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
}

export function startCli(args: readonly string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { output: () => out });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A redis-server of the test's own, persisting every write (appendfsync always) so a restart keeps the queue. */
export function startRedis(port: number, dir: string): ChildProcess {
  return spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
}

export function redisAnswers(port: number): boolean {
  return spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG';
}

/** The stored verdict code of one (bag, subject) badge, read from the bag's row and the subject's slot; null if none. */
export async function storedVerdict(store: Store, bagId: string, subjectId: string): Promise<number | null> {
  const row = await store.badges.forBag(bagId);
  const slot = (await store.badges.subjects()).find((s) => s.subject_id === subjectId);
  const seg = row && slot ? payloadSegments(row.payload)[slot.position] : undefined;
  return seg === undefined ? null : segmentVerdict(seg);
}
