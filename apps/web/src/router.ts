/**
 * History routing with real paths (/fit, /bags/b05), so a page can be linked, shared and
 * reloaded; the server answers each page path with the app (apps/server/src/routes/web.ts keeps
 * the same list). Page state that should survive a reload or a share (the bag, the dims, the
 * filters) lives in the query string, set with setParams (replaceState: no history spam).
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  readonly path: string;
  readonly query: URLSearchParams;
}

const listeners = new Set<() => void>();
const current = (): Route => ({ path: location.pathname, query: new URLSearchParams(location.search) });
const notify = () => {
  for (const l of listeners) l();
};
window.addEventListener('popstate', notify);

export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  if (!opts.replace) window.scrollTo(0, 0);
  notify();
}

/** Sets (or, with null or '', removes) query parameters of the current page. */
export function setParams(params: Record<string, string | null>): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  navigate(`${url.pathname}${url.search}`, { replace: true });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const l = () => setRoute(current());
    listeners.add(l);
    return () => listeners.delete(l);
  }, []);
  return route;
}

/** Same-origin link clicks become navigations (a modified click still opens a tab). */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/v1/') || url.pathname.startsWith('/docs') || url.pathname.startsWith('/widget')) return;
    e.preventDefault();
    navigate(`${url.pathname}${url.search}${url.hash}`);
  });
}

/** Matches "/bags/:id" against a path: the parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (path === '/' && pattern === '/') return {};
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = s[i]!;
    if (a.startsWith(':')) out[a.slice(1)] = decodeURIComponent(b);
    else if (a !== b) return null;
  }
  return out;
}
