/**
 * A promise's state for a component: the latest call wins (an answer to an older request that
 * arrives late is dropped, so typing fast never shows a stale verdict).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface AsyncState<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
}

export function useAsync<T>(run: (() => Promise<T>) | null, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, error: undefined, loading: run !== null });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (run === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    run().then(
      (data) => mine === seq.current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => mine === seq.current && setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
  }, deps);
  return state;
}
