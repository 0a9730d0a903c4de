/**
 * One bag: its sizes, materials and ways to wear it, what fits in it (every everyday item alone
 * and a few common kits, each settled by the engine), the schema.org Product JSON-LD in the
 * page's head for search engines, and the snippet a retailer pastes to show the same list.
 */
import { bagSummary } from '@micropurse/core';
import { useEffect } from 'preact/hooks';
import { getBag, type BagDetail } from '../api';
import { useItems } from '../kit/items-store';
import { useKit, withKit } from '../kit/kit-state';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading, VerdictBadge, dimsText, money } from '../ui/status';
import { useAsync } from '../ui/use-async';
import { BagSilhouette } from '../views/bag-silhouette';

/** The bag's Product JSON-LD in <head> while the page is open. */
function useJsonLd(data: Record<string, unknown> | undefined): void {
  useEffect(() => {
    if (!data) return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.id = 'bag-json-ld';
    // "<" escaped so that no text in the data can close the script element.
    script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
    document.head.appendChild(script);
    return () => script.remove();
  }, [data]);
}

function WhatFitsList({ detail }: { detail: BagDetail }) {
  const wf = detail.what_fits;
  const fits = wf.items.filter((i) => i.verdict === 'fits');
  const not = wf.items.filter((i) => i.verdict === 'does-not-fit');
  const open = wf.items.filter((i) => i.verdict === 'undecided');
  return (
    <section class="card" aria-labelledby="wf-title">
      <h2 id="wf-title">What fits</h2>
      <p>
        <strong>{wf.items_that_fit}</strong> of {wf.items.length} everyday items fit on their own.
      </p>
      <h3>Kits</h3>
      <ul class="kits">
        {wf.kits.map((k) => (
          <li key={k.name}>
            <VerdictBadge verdict={k.verdict} /> <strong>{k.name}</strong> <span class="muted small">({k.items.join(', ')})</span>
          </li>
        ))}
      </ul>
      <details open>
        <summary>Fits on its own ({fits.length})</summary>
        <ul class="columns">{fits.map((i) => <li key={i.id}>{i.name}</li>)}</ul>
      </details>
      <details>
        <summary>Too big ({not.length})</summary>
        <ul class="columns">{not.map((i) => <li key={i.id}>{i.name}</li>)}</ul>
      </details>
      {open.length > 0 && (
        <details>
          <summary>Not settled in time ({open.length})</summary>
          <ul class="columns">{open.map((i) => <li key={i.id}>{i.name}</li>)}</ul>
        </details>
      )}
    </section>
  );
}

export function Embed({ bagId }: { bagId: string }) {
  const origin = location.origin;
  const iframe = `<iframe src="${origin}/widget/${encodeURIComponent(bagId)}" title="What fits in this bag" width="100%" height="420" style="border:0"></iframe>`;
  const script = `<script src="${origin}/widget.js" data-bag="${bagId}" async></script>`;
  return (
    <details class="card">
      <summary>Show this list on your product page</summary>
      <label for="embed-script">
        One script tag (sizes itself to its content)
        <textarea id="embed-script" readOnly rows={2} value={script} />
      </label>
      <label for="embed-iframe">
        Or an iframe
        <textarea id="embed-iframe" readOnly rows={3} value={iframe} />
      </label>
    </details>
  );
}

export function BagPage({ params }: { params: Record<string, string> }) {
  const id = params['id'] ?? '';
  const kit = useKit();
  const items = useItems();
  const r = useAsync(() => getBag(id), [id]);
  useJsonLd(r.data?.json_ld);
  if (r.error) {
    return (
      <>
        <PageTitle title="Bag not found" />
        <ErrorBox error={r.error} what="Loading the bag" />
      </>
    );
  }
  if (!r.data) return <Loading>Loading the bag and what fits in it…</Loading>;
  const { bag } = r.data;
  const phone = items.data?.find((e) => e.name === 'iPhone 15');
  return (
    <>
      <PageTitle title={`${bag.brand} ${bag.model}`} />
      <p class="lead">
        <span class={`tier tier-${bag.tier}`}>{bag.tier}</span> · {bag.price !== null && bag.currency ? `${bag.price.toLocaleString('en-US')} ${bag.currency}` : money(bag.price_usd)}
      </p>
      <div class="two-col">
        <section class="card" aria-labelledby="facts-title">
          <h2 id="facts-title">The bag</h2>
          <figure class="sil">
            <BagSilhouette bag={bagSummary(bag)} {...(phone ? { phone: { name: phone.name, w: phone.dims.w, h: phone.dims.h } } : {})} />
            {phone && <figcaption class="muted small">Inside, to scale beside {phone.name}</figcaption>}
          </figure>
          <dl class="facts">
            <dt>Outside</dt>
            <dd>{dimsText(bag.exterior)}</dd>
            <dt>Inside</dt>
            <dd>
              {dimsText(bag.interior)}, {bag.interior.shape}
              {bag.interior.derived ? ' (worked out from the outside and the construction)' : ''}
            </dd>
            <dt>Material</dt>
            <dd>
              {bag.material}, {bag.texture}
              {bag.finish.length > 0 ? ` (${bag.finish.join(', ')})` : ''}
            </dd>
            <dt>Colour</dt>
            <dd>
              <span class="colour-dot" style={{ background: bag.color_hex }} aria-hidden="true" /> {bag.color_name}
            </dd>
            <dt>Closure</dt>
            <dd>{bag.closure}</dd>
            <dt>Strap</dt>
            <dd>
              {bag.strap}
              {bag.strap_detachable && bag.strap !== 'detachable' ? ', detachable' : ''}
            </dd>
            <dt>Worn</dt>
            <dd>{bag.wear_modes.join(', ') || 'in the hand'}</dd>
          </dl>
          <a class="button" href={withKit(`/fit?bag=${encodeURIComponent(bag.id)}`, kit)}>
            Check my kit in this bag
          </a>
        </section>
        <WhatFitsList detail={r.data} />
      </div>
      <Embed bagId={bag.id} />
    </>
  );
}
