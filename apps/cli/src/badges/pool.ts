/**
 * A pool of worker threads computing badges (thread.ts), so that the main thread stays free to
 * write to the database, draw progress and, in a BullMQ worker, renew its job locks on time.
 */
import { Worker } from 'node:worker_threads';
import type { BadgeRows, ChunkBag, ChunkSubject } from '@micropurse/core';
import type { ThreadMessage, ThreadRequest } from './thread.js';

type Reply = { id: number; rows: BadgeRows } | { id: number; error: string };

interface Slot {
  readonly worker: Worker;
  busy: { id: number; resolve: (c: BadgeRows) => void; reject: (e: Error) => void } | null;
}

export class ThreadPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { req: ThreadRequest; resolve: (c: BadgeRows) => void; reject: (e: Error) => void }[] = [];
  private next = 0;

  /**
   * Starts the threads, which load the engine at once; the subjects follow (setSubjects) when
   * known, so that a run can start its threads before it has opened the store.
   */
  constructor(size: number) {
    // Resolved from this compiled file: dist/badges/thread.js.
    const entry = new URL('./thread.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(entry), busy: null };
      slot.worker.on('message', (reply: Reply) => this.settle(slot, reply));
      slot.worker.on('error', (e) => this.fail(slot, e));
      slot.worker.on('exit', (code) => this.fail(slot, new Error(`badge thread exited with code ${code}`)));
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** The subjects every chunk from now on is computed for: sent to each thread ahead of any chunk. */
  setSubjects(subjects: readonly ChunkSubject[]): this {
    for (const slot of this.slots) slot.worker.postMessage({ subjects } satisfies ThreadMessage);
    return this;
  }

  compute(bags: readonly ChunkBag[]): Promise<BadgeRows> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ req: { id: this.next++, bags }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    for (const w of this.waiting.splice(0)) w.reject(new Error('the thread pool was closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.waiting.shift();
      if (!job) return;
      slot.busy = { id: job.req.id, resolve: job.resolve, reject: job.reject };
      slot.worker.postMessage(job.req satisfies ThreadMessage);
    }
  }

  private settle(slot: Slot, reply: Reply): void {
    const busy = slot.busy;
    slot.busy = null;
    if (busy && busy.id === reply.id) {
      if ('error' in reply) busy.reject(new Error(`badge thread failed: ${reply.error}`));
      else busy.resolve(reply.rows);
    }
    this.dispatch();
  }

  private fail(slot: Slot, e: Error): void {
    const busy = slot.busy;
    slot.busy = null;
    busy?.reject(e);
  }
}
