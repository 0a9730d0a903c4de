/**
 * My kit, kept in the URL (?kit=, so a kit can be shared) and in local storage (so it is there
 * next time); every page reads it from here and hears when it changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { kitParam, parseKitParam, type KitLine } from './kit-text';

export * from './kit-text';

const STORAGE_KEY = 'micropurse.kit';

function initial(): { lines: KitLine[]; errors: string[] } {
  const fromUrl = new URLSearchParams(location.search).get('kit');
  if (fromUrl !== null) return parseKitParam(fromUrl);
  try {
    return parseKitParam(localStorage.getItem(STORAGE_KEY) ?? '');
  } catch {
    return { lines: [], errors: [] };
  }
}

const start = initial();
let kit: readonly KitLine[] = start.lines;
/** Entries of a shared link that could not be read, shown once on the kit page. */
export const loadErrors: readonly string[] = start.errors;
const listeners = new Set<() => void>();

export function getKit(): readonly KitLine[] {
  return kit;
}

/** Replaces the kit, and writes it to the URL of the current page and to local storage. */
export function setKit(next: readonly KitLine[]): void {
  kit = next;
  const text = kitParam(next);
  try {
    localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Private mode or storage full: the URL still holds the kit.
  }
  const url = new URL(location.href);
  if (text === '') url.searchParams.delete('kit');
  else url.searchParams.set('kit', text);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  for (const l of listeners) l();
}

export function useKit(): readonly KitLine[] {
  const [k, setK] = useState(kit);
  useEffect(() => {
    const l = () => setK(kit);
    listeners.add(l);
    l();
    return () => listeners.delete(l);
  }, []);
  return k;
}

/** A page path with the kit in its query, for links that carry the kit along. */
export function withKit(path: string, lines: readonly KitLine[] = kit): string {
  const text = kitParam(lines);
  if (text === '') return path;
  const [p, q = ''] = path.split('?');
  const params = new URLSearchParams(q);
  params.set('kit', text);
  return `${p}?${params.toString()}`;
}

// Back and forward may land on a page whose link carries another kit: that kit is the page's.
window.addEventListener('popstate', () => {
  const text = new URLSearchParams(location.search).get('kit');
  if (text !== null && text !== kitParam(kit)) setKit(parseKitParam(text).lines);
});
