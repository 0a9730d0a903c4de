/** The page's side of the fit worker: one worker, started on first use, a promise per job. */
import type { FitResult, Interior, Item } from '@micropurse/core';
import type { FitAnswer, FitJob } from './fit-worker';

let worker: Worker | undefined;
let next = 0;
const pending = new Map<number, { resolve: (r: { result: FitResult; ms: number }) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module', name: 'fit' });
  w.onmessage = (e: MessageEvent<FitAnswer>) => {
    const job = pending.get(e.data.id);
    if (!job) return;
    pending.delete(e.data.id);
    if ('error' in e.data) job.reject(new Error(e.data.error));
    else job.resolve({ result: e.data.result, ms: e.data.ms });
  };
  w.onerror = () => {
    for (const j of pending.values()) j.reject(new Error('The on-device fit engine stopped.'));
    pending.clear();
    worker = undefined;
  };
  return w;
}

/** fit() on the device, within `timeLimitMs` of engine time. */
export function fitLocally(bag: Interior, items: Item[], timeLimitMs = 1000): Promise<{ result: FitResult; ms: number }> {
  worker ??= start();
  const id = ++next;
  const job: FitJob = { id, bag, items, timeLimitMs };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage(job);
  });
}
