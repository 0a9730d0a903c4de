/**
 * The shell: a skip link, the header with the pages, and the page for the current path. On a
 * page change the new page's heading takes the focus, so a screen reader announces where it is.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { pieceCount, useKit, withKit } from './kit/kit-state';
import { match, useRoute } from './router';
import { BagPage } from './pages/bag-page';
import { BagsPage } from './pages/bags-page';
import { DesignPage } from './pages/design-page';
import { FitPage } from './pages/fit-page';
import { KitPage } from './pages/kit-page';
import { StackPage } from './pages/stack-page';
import { StylePage } from './pages/style-page';
import { TrendsPage } from './pages/trends-page';

interface PageDef {
  readonly pattern: string;
  readonly page: ComponentType<{ params: Record<string, string> }>;
  readonly nav?: string;
}

/** Every page path; apps/server/src/routes/web.ts answers the same paths with the app. */
const PAGES: readonly PageDef[] = [
  { pattern: '/', page: KitPage, nav: 'My kit' },
  { pattern: '/kit', page: KitPage },
  { pattern: '/fit', page: FitPage, nav: 'Will it fit?' },
  { pattern: '/bags', page: BagsPage, nav: 'Find my bag' },
  { pattern: '/bags/:id', page: BagPage },
  { pattern: '/stack', page: StackPage, nav: 'Stack' },
  { pattern: '/design', page: DesignPage, nav: 'Design' },
  { pattern: '/style', page: StylePage, nav: 'Style' },
  { pattern: '/trends', page: TrendsPage, nav: 'Trends' },
];

function NotFound() {
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no page here. <a href="/">Start with your kit</a>.
      </p>
    </>
  );
}

export function App() {
  const route = useRoute();
  const kit = useKit();
  const main = useRef<HTMLElement>(null);
  let found: { def: PageDef; params: Record<string, string> } | undefined;
  for (const def of PAGES) {
    const params = match(def.pattern, route.path);
    if (params) {
      found = { def, params };
      break;
    }
  }
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.path]);

  const Page = found?.def.page ?? NotFound;
  const active = (p: string) => (p === '/' ? route.path === '/' || route.path === '/kit' : route.path === p || route.path.startsWith(`${p}/`));
  const pieces = pieceCount(kit);
  return (
    <>
      <a class="skip" href="#main">
        Skip to the content
      </a>
      <header class="top">
        <a class="brand" href={withKit('/', kit)}>
          micropurse
        </a>
        <span class="kit-chip" aria-live="polite">
          {pieces === 0 ? 'kit empty' : `${pieces} piece${pieces === 1 ? '' : 's'} in my kit`}
        </span>
        <nav aria-label="Pages">
          <ul>
            {PAGES.filter((p) => p.nav).map((p) => (
              <li key={p.pattern}>
                <a href={withKit(p.pattern, kit)} aria-current={active(p.pattern) ? 'page' : undefined}>
                  {p.nav}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main}>
        <Page params={found?.params ?? {}} />
      </main>
      <footer class="foot">
        <p>
          Exact 3D packing: "fits" comes with a verified layout, "does not fit" only with a proof. <a href="/docs">API docs</a>
        </p>
      </footer>
    </>
  );
}
