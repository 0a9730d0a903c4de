/**
 * The distributed run (REDIS_URL set): the plan's chunks become BullMQ jobs, which any number of
 * `micropurse worker` processes take, on any machine that reaches Redis and the database. This
 * process only enqueues and waits, reading each job's state until every one has completed (a job
 * that has used all its attempts fails the run). Polling, rather than a QueueEvents stream, keeps
 * waiting simple across a Redis restart: the next poll just waits for the reconnection.
 */
import { randomBytes } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import type { BadgePlan } from './plan.js';
import { JOB_NAME, JOB_OPTIONS, SUBJECTS_TTL_S, subjectsKey, type ChunkJobData, type ChunkJobResult } from './queue-jobs.js';
import type { RateBar } from './rate-bar.js';
import { redisConnection } from './env.js';

export interface QueueResult {
  readonly computed: number;
  readonly interrupted: boolean;
}

/** Chunks per addBulk while the plan is read. */
const ENQUEUE_BATCH = 16;

/** Short, since a poll reads only the front of the queue: the run's end is noticed within it. */
const POLL_MS = 50;

export async function runQueued(redisUrl: string, queueName: string, plan: BadgePlan, bar: RateBar | null, signal: AbortSignal, log: (s: string) => void): Promise<QueueResult> {
  const queue = new Queue<ChunkJobData, ChunkJobResult>(queueName, { connection: redisConnection(redisUrl) });
  queue.on('error', () => {}); // reconnects are retried; a poll that cannot finish just waits
  try {
    const run = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    // The subject list once, before any job that needs it.
    await (await queue.backend.client).set(subjectsKey(queueName, plan.listKey), JSON.stringify(plan.subjects), { EX: SUBJECTS_TTL_S });
    // Enqueued as the plan reads the catalog, a few at a time: workers start on the first chunks
    // while later pages are still being read.
    const ids: string[] = [];
    let batch: { name: string; data: ChunkJobData; opts: typeof JOB_OPTIONS & { jobId: string } }[] = [];
    const flush = async () => {
      await queue.addBulk(batch);
      batch = [];
    };
    for await (const bags of plan.chunks) {
      const jobId = `${run}-${ids.length}`;
      ids.push(jobId);
      batch.push({ name: JOB_NAME, data: { run, listKey: plan.listKey, epoch: plan.epoch, bags }, opts: { ...JOB_OPTIONS, jobId } });
      if (batch.length >= ENQUEUE_BATCH) await flush();
      bar?.setTotal(plan.expected);
      if (signal.aborted) break;
    }
    if (batch.length > 0) await flush();
    log(`queued ${ids.length} chunks on "${queueName}" (run ${run}); waiting for micropurse worker processes\n`);
    const finished = new Set<string>();
    let head = 0; // every job before it has finished
    let computed = 0;
    while (head < ids.length && !signal.aborted) {
      // Workers take jobs in queue order, so only the front of the list can have moved: read the
      // states from the first unfinished job up to the first one still waiting (each read is a
      // Redis call; reading all of them every poll cost Redis and this process CPU the workers
      // need). A job sent back to wait (a retry, a stalled worker) holds the scan until it is
      // done, which delays the progress bar, not the result.
      for (let k = head; k < ids.length; k++) {
        const id = ids[k]!;
        if (finished.has(id)) continue;
        // The state alone first: a job's hash holds its chunk (its bags and the subjects, tens of kB).
        const state = await queue.getJobState(id);
        if (state === 'waiting' || state === 'prioritized' || state === 'waiting-children') break;
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') continue;
        const job = await Job.fromId<ChunkJobData, ChunkJobResult>(queue, id);
        if (!job) throw new Error(`job ${id} is gone from the queue "${queueName}" (was Redis flushed?)`);
        if (job.finishedOn && job.returnvalue) {
          finished.add(id);
          computed += job.returnvalue.computed;
          bar?.update(computed);
        } else if (job.finishedOn && job.failedReason) {
          throw new Error(`chunk ${id} failed after ${job.attemptsMade} attempts: ${job.failedReason}`);
        }
      }
      while (head < ids.length && finished.has(ids[head]!)) head++;
      if (head < ids.length) await sleep(POLL_MS, signal);
    }
    if (signal.aborted) {
      // Jobs still queued stay for the workers; what they finish is recorded and skipped next time.
      log(`left ${ids.length - finished.size} chunks queued for the workers\n`);
    }
    return { computed, interrupted: signal.aborted };
  } finally {
    await queue.close();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}
