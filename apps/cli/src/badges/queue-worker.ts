/**
 * A BullMQ worker for badge chunks (`micropurse worker`): computes a chunk in a worker thread (so
 * this thread keeps renewing the job's lock while it runs) and writes it in one transaction,
 * holding one chunk more than it has threads so that a write overlaps the next computation.
 *
 * Failure handling is BullMQ's: a failed attempt is retried with backoff (queue-jobs.ts); a worker
 * that dies mid-chunk stops renewing its lock, and another worker's stalled-job check puts the
 * chunk back on the queue after the lock's duration (MICROPURSE_LOCK_MS); its uncommitted writes
 * died with its connection. maxStalledCount is raised from 1 so that a chunk survives a few such
 * deaths (or a Redis restart that outlives a lock) before it is failed.
 */
import { Worker } from 'bullmq';
import type { Store } from '@micropurse/store';
import { ThreadPool } from './pool.js';
import type { ChunkSubject } from '@micropurse/core';
import { JOB_NAME, subjectsKey, type ChunkJobData, type ChunkJobResult } from './queue-jobs.js';
import { redisConnection } from './env.js';
import { writeChunk } from './write-chunk.js';

export interface BadgeWorkerOptions {
  readonly redisUrl: string;
  readonly queue: string;
  /** Computing threads; the worker holds one chunk more than this. */
  readonly concurrency: number;
  readonly lockMs: number;
  readonly log: (s: string) => void;
}

export function startBadgeWorker(store: Store, opts: BadgeWorkerOptions): { close(): Promise<void>; closed: Promise<void> } {
  // One pool per subject list (read from Redis once, the jobs name it); the last one is kept. With
  // more than one job at once, the first to see a new list starts the pool and the others wait for it.
  let pool: { key: string; pool: Promise<ThreadPool> } | null = null;
  const poolFor = (data: ChunkJobData): Promise<ThreadPool> => {
    if (pool?.key !== data.listKey) {
      const old = pool?.pool;
      pool = {
        key: data.listKey,
        pool: (async () => {
          await (await old?.catch(() => null))?.close();
          const text = await (await worker.backend.client).get(subjectsKey(opts.queue, data.listKey));
          if (text === null) throw new Error(`the subject list ${data.listKey} of run ${data.run} is gone from Redis (expired or flushed): run micropurse badges again`);
          return new ThreadPool(opts.concurrency).setSubjects(JSON.parse(text) as ChunkSubject[]);
        })(),
      };
      // A failed start is retried by the next job, not kept.
      const started = pool;
      started.pool.catch(() => {
        if (pool === started) pool = null;
      });
    }
    return pool.pool;
  };
  const worker = new Worker<ChunkJobData, ChunkJobResult>(
    opts.queue,
    async (job) => {
      if (job.name !== JOB_NAME) throw new Error(`unknown job "${job.name}"`);
      const threads = await poolFor(job.data);
      const rows = await threads.compute(job.data.bags);
      await writeChunk(store, rows, job.data.epoch);
      return { computed: rows.computed };
    },
    {
      connection: redisConnection(opts.redisUrl),
      // One chunk more than threads: it is written while the threads compute the next ones (as
      // the single-machine run does), instead of the threads waiting for each write.
      concurrency: opts.concurrency + 1,
      lockDuration: opts.lockMs,
      stalledInterval: Math.max(250, Math.round(opts.lockMs / 2)),
      maxStalledCount: 5,
    },
  );
  worker.on('error', () => {}); // connection errors: BullMQ reconnects and carries on
  worker.on('failed', (job, err) => opts.log(`chunk ${job?.id ?? '?'} attempt ${job?.attemptsMade ?? '?'} failed: ${err.message}\n`));
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((r) => (resolveClosed = r));
  return {
    closed,
    async close() {
      await worker.close();
      await (await (pool as { pool: Promise<ThreadPool> } | null)?.pool.catch(() => null))?.close();
      resolveClosed();
    },
  };
}
