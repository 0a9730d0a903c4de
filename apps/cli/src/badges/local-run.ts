/**
 * The single-machine run: worker threads compute the chunks, this thread writes each one as it
 * comes (one transaction a chunk, which records it done), so an interrupted run keeps every chunk
 * finished before the interruption and the next run skips them.
 */
import type { BadgeRows } from '@micropurse/core';
import type { Store } from '@micropurse/store';
import type { BadgePlan } from './plan.js';
import type { ThreadPool } from './pool.js';
import type { RateBar } from './rate-bar.js';
import { writeChunk } from './write-chunk.js';

export interface LocalResult {
  readonly computed: number;
  readonly interrupted: boolean;
}

/** Runs the plan on the pool (given the plan's subjects); the caller, which started it, closes it. */
export async function runLocal(store: Store, plan: BadgePlan, pool: ThreadPool, bar: RateBar | null, signal: AbortSignal): Promise<LocalResult> {
  let computed = 0;
  // SQLite has one writer, so its chunks are written one at a time; PostgreSQL takes each lane's
  // chunk on a connection of its own. Either way the threads compute the next chunks meanwhile.
  const serial = store.kind === 'sqlite';
  let writing: Promise<void> = Promise.resolve();
  const write = (rows: BadgeRows) => {
    const w = (serial ? writing : Promise.resolve()).then(async () => {
      if (signal.aborted) return;
      await writeChunk(store, rows, plan.epoch);
      computed += rows.computed;
      bar?.update(computed);
    });
    const settled = w.catch(() => undefined);
    writing = serial ? settled : Promise.all([writing, settled]).then(() => undefined);
    return w;
  };
  const lane = async () => {
    while (!signal.aborted) {
      const next = await plan.chunks.next();
      if (next.done) return;
      bar?.setTotal(plan.expected);
      await write(await pool.compute(next.value));
    }
  };
  try {
    // One lane more than threads: a chunk is computed while another is being written.
    await Promise.all(Array.from({ length: pool.size + 1 }, lane));
  } finally {
    await writing;
  }
  return { computed, interrupted: signal.aborted };
}
