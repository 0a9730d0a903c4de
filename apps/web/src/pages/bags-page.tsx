/**
 * Find my bag: the catalog with the filters of GET /v1/bags, "fits my kit" on by default (only
 * bags the engine proves hold the kit, each with its layout), as cards drawn to scale beside my
 * phone. The filters live in the URL, so a search can be shared and survives a reload.
 */
import { BagShapeSchema, COLOUR_FAMILIES, FinishSchema, TierSchema, WearModeSchema, type EssentialRecord } from '@micropurse/core';
import { getBags } from '../api';
import { useItems } from '../kit/items-store';
import { kitParam, useKit, withKit, type KitLine } from '../kit/kit-state';
import { setParams, useRoute } from '../router';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading, VerdictBadge, dimsText, money } from '../ui/status';
import { useAsync } from '../ui/use-async';
import { BagSilhouette } from '../views/bag-silhouette';

const PAGE_SIZE = 12;
/** Filters carried from the page's URL to the API as they are. */
const FILTERS = ['price_min_usd', 'price_max_usd', 'tier', 'color_family', 'finish', 'wear_mode', 'shape', 'strap_detachable', 'sort', 'page'] as const;

/** My phone, as the cards draw it: the kit's first phone, else an iPhone 15 for scale. */
function myPhone(kit: readonly KitLine[], items: readonly EssentialRecord[]): { name: string; w: number; h: number } | undefined {
  const byId = new Map(items.map((e) => [e.id, e]));
  const rec = kit.map((l) => (l.id ? byId.get(l.id) : undefined)).find((e) => e?.category === 'phone') ?? items.find((e) => e.name === 'iPhone 15');
  return rec ? { name: rec.name, w: Math.min(rec.dims.w, rec.dims.h), h: Math.max(rec.dims.w, rec.dims.h) } : undefined;
}

function Select({ id, label, param, options, query }: { id: string; label: string; param: string; options: readonly string[]; query: URLSearchParams }) {
  return (
    <label for={id}>
      {label}
      <select id={id} value={query.get(param) ?? ''} onChange={(e) => setParams({ [param]: e.currentTarget.value, page: null })}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 760px)').matches;

function Filters({ query, kitOn, hasKit }: { query: URLSearchParams; kitOn: boolean; hasKit: boolean }) {
  return (
    // Folded on a phone, so the results are on the first screen; open on a wider screen.
    <details class="card filters-box" open={wide}>
    <summary>Filters</summary>
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
      <label class="check" for="f-fits">
        <input id="f-fits" type="checkbox" checked={kitOn} disabled={!hasKit} onChange={(e) => setParams({ fits: e.currentTarget.checked ? null : 'off', page: null })} />
        Fits my kit
      </label>
      <label for="f-max">
        Price up to (USD)
        <input id="f-max" type="number" min="0" step="10" inputMode="numeric" value={query.get('price_max_usd') ?? ''} onChange={(e) => setParams({ price_max_usd: e.currentTarget.value, page: null })} />
      </label>
      <Select id="f-tier" label="Tier" param="tier" options={TierSchema.options} query={query} />
      <Select id="f-colour" label="Colour" param="color_family" options={COLOUR_FAMILIES} query={query} />
      <Select id="f-finish" label="Finish" param="finish" options={FinishSchema.options} query={query} />
      <Select id="f-wear" label="Worn" param="wear_mode" options={WearModeSchema.options} query={query} />
      <Select id="f-shape" label="Shape" param="shape" options={BagShapeSchema.options} query={query} />
      <label class="check" for="f-strap">
        <input id="f-strap" type="checkbox" checked={query.get('strap_detachable') === 'true'} onChange={(e) => setParams({ strap_detachable: e.currentTarget.checked ? 'true' : null, page: null })} />
        Detachable strap
      </label>
      <Select id="f-sort" label="Sort by" param="sort" options={kitOn ? ['price', 'volume', 'fit'] : ['price', 'volume']} query={query} />
    </form>
    </details>
  );
}

export function BagsPage() {
  const route = useRoute();
  const kit = useKit();
  const items = useItems();
  const q = route.query;
  const kitOn = kit.length > 0 && q.get('fits') !== 'off';
  const api = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const f of FILTERS) {
    const v = q.get(f);
    if (v) api.set(f, v);
  }
  if (kitOn) api.set('kit', kitParam(kit));
  const key = api.toString();
  const res = useAsync(() => getBags(api), [key]);
  const page = Number(q.get('page') ?? '1') || 1;
  const phone = myPhone(kit, items.data ?? []);
  return (
    <>
      <PageTitle title="Find my bag" />
      <div class="search-layout">
        <Filters query={q} kitOn={kitOn} hasKit={kit.length > 0} />
        <section aria-labelledby="results-title" aria-busy={res.loading}>
          <h2 id="results-title" aria-live="polite">
            {res.data ? `${res.data.total} bag${res.data.total === 1 ? '' : 's'}${kitOn ? ' hold your kit' : ''}` : 'Results'}
          </h2>
          {res.data?.undecided ? <p class="muted small">{res.data.undecided} more could not be settled in time and are not shown.</p> : null}
          {res.error && <ErrorBox error={res.error} what="The search" />}
          {res.loading && !res.data && <Loading>Searching the catalog…</Loading>}
          {res.data && (
            <ul class="cards">
              {res.data.results.map((b) => (
                <li key={b.bag_id} class="card bag-card">
                  <figure class="sil">
                    <BagSilhouette bag={b} {...(phone ? { phone } : {})} />
                    {phone && <figcaption class="muted small">Inside, to scale beside {phone.name}</figcaption>}
                  </figure>
                  <div>
                    <h3>
                      <a href={withKit(`/bags/${encodeURIComponent(b.bag_id)}`, kit)}>
                        {b.brand} {b.model}
                      </a>
                    </h3>
                    <p class="small">
                      <span class={`tier tier-${b.tier}`}>{b.tier}</span> · {money(b.price_usd)} · {b.shape}
                    </p>
                    <p class="small muted">inside {dimsText(b.interior_mm)}</p>
                    {b.verdict && (
                      <p class="small">
                        <VerdictBadge verdict={b.verdict} /> your kit
                      </p>
                    )}
                    <a class="small" href={withKit(`/fit?bag=${encodeURIComponent(b.bag_id)}`, kit)}>
                      Check my kit in it
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {res.data && res.data.total > PAGE_SIZE && (
            <nav class="pager" aria-label="Result pages">
              <button type="button" class="secondary" disabled={page <= 1} onClick={() => setParams({ page: String(page - 1) })}>
                Previous
              </button>
              <span>
                Page {page} of {Math.ceil(res.data.total / PAGE_SIZE)}
              </span>
              <button type="button" class="secondary" disabled={page * PAGE_SIZE >= res.data.total} onClick={() => setParams({ page: String(page + 1) })}>
                Next
              </button>
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
