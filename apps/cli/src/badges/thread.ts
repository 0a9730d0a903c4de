/**
 * A worker thread's entry (compiled to dist/badges/thread.js): computes the badges of each chunk
 * it is sent, for the subjects it was sent last (they come first, then chunks). Only pure core
 * code runs here; the database is written by the thread that owns the store.
 */
import { parentPort } from 'node:worker_threads';
// The badges entry alone, not the whole core: a thread starts in about half the time.
import { computeBadges, type ChunkBag, type ChunkSubject } from '@micropurse/core/badges';

export interface ThreadRequest {
  readonly id: number;
  readonly bags: readonly ChunkBag[];
}

export type ThreadMessage = ThreadRequest | { readonly subjects: readonly ChunkSubject[] };

let subjects: readonly ChunkSubject[] = [];

parentPort!.on('message', (msg: ThreadMessage) => {
  if ('subjects' in msg) {
    subjects = msg.subjects;
    return;
  }
  const req = msg;
  try {
    parentPort!.postMessage({ id: req.id, rows: computeBadges(req.bags, subjects) });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
