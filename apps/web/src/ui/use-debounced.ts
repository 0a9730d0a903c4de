import { useEffect, useState } from 'preact/hooks';

/** The value, once it has stopped changing for `ms`: typing a size sends one request, not five. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
