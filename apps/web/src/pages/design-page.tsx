/** Design: the smallest interior that holds my kit, for a maker, drawn with its layout. */
import { ConstructionSchema, placedBox, type Construction } from '@micropurse/core';
import { useMemo, useState } from 'preact/hooks';
import { postDesign } from '../api';
import { kitTexts, useKit } from '../kit/kit-state';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading, VerdictBadge, dimsText } from '../ui/status';
import { useAsync } from '../ui/use-async';
import { useDebounced } from '../ui/use-debounced';
import { Layout2D } from '../views/layout-2d';
import { View3D } from '../views/view-3d';

export function DesignPage() {
  const kit = useKit();
  const [construction, setConstruction] = useState<Construction>('soft');
  const [depth, setDepth] = useState('');
  const texts = kitTexts(kit);
  const d = Number(depth);
  const fix = depth !== '' && d > 0 ? { d } : undefined;
  const key = useDebounced(JSON.stringify([texts, construction, fix ?? null]), 300);
  const r = useAsync(kit.length > 0 ? () => postDesign({ items: texts, construction, ...(fix ? { fix } : {}) }) : null, [key, kit.length > 0]);
  const res = r.data;
  const interior = useMemo(() => (res?.verdict === 'fits' ? { shape: 'box' as const, ...res.interior_mm } : undefined), [res]);
  const placements = useMemo(() => (res?.verdict === 'fits' ? res.placements.map(placedBox) : []), [res]);
  return (
    <>
      <PageTitle title="Design" />
      <p class="lead">The smallest box interior that holds your kit, and the outside to build around it.</p>
      <form class="card inline-form" onSubmit={(e) => e.preventDefault()} aria-label="Design options">
        <label for="construction">
          Construction
          <select id="construction" value={construction} onChange={(e) => setConstruction(e.currentTarget.value as Construction)}>
            {ConstructionSchema.options.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label for="fix-depth">
          Hold the depth at (mm, optional)
          <input id="fix-depth" type="number" min="1" step="any" inputMode="decimal" value={depth} onInput={(e) => setDepth(e.currentTarget.value)} />
        </label>
      </form>
      {kit.length === 0 && (
        <p class="empty">
          Your kit is empty. <a href="/">Add what you carry</a> first.
        </p>
      )}
      {r.loading && <Loading>Searching for the smallest interior…</Loading>}
      {r.error && <ErrorBox error={r.error} what="The design" />}
      {res && (
        <section class="card" aria-labelledby="design-result" aria-live="polite">
          <h2 id="design-result">
            <VerdictBadge verdict={res.verdict} big />
          </h2>
          {res.verdict === 'fits' && interior ? (
            <>
              <dl class="facts">
                <dt>Smallest interior</dt>
                <dd>
                  {dimsText(res.interior_mm)} ({Math.round(res.volume_mm3 / 100) / 10} cm³){res.exact ? '' : ', the smallest found in time'}
                </dd>
                <dt>Outside ({construction})</dt>
                <dd>{dimsText(res.exterior_mm)}</dd>
              </dl>
              <Layout2D bag={interior} placements={placements} />
              <View3D bag={interior} placements={placements} />
            </>
          ) : (
            <p>No interior with that depth holds the kit: an item is deeper than it, or they cannot be arranged.</p>
          )}
        </section>
      )}
    </>
  );
}
