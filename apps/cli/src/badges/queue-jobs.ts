/** The BullMQ job a chunk becomes, shared by the command that enqueues it and the workers that take it. */
import type { ChunkBag } from '@micropurse/core';

export interface ChunkJobData {
  /** The run that enqueued it (a job id prefix). */
  readonly run: string;
  /**
   * The plan's listKey: names the run's subject list, stored once in Redis under subjectsKey (not
   * in every job: 300 subjects are ~90 kB, four times a chunk's bags); a worker keeps its threads
   * while it stays the same.
   */
  readonly listKey: string;
  /** The epoch the chunk's rows are written at (plan.ts). */
  readonly epoch: number;
  readonly bags: readonly ChunkBag[];
}

export interface ChunkJobResult {
  readonly computed: number;
}

export const JOB_NAME = 'badge-chunk';

/** Where a run's subject list (JSON of ChunkSubject[]) is kept in Redis, beside its queue. */
export function subjectsKey(queue: string, listKey: string): string {
  return `micropurse:${queue}:subjects:${listKey}`;
}

/** Kept as long as a failed job is (JOB_OPTIONS), so that any job still queued finds its list. */
export const SUBJECTS_TTL_S = 7 * 24 * 3600;

/**
 * Retries with exponential backoff (0.5 s, 1 s, 2 s...): a dropped database connection or a
 * Redis blip fails an attempt, not the run. Writes are idempotent, so an attempt that failed
 * after committing, or a chunk a stalled worker finished late, does no harm when done again.
 */
export const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
