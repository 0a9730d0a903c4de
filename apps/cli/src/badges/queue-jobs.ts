/** The BullMQ job a chunk becomes, shared by the command that enqueues it and the workers that take it. */
import type { ChunkBag, ChunkSubject } from '@micropurse/core';

export interface ChunkJobData {
  /** The run that enqueued it (a job id prefix). */
  readonly run: string;
  readonly subjects: readonly ChunkSubject[];
  /** The plan's listKey: a worker keeps its threads while it stays the same. */
  readonly listKey: string;
  /** The epoch the chunk's rows are written at (plan.ts). */
  readonly epoch: number;
  readonly bags: readonly ChunkBag[];
}

export interface ChunkJobResult {
  readonly computed: number;
}

export const JOB_NAME = 'badge-chunk';

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
