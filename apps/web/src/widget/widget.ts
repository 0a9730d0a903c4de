/**
 * The "what fits" widget (/widget/{bagId}), framed on a retailer's product page: the bag's name,
 * how many everyday items fit, the common kits with their verdicts, and the items that fit. No
 * framework (it must load fast inside someone else's page); it reports its height to the
 * embedding page so the script-tag embed (embed.ts) can size the frame.
 */
import type { BagDetail } from '../api';
import './widget.css';

const root = document.getElementById('widget')!;
const bagId = decodeURIComponent(location.pathname.split('/').filter((s) => s !== '')[1] ?? '');
const WORDS = { fits: 'fits', 'does-not-fit': 'does not fit', undecided: 'not settled' } as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function reportHeight(): void {
  parent.postMessage({ micropurse: 'height', bag: bagId, height: document.documentElement.scrollHeight }, '*');
}

function show(d: BagDetail): void {
  const wf = d.what_fits;
  const kits = el('ul', { class: 'kits' }, ...wf.kits.map((k) => el('li', { class: `v-${k.verdict}` }, el('span', { class: 'badge' }, WORDS[k.verdict]), ` ${k.name}`)));
  const fitting = wf.items.filter((i) => i.verdict === 'fits').map((i) => i.name);
  const link = el('a', { href: `/bags/${encodeURIComponent(d.bag.id)}`, target: '_blank', rel: 'noopener' }, 'Check your own things');
  root.replaceChildren(
    el('h1', {}, `What fits in the ${d.bag.brand} ${d.bag.model}`),
    el('p', { class: 'headline' }, el('strong', {}, String(wf.items_that_fit)), ` of ${wf.items.length} everyday items fit on their own.`),
    kits,
    el('details', {}, el('summary', {}, 'Items that fit'), el('p', {}, fitting.join(', ') || 'None.')),
    el('p', { class: 'foot' }, link, ' · exact 3D packing by micropurse'),
  );
  document.title = `What fits in the ${d.bag.brand} ${d.bag.model}`;
  reportHeight();
}

// A plain fetch, not the app's API module: that one brings the core's schemas, which a widget does not need.
async function getBag(id: string): Promise<BagDetail> {
  const res = await fetch(`/v1/bags/${encodeURIComponent(id)}`);
  const body = (await res.json().catch(() => ({}))) as BagDetail & { detail?: string };
  if (!res.ok) throw new Error(body.detail ?? `the server answered ${res.status}`);
  return body;
}

root.replaceChildren(el('p', { role: 'status' }, 'Working out what fits…'));
getBag(bagId).then(show, (e: unknown) => {
  root.replaceChildren(el('p', { role: 'alert', class: 'error' }, `This bag cannot be shown: ${e instanceof Error ? e.message : String(e)}`));
  reportHeight();
});
new ResizeObserver(reportHeight).observe(document.body);
document.addEventListener('toggle', reportHeight, true);
