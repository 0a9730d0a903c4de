/**
 * The distributed path against the real services: PostgreSQL and Redis (a redis-server of the
 * test's own where it is restarted). Each test has its own schema and queue. On CI (CI=true) a
 * missing service fails the suite; elsewhere it is skipped with a notice.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { payloadSegments, segmentVerdict } from '@micropurse/core';
import { openStore } from '@micropurse/store';
import { startBadgeWorker } from '../src/badges/queue-worker.js';
import { JOB_NAME, subjectsKey } from '../src/badges/queue-jobs.js';
import { exited, freePort, PG_URL, REDIS_URL, redisAnswers, seedCatalog, startCli, startRedis, tempDir, uniqueName, waitFor } from './badges-fixtures.js';

const pgUp = spawnSync('psql', [PG_URL, '-c', 'select 1'], { encoding: 'utf8' }).status === 0;
const redisUp = spawnSync('redis-cli', ['-u', REDIS_URL, 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG';
const onCi = process.env['CI'] === 'true';
if (onCi && !(pgUp && redisUp)) throw new Error(`CI=true needs PostgreSQL (${PG_URL}) and Redis (${REDIS_URL}): up ${pgUp}, ${redisUp}`);

const BAGS = 500;
const SUBJECTS = 61;
const TOTAL = (BAGS + 53) * SUBJECTS;
const children: ChildProcess[] = [];
const schemas: string[] = [];
const queues: { name: string; url: string }[] = [];

async function setup(label: string, redisUrl = REDIS_URL) {
  const schema = uniqueName(`mp_badges_${label}`);
  const queue = uniqueName(`badges-${label}`);
  schemas.push(schema);
  queues.push({ name: queue, url: redisUrl });
  await seedCatalog({ databaseUrl: PG_URL, schema }, BAGS);
  const env = { DATABASE_URL: PG_URL, MICROPURSE_DB_SCHEMA: schema, REDIS_URL: redisUrl, MICROPURSE_QUEUE: queue, MICROPURSE_LOCK_MS: '1500' };
  const worker = () => {
    const w = startCli(['worker'], env);
    children.push(w);
    return w;
  };
  const count = async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      const r = await c.query<{ n: string | null }>(`select sum(n) as n from "${schema}".badges`);
      return Number(r.rows[0]!.n);
    } catch {
      return 0;
    } finally {
      await c.end();
    }
  };
  return { schema, env, worker, count };
}

/** Every stored badge as "bag/subject" -> "verdict:bag hash", decoded from the bag rows by the subject slots. */
async function verdicts(schema: string): Promise<Map<string, string>> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const slots = (await c.query<{ subject_id: string; position: number }>(`select subject_id, position from "${schema}".badge_subjects where hash <> ''`)).rows;
    const r = await c.query<{ bag_id: string; bag_hash: string; payload: string }>(`select bag_id, bag_hash, payload from "${schema}".badges`);
    const out = new Map<string, string>();
    for (const row of r.rows) {
      const segs = payloadSegments(row.payload);
      for (const s of slots) {
        const v = segmentVerdict(segs[s.position] ?? '');
        if (v !== null) out.set(`${row.bag_id}/${s.subject_id}`, `${v}:${row.bag_hash}`);
      }
    }
    return out;
  } finally {
    await c.end();
  }
}

/** The coordinator: enqueues, waits, prints the contract line. */
async function coordinate(env: Record<string, string>) {
  const run = startCli(['badges', '--all', '--chunk-size', '10', '--json'], env);
  children.push(run);
  const status = await exited(run);
  expect(status, run.output()).toBe(0);
  const line = run.output().split('\n').find((l) => l.startsWith('{"bags"'))!;
  return JSON.parse(line) as { bags: number; items: number; computed: number; skipped: number; badges: number };
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (pgUp) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    for (const s of schemas) await c.query(`drop schema if exists "${s}" cascade`);
    await c.end();
  }
  for (const q of queues) {
    if (q.url !== REDIS_URL) continue; // a private redis-server is gone with its folder
    const queue = new Queue(q.name, { connection: { url: q.url } });
    await queue.obliterate({ force: true }).catch(() => undefined);
    // The runs' subject lists, kept beside the queue.
    const client = await queue.backend.client;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, { MATCH: subjectsKey(q.name, '*'), COUNT: 1000 });
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await queue.close();
  }
});

describe.skipIf(!(pgUp && redisUp))('badges over BullMQ workers (PostgreSQL + Redis)', () => {
  it('survives a worker SIGKILLed mid-chunk: every badge present once, verdicts as a single-process run', async () => {
    const { schema, env, worker, count } = await setup('kill');
    const workers = [worker(), worker(), worker()];
    const done = coordinate(env);
    await waitFor('chunks under way', async () => (await count()) > 0, 60_000, 50);
    workers[0]!.kill('SIGKILL');
    const summary = await done;
    expect(summary).toMatchObject({ bags: BAGS + 53, items: SUBJECTS, computed: TOTAL, skipped: 0, badges: TOTAL });
    const distributed = await verdicts(schema);
    expect(distributed.size).toBe(TOTAL);
    expect(await count()).toBe(TOTAL); // the rows' badge counts agree with their payloads
    // The killed worker held a chunk: another took it over after its lock ran out (a stalled job).
    const queue = new Queue(env.MICROPURSE_QUEUE, { connection: { url: REDIS_URL } });
    try {
      const finished = await queue.getJobs(['completed'], 0, -1);
      expect(finished.some((j) => j.stalledCounter >= 1)).toBe(true);
    } finally {
      await queue.close();
    }
    // The same catalog and chunking, one process, no queue.
    const single = await setup('single');
    const local = startCli(['badges', '--all', '--workers', '1', '--chunk-size', '10', '--json'], { ...single.env, REDIS_URL: '' });
    expect(await exited(local), local.output()).toBe(0);
    const reference = await verdicts(single.schema);
    expect(reference.size).toBe(TOTAL);
    let differ = 0;
    for (const [k, v] of reference) if (distributed.get(k) !== v) differ++;
    expect(differ).toBe(0);
    for (const w of workers.slice(1)) w.kill('SIGTERM');
  });

  it('fails a chunk whose subject list is gone from Redis, saying so, and writes nothing', async () => {
    const { schema, env } = await setup('gone');
    const store = await openStore({ databaseUrl: PG_URL, schema });
    const logs: string[] = [];
    const w = startBadgeWorker(store, { redisUrl: REDIS_URL, queue: env.MICROPURSE_QUEUE, concurrency: 1, lockMs: 1_500, log: (s) => logs.push(s) });
    const queue = new Queue(env.MICROPURSE_QUEUE, { connection: { url: REDIS_URL } });
    try {
      await queue.add(JOB_NAME, { run: 'r1', listKey: '9:nothing', epoch: 9, bags: [{ id: 'b05', interior: { shape: 'box', w: 100, h: 80, d: 40 } }] }, { attempts: 1 });
      await waitFor('the failure', async () => logs.some((l) => l.includes('failed')), 20_000, 50);
      expect(logs.join('')).toMatch(/attempt 1 failed: the subject list 9:nothing of run r1 is gone from Redis/);
      expect(await store.badges.count()).toBe(0);
    } finally {
      await queue.close();
      await w.close();
      await store.close();
    }
  });

  it('completes when Redis is restarted mid-run', async () => {
    const port = await freePort();
    const dir = tempDir('mp-redis-');
    let redis = startRedis(port, dir);
    children.push(redis);
    await waitFor('redis', async () => redisAnswers(port), 10_000);
    const { env, worker, count } = await setup('redis', `redis://127.0.0.1:${port}`);
    const workers = [worker(), worker()];
    const done = coordinate(env);
    await waitFor('chunks under way', async () => (await count()) > 0, 60_000, 50);
    redis.kill('SIGKILL');
    await exited(redis);
    await new Promise((r) => setTimeout(r, 1_500));
    redis = startRedis(port, dir);
    children.push(redis);
    const summary = await done;
    expect(summary).toMatchObject({ computed: TOTAL, badges: TOTAL });
    expect(await count()).toBe(TOTAL);
    for (const w of workers) w.kill('SIGTERM');
  });

  it('retries a chunk whose PostgreSQL connection is dropped mid-write, and writes it whole', async () => {
    const { schema, env, worker, count } = await setup('pgdrop');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      // The first insert of bag g00250's badges ends its own connection (pg_terminate_backend);
      // a sequence is not rolled back, so the retry goes through.
      await admin.query(`create sequence "${schema}".cut_once`);
      await admin.query(`create function "${schema}".cut() returns trigger language plpgsql as $$
        begin
          if new.bag_id = 'g00250' and nextval('"${schema}".cut_once') = 1 then perform pg_terminate_backend(pg_backend_pid()); end if;
          return new;
        end $$`);
      await admin.query(`create trigger cut before insert on "${schema}".badges for each row execute function "${schema}".cut()`);
    } finally {
      await admin.end();
    }
    const w = worker();
    const summary = await coordinate(env);
    expect(summary).toMatchObject({ computed: TOTAL, badges: TOTAL });
    expect(await count()).toBe(TOTAL);
    expect(w.output()).toMatch(/attempt 1 failed: .*terminat/i);
    const store = await openStore({ databaseUrl: PG_URL, schema });
    try {
      expect((await store.badges.forBag('g00250'))!.n).toBe(SUBJECTS);
    } finally {
      await store.close();
    }
    w.kill('SIGTERM');
  });
});
