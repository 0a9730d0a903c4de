/**
 * The server as people run it, over real sockets: the start contract (`PORT=N
 * MICROPURSE_DATA_DIR=DIR npm start`), API keys made with the real CLI opening the import
 * endpoint, and a graceful stop on SIGTERM and SIGINT.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLayout, type FitReport } from '@micropurse/core';
import { SQLITE_FILE_NAME } from '@micropurse/store';
import { HARD_INSTANCE, cliBin, repoRoot, serverBin, tempDir } from './helpers.js';

const fixtures = join(repoRoot, 'packages/store/test/fixtures/feeds');
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Spawns the server (its own process group, so that npm and node are stopped together) and waits for its URL line. */
async function launch(command: string, args: string[], env: Record<string, string>): Promise<Running> {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const m = /micropurse API listening on (http:\/\/\S+) /.exec(out);
    if (m) return { child, url: m[1]!, output: () => out, exited };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not start:\n${out}`);
}

function cli(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [cliBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, MICROPURSE_DATA_DIR: dataDir } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('PORT=N MICROPURSE_DATA_DIR=DIR npm start', () => {
  it('serves 127.0.0.1:N on a new store in DIR, seeded, and answers the contract\'s endpoints', async () => {
    const port = await freePort();
    const { dir, remove } = tempDir('mp-start-');
    cleanups.push(remove);
    const dataDir = join(dir, 'new-store');
    const s = await launch('npm', ['start', '--silent'], { PORT: String(port), MICROPURSE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(s.url).toBe(`http://127.0.0.1:${port}`);
    expect(s.output()).toContain('new and seeded from the built-in data');
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);

    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${s.url}/readyz`)).json()).toEqual({ status: 'ready', store: 'sqlite', bags: 53 });
    expect(((await (await fetch(`${s.url}/openapi.json`)).json()) as { openapi: string }).openapi).toBe('3.1.0');

    const instance = { bag: { w: 100, h: 70, d: 30 }, items: [{ name: 'airpods-pro-2-case', w: 60.6, h: 45.2, d: 21.7 }, { name: 'credit-card', w: 85.6, h: 53.98, d: 0.76 }] };
    const fitRes = await postJson(`${s.url}/v1/fit`, instance);
    expect(fitRes.status).toBe(200);
    const report = (await fitRes.json()) as FitReport;
    expect(report.verdict).toBe('fits');
    const items = instance.items.map((i) => ({ name: i.name, dims: { w: i.w, h: i.h, d: i.d }, quantity: 1, rotation: 'all' as const, shape: 'box' as const }));
    expect(verifyLayout({ shape: 'box', ...instance.bag }, items, report.placements)).toEqual({ ok: true });
    const byId = (await (await postJson(`${s.url}/v1/fit`, { bag: 'b05', items: ['e03', 'e24'] })).json()) as FitReport;
    expect(byId).toMatchObject({ verdict: 'fits', bag: { id: 'b05' } });

    const bags = (await (await fetch(`${s.url}/v1/bags?kit=e03,e20,e24&sort=volume`)).json()) as { total: number; results: { verdict: string }[] };
    expect(bags.total).toBeGreaterThan(5);
    expect(bags.results.every((r) => r.verdict === 'fits')).toBe(true);

    // As Ctrl-C does: the signal to the whole group (npm does not pass SIGTERM through its shell to node).
    process.kill(-s.child.pid!, 'SIGTERM');
    await s.exited;
    // npm may exit before the server has finished stopping: the server must be gone within seconds.
    const deadline = Date.now() + 10_000;
    let answered = true;
    while (answered && Date.now() < deadline) {
      answered = await fetch(`${s.url}/healthz`, { headers: { connection: 'close' } }).then(
        () => true,
        () => false,
      );
      if (answered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(answered).toBe(false);
  });

  it('stops with exit status 1 and says why when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const { dir, remove } = tempDir('mp-taken-');
    cleanups.push(remove);
    try {
      const port = (taken.address() as { port: number }).port;
      const child = spawn(process.execPath, [serverBin], { cwd: repoRoot, env: { ...process.env, PORT: String(port), MICROPURSE_DATA_DIR: dir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(err).toContain(`cannot listen on 127.0.0.1:${port}: listen EADDRINUSE`);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
  });

  it('stops with a configuration error naming the variable', () => {
    const r = spawnSync(process.execPath, [serverBin], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PORT: 'eighty' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT: "eighty" must be a whole number');
  });
});

describe('API keys from the CLI, on the real server', () => {
  it('opens POST /v1/imports with a key made by `micropurse keys create`, answered like `micropurse import --json`, until revoked', async () => {
    const { dir, remove } = tempDir('mp-keys-');
    cleanups.push(remove);
    const s = await launch(process.execPath, [serverBin], { PORT: String(await freePort()), MICROPURSE_DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const created = cli(['keys', 'create', '--name', 'shop feed', '--json'], dir) as { key: string; id: string };
    const feed = readFileSync(join(fixtures, 'gmc-bags.tsv'));
    const upload = (key: string) =>
      fetch(`${s.url}/v1/imports?seen=2026-11-01&source=gmc-bags.tsv`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/tab-separated-values' }, body: feed });

    const first = await upload(created.key);
    expect(first.status).toBe(200);
    const report = (await first.json()) as Record<string, unknown> & { accepted: number; rejects: unknown[] };
    // The CLI on a store of its own, the same feed and date: the same report, less the rejects file it writes.
    const { dir: cliDir, remove: cliRemove } = tempDir('mp-keys-cli-');
    cleanups.push(cliRemove);
    const printed = cli(['import', join(fixtures, 'gmc-bags.tsv'), '--seen', '2026-11-01', '--json'], cliDir);
    expect({ ...report, rejects_file: null }).toEqual({ ...printed, rejects_file: null });
    expect(report.accepted).toBeGreaterThan(0);

    const again = (await (await upload(created.key)).json()) as { accepted: number; updated: number; unchanged: number };
    expect(again).toMatchObject({ accepted: 0, updated: 0, unchanged: report.accepted });

    const listed = cli(['keys', 'list', '--json'], dir) as { keys: { id: string; last_used_at: string | null }[] };
    expect(listed.keys.find((k) => k.id === created.id)?.last_used_at).not.toBeNull();
    cli(['keys', 'revoke', created.id, '--json'], dir);
    expect((await upload(created.key)).status).toBe(401);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});

describe('graceful stop', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: the request in flight gets its whole answer, then no new connection is accepted, the store is closed and the process exits 0`, async () => {
      const { dir, remove } = tempDir('mp-stop-');
      cleanups.push(remove);
      const s = await launch(process.execPath, [serverBin], { PORT: String(await freePort()), MICROPURSE_DATA_DIR: dir, MICROPURSE_REQUEST_BUDGET_MS: '1200' });
      // About a second of engine work (half the budget for the verdict, half for the advice).
      const slow = postJson(`${s.url}/v1/fit`, { ...HARD_INSTANCE, time_limit_ms: 1200 }).then((r) => ({ r, at: performance.now() }));
      await new Promise((r) => setTimeout(r, 300));
      const signalledAt = performance.now();
      s.child.kill(signal);
      const { r: res, at } = await slow;
      expect(at).toBeGreaterThan(signalledAt);
      expect(res.status).toBe(200);
      expect(['fits', 'does-not-fit', 'undecided']).toContain(((await res.json()) as FitReport).verdict);
      expect(await s.exited).toBe(0);
      await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
      // SQLite removes its write-ahead log when the last connection closes: the store was closed.
      expect(existsSync(join(dir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);
      const log = s.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; signal?: string; reqId?: string });
      expect(log.find((l) => l.msg.startsWith('stopping'))?.signal).toBe(signal);
      expect(log.some((l) => l.msg === 'stopped')).toBe(true);
      // Structured request logs, each with its request id.
      expect(log.filter((l) => l.msg === 'request completed').every((l) => typeof l.reqId === 'string' && l.reqId.length > 0)).toBe(true);
      expect(log.some((l) => l.msg === 'request completed')).toBe(true);
    });
  }
});
