/**
 * The core's fit() off the main thread: the same engine the server runs, answering on the
 * device as dims are typed, so a custom bag's verdict needs no round trip and a long search
 * never freezes the page.
 */
import { fit, type FitResult, type Interior, type Item } from '@micropurse/core';

export interface FitJob {
  readonly id: number;
  readonly bag: Interior;
  readonly items: Item[];
  readonly timeLimitMs: number;
}
export type FitAnswer = { readonly id: number; readonly result: FitResult; readonly ms: number } | { readonly id: number; readonly error: string };

// The worker's global scope, typed by hand: the app's lib is the DOM's, not the worker's.
const scope = self as unknown as { onmessage: ((e: MessageEvent<FitJob>) => void) | null; postMessage(m: FitAnswer): void };

scope.onmessage = (e) => {
  const { id, bag, items, timeLimitMs } = e.data;
  try {
    const t0 = performance.now();
    const result = fit({ bag, items, options: { timeLimitMs } });
    scope.postMessage({ id, result, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
