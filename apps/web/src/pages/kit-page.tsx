/**
 * My kit: find everyday items as you type, set quantities and priorities (what to keep first
 * when not everything fits), put a phone in a case, or add anything by its size.
 */
import type { EssentialRecord } from '@micropurse/core';
import { useMemo, useState } from 'preact/hooks';
import { CustomItemForm } from '../kit/custom-item-form';
import { searchItems, useItems } from '../kit/items-store';
import { loadErrors, pieceCount, setKit, useKit, withKit, type KitLine } from '../kit/kit-state';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading, dimsText } from '../ui/status';

function addEssential(kit: readonly KitLine[], e: EssentialRecord): KitLine[] {
  const i = kit.findIndex((l) => l.id === e.id && !l.withCase);
  if (i >= 0) return kit.map((l, j) => (j === i ? { ...l, quantity: Math.min(100, l.quantity + 1) } : l));
  return [...kit, { id: e.id, name: e.name, quantity: 1, priority: 1, withCase: false }];
}

function ItemSearch({ items }: { items: readonly EssentialRecord[] }) {
  const kit = useKit();
  const [text, setText] = useState('');
  const hits = useMemo(() => searchItems(items, text), [items, text]);
  return (
    <section class="card" aria-labelledby="add-title">
      <h2 id="add-title">Add what you carry</h2>
      <label for="item-search">
        Search the everyday items
        <input id="item-search" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="iphone 15 pro, airpods, lipstick…" autoComplete="off" aria-describedby="search-count" />
      </label>
      <p id="search-count" class="muted small" aria-live="polite">
        {text.trim() === '' ? `${items.length} items to choose from.` : `${hits.length === 0 ? 'No item matches' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`}.`}
      </p>
      {hits.length > 0 && (
        <ul class="hits">
          {hits.map((e) => (
            <li key={e.id}>
              <button type="button" class="hit" onClick={() => setKit(addEssential(kit, e))}>
                <span>
                  Add <strong>{e.name}</strong>
                </span>
                <span class="muted small">
                  {e.category} · {dimsText(e.dims)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function KitList({ items }: { items: readonly EssentialRecord[] }) {
  const kit = useKit();
  const byId = useMemo(() => new Map(items.map((e) => [e.id, e])), [items]);
  const update = (i: number, patch: Partial<KitLine>) => setKit(kit.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  if (kit.length === 0) return <p class="empty">Your kit is empty: add a phone, cards, a lipstick…</p>;
  return (
    <ul class="kit-list" aria-label="My kit">
      {kit.map((l, i) => {
        const rec = l.id === undefined ? undefined : byId.get(l.id);
        const dims = l.custom ?? rec?.dims;
        const id = `line-${i}`;
        return (
          <li key={`${l.id ?? l.name}-${i}`} class="kit-line">
            <div class="kit-name">
              <strong id={`${id}-name`}>{l.name}</strong>
              {dims && <span class="muted small"> {dimsText(dims)}{l.custom ? ' · custom' : ''}</span>}
            </div>
            <div class="kit-controls">
              <label for={`${id}-qty`}>
                Quantity
                <input id={`${id}-qty`} type="number" min="1" max="100" value={l.quantity} onChange={(e) => update(i, { quantity: Math.max(1, Math.min(100, Math.round(Number(e.currentTarget.value) || 1))) })} aria-describedby={`${id}-name`} />
              </label>
              <label for={`${id}-prio`}>
                Priority
                <select id={`${id}-prio`} value={String(l.priority)} onChange={(e) => update(i, { priority: Number(e.currentTarget.value) })} aria-describedby={`${id}-name`}>
                  {[1, 2, 3, 4, 5].map((p) => (
                    <option key={p} value={String(p)}>
                      {p === 1 ? '1 (nice to have)' : p === 5 ? '5 (must take)' : String(p)}
                    </option>
                  ))}
                </select>
              </label>
              {rec?.category === 'phone' && (
                <label class="check" for={`${id}-case`}>
                  <input id={`${id}-case`} type="checkbox" checked={l.withCase} onChange={(e) => update(i, { withCase: e.currentTarget.checked })} />
                  In a case
                </label>
              )}
              <button type="button" class="link danger" onClick={() => setKit(kit.filter((_, j) => j !== i))} aria-label={`Remove ${l.name}`}>
                Remove
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function KitPage() {
  const kit = useKit();
  const items = useItems();
  const pieces = pieceCount(kit);
  return (
    <>
      <PageTitle title="My kit" />
      <p class="lead">What do you carry? Pick it here once; every page checks bags against it, and the link below shares it.</p>
      {loadErrors.length > 0 && (
        <div class="error" role="alert">
          Some entries of the shared kit could not be read: {loadErrors.join('; ')}
        </div>
      )}
      <div class="two-col">
        <div>
          {items.error && <ErrorBox error={items.error} what="Loading the items" />}
          {items.loading && <Loading>Loading the items…</Loading>}
          {items.data && <ItemSearch items={items.data} />}
          <CustomItemForm onAdd={(name, dims) => setKit([...kit, { name, custom: dims, quantity: 1, priority: 1, withCase: false }])} />
        </div>
        <section class="card" aria-labelledby="kit-title">
          <h2 id="kit-title">
            In my kit <span class="muted small">({pieces} piece{pieces === 1 ? '' : 's'})</span>
          </h2>
          <KitList items={items.data ?? []} />
          {kit.length > 0 && (
            <>
              <div class="actions">
                <a class="button" href={withKit('/fit', kit)}>
                  Will it fit?
                </a>
                <a class="button secondary" href={withKit('/bags', kit)}>
                  Find my bag
                </a>
                <button type="button" class="link danger" onClick={() => setKit([])}>
                  Clear the kit
                </button>
              </div>
              <label for="share-link" class="small">
                Share this kit
                <input id="share-link" readOnly value={`${location.origin}${withKit('/', kit)}`} onFocus={(e) => e.currentTarget.select()} />
              </label>
            </>
          )}
        </section>
      </div>
    </>
  );
}
