/** Style: an outfit in, micro-bags out, ranked with the reasons rule by rule (POST /v1/style). */
import { COMPONENTS, OCCASIONS, SILHOUETTES, STYLE_CATEGORIES, WEIGHTS } from '@micropurse/core';
import { useState } from 'preact/hooks';
import { postStyle, type StyleGarmentInput, type StyleRecommendation, type StyleRequest } from '../api';
import { kitTexts, useKit, withKit } from '../kit/kit-state';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading } from '../ui/status';
import { loadBagList } from '../ui/bag-picker';
import { useAsync } from '../ui/use-async';

const START: StyleGarmentInput[] = [
  { category: 'blazer', silhouette: 'oversized', colors: ['#1c1c1c'], pattern: 'solid', material: 'wool' },
  { category: 'trousers', silhouette: 'relaxed', colors: ['#3b3b3b'], pattern: 'pinstripe', material: 'wool' },
];


function GarmentFields({ g, i, onChange, onRemove }: { g: StyleGarmentInput; i: number; onChange: (g: StyleGarmentInput) => void; onRemove?: () => void }) {
  const id = (k: string) => `g${i}-${k}`;
  return (
    <fieldset class="garment">
      <legend>Garment {i + 1}</legend>
      <label for={id('cat')}>
        What
        <select id={id('cat')} value={g.category} onChange={(e) => onChange({ ...g, category: e.currentTarget.value })}>
          {STYLE_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label for={id('sil')}>
        Cut
        <select id={id('sil')} value={g.silhouette} onChange={(e) => onChange({ ...g, silhouette: e.currentTarget.value })}>
          {SILHOUETTES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label for={id('col')}>
        Colour
        <input id={id('col')} type="color" value={g.colors[0] ?? '#000000'} onInput={(e) => onChange({ ...g, colors: [e.currentTarget.value] })} />
      </label>
      <label for={id('pat')}>
        Pattern
        <input id={id('pat')} value={g.pattern} onInput={(e) => onChange({ ...g, pattern: e.currentTarget.value })} />
      </label>
      <label for={id('mat')}>
        Material
        <input id={id('mat')} value={g.material} onInput={(e) => onChange({ ...g, material: e.currentTarget.value })} />
      </label>
      {onRemove && (
        <button type="button" class="link danger" onClick={onRemove} aria-label={`Remove garment ${i + 1}`}>
          Remove
        </button>
      )}
    </fieldset>
  );
}

function Pick({ r, rank }: { r: StyleRecommendation; rank: number }) {
  const kit = useKit();
  return (
    <li class="card pick">
      <h3>
        {rank}. <a href={withKit(`/bags/${encodeURIComponent(r.bag_id)}`, kit)}>{r.brand} {r.model}</a> <span class="score">{r.score.toFixed(1)}</span>
      </h3>
      <p class="small">
        <span class="colour-dot" style={{ background: r.color_hex }} aria-hidden="true" /> {r.finish.length > 0 ? `${r.finish.join(', ')} · ` : ''}
        {Math.round(r.exterior_mm.w / 10)} × {Math.round(r.exterior_mm.h / 10)} cm · worn {r.wear_modes.join(', ')}
      </p>
      <dl class="bars">
        {COMPONENTS.map((c) => (
          <div key={c} class="bar-row">
            <dt>{c}</dt>
            <dd>
              {/* Each bar is the rule's points out of its own weight, so a full bar means the rule is fully met. */}
              <span class="bar-track">
                <span class="bar" style={{ width: `${Math.min(100, (r.components[c] / WEIGHTS[c]) * 100)}%` }} />
              </span>{' '}
              {r.components[c].toFixed(1)} of {WEIGHTS[c]}
            </dd>
          </div>
        ))}
      </dl>
      <ul class="why">{r.why.map((w, i) => <li key={i}>{w}</li>)}</ul>
    </li>
  );
}

export function StylePage() {
  const kit = useKit();
  const [occasion, setOccasion] = useState('work');
  const [garments, setGarments] = useState(START);
  const [budget, setBudget] = useState('');
  const [useKitToo, setUseKitToo] = useState(false);
  const [asked, setAsked] = useState<StyleRequest | null>(null);
  const r = useAsync(asked ? () => postStyle(asked) : null, [asked]);
  const submit = (e: Event) => {
    e.preventDefault();
    const b = Number(budget);
    setAsked({ occasion, garments, top: 5, stack: true, ...(budget !== '' && b > 0 ? { budget_usd: b } : {}), ...(useKitToo && kit.length > 0 ? { kit: kitTexts(kit) } : {}) });
  };
  const catalog = useAsync(loadBagList, []);
  const names = new Map([...(catalog.data ?? []).map((b) => [b.bag_id, `${b.brand} ${b.model}`] as const), ...(r.data?.recommendations ?? []).map((x) => [x.bag_id, `${x.brand} ${x.model}`] as const)]);
  return (
    <>
      <PageTitle title="Style" />
      <p class="lead">Describe the outfit; get the micro-bags that suit it, and why.</p>
      <form class="card" onSubmit={submit} aria-label="Outfit">
        <label for="occasion">
          Occasion
          <select id="occasion" value={occasion} onChange={(e) => setOccasion(e.currentTarget.value)}>
            {OCCASIONS.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        {garments.map((g, i) => (
          <GarmentFields key={i} g={g} i={i} onChange={(n) => setGarments(garments.map((x, j) => (j === i ? n : x)))} {...(garments.length > 1 ? { onRemove: () => setGarments(garments.filter((_, j) => j !== i)) } : {})} />
        ))}
        <div class="actions">
          {garments.length < 12 && (
            <button type="button" class="secondary" onClick={() => setGarments([...garments, { category: 'top', silhouette: 'regular', colors: ['#f5f0e6'], pattern: 'solid', material: 'cotton' }])}>
              Add a garment
            </button>
          )}
        </div>
        <label for="budget">
          Budget (USD, optional)
          <input id="budget" type="number" min="1" inputMode="numeric" value={budget} onInput={(e) => setBudget(e.currentTarget.value)} />
        </label>
        <label class="check" for="style-kit">
          <input id="style-kit" type="checkbox" checked={useKitToo} disabled={kit.length === 0} onChange={(e) => setUseKitToo(e.currentTarget.checked)} />
          Only bags that hold my kit
        </label>
        <button type="submit">Find the bags</button>
      </form>
      {r.loading && <Loading>Scoring the bags against the outfit…</Loading>}
      {r.error && <ErrorBox error={r.error} what="Styling" />}
      {r.data && (
        <section aria-labelledby="picks-title" aria-live="polite">
          <h2 id="picks-title">Best with this outfit</h2>
          {r.data.recommendations.length === 0 ? <p>No bag passes the constraints.</p> : <ol class="picks">{r.data.recommendations.map((x, i) => <Pick key={x.bag_id} r={x} rank={i + 1} />)}</ol>}
          {r.data.stack.length > 0 && (
            <p class="card">
              <strong>Wear together:</strong> {r.data.stack.map((id) => names.get(id) ?? id).join(' + ')}
            </p>
          )}
        </section>
      )}
    </>
  );
}
