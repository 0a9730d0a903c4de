/**
 * Will it fit? A catalog bag (asked of the server) or my own size (answered at once by the
 * core's engine in a worker on this device, with the server's advice following), against my kit:
 * the verdict, the layout in 2D and on request in 3D, and, when it does not fit, why and what to
 * change. The bag or the size is kept in the URL, so the answer can be shared.
 */
import { describeMethod, parseDimsText, placedBox, type FitReport, type Interior, type PlacedBox } from '@micropurse/core';
import { useMemo, useState } from 'preact/hooks';
import { postFit, type BagRef } from '../api';
import { DimsInputs, readDims } from '../kit/custom-item-form';
import { kitItems, kitTexts, pieceCount, useKit, withKit } from '../kit/kit-state';
import { setParams, useRoute } from '../router';
import { BagPicker } from '../ui/bag-picker';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading, VerdictBadge, dimsText } from '../ui/status';
import { useAsync } from '../ui/use-async';
import { useDebounced } from '../ui/use-debounced';
import { Layout2D } from '../views/layout-2d';
import { View3D } from '../views/view-3d';
import { fitLocally } from '../worker/local-fit';
import { LeaveBehind, Reasons, Swaps } from './fit-advice';

const SENTENCE = { fits: 'Everything fits.', 'does-not-fit': 'It does not fit.', undecided: 'Not settled in time.' } as const;

function Answer({ verdict, detail, interior, placements, report, bag, adviceLoading }: { verdict: FitReport['verdict']; detail: string; interior: Interior; placements: readonly PlacedBox[]; report?: FitReport; bag: BagRef; adviceLoading?: boolean }) {
  const scene = useMemo(() => ({ ...interior }), [JSON.stringify(interior)]);
  return (
    <section class={`answer card answer-${verdict}`} aria-labelledby="verdict-title" aria-live="polite">
      <h2 id="verdict-title">
        <VerdictBadge verdict={verdict} big /> <span class="sr-only">{SENTENCE[verdict]}</span>
      </h2>
      <p>{detail}</p>
      {verdict === 'fits' && placements.length > 0 && (
        <>
          <Layout2D bag={interior} placements={placements} />
          <View3D bag={scene} placements={placements} />
        </>
      )}
      {verdict === 'undecided' && <p>The engine never guesses: with more time, or a box-shaped interior, it would settle. Try the swaps or leave-behind below.</p>}
      {verdict !== 'fits' && (
        <>
          {adviceLoading && <Loading>Looking for reasons and swaps…</Loading>}
          {report && <Reasons reasons={report.reasons} />}
          {report && <Swaps swaps={report.swaps} />}
          <LeaveBehind bag={bag} />
        </>
      )}
    </section>
  );
}

function CatalogAnswer({ bagId }: { bagId: string }) {
  const kit = useKit();
  const texts = kitTexts(kit);
  const r = useAsync(() => postFit(bagId, texts), [bagId, texts.join(',')]);
  const placements = useMemo(() => (r.data?.placements ?? []).map(placedBox), [r.data]);
  if (r.error) return <ErrorBox error={r.error} what="Checking the fit" />;
  if (!r.data) return <Loading>Packing your kit…</Loading>;
  const rep = r.data;
  const name = rep.bag.name ?? 'this bag';
  return (
    <Answer
      verdict={rep.verdict}
      detail={`${pieceCount(kit)} pieces in ${name} (inside ${dimsText(rep.bag.interior_mm)}, ${rep.bag.interior_mm.shape}): ${describeMethod(rep)}, ${Math.round(rep.ms * 10) / 10} ms.`}
      interior={rep.bag.interior_mm}
      placements={placements}
      report={rep}
      bag={bagId}
    />
  );
}

function CustomAnswer({ dims }: { dims: { w: number; h: number; d: number } }) {
  const kit = useKit();
  const texts = kitTexts(kit);
  const key = `${dims.w}x${dims.h}x${dims.d}|${texts.join(',')}`;
  const interior: Interior = useMemo(() => ({ shape: 'box', ...dims }), [key]);
  const local = useAsync(() => fitLocally(interior, kitItems(kit)), [key]);
  // The advice (reasons, swaps) is the server's: it needs the swap data and a second budget.
  const slowKey = useDebounced(key, 400);
  const needAdvice = local.data !== undefined && local.data.result.verdict !== 'fits' && slowKey === key;
  const advice = useAsync(needAdvice ? () => postFit(dims, texts) : null, [needAdvice, slowKey]);
  const placements = useMemo(() => (local.data?.result.placements ?? []).map(placedBox), [local.data]);
  if (local.error) return <ErrorBox error={local.error} what="The on-device fit" />;
  if (!local.data) return <Loading>Packing your kit…</Loading>;
  const { result, ms } = local.data;
  return (
    <Answer
      verdict={result.verdict}
      detail={`${pieceCount(kit)} pieces in a box ${dimsText(dims)}: ${describeMethod(result)}, answered on this device in ${Math.round(ms * 10) / 10} ms.`}
      interior={interior}
      placements={placements}
      {...(advice.data ? { report: advice.data } : {})}
      adviceLoading={advice.loading || (result.verdict !== 'fits' && !advice.data && !advice.error)}
      bag={dims}
    />
  );
}

export function FitPage() {
  const route = useRoute();
  const kit = useKit();
  const bagId = route.query.get('bag') ?? '';
  const dimsParam = parseDimsText(route.query.get('dims') ?? '');
  const [mode, setMode] = useState<'catalog' | 'custom'>(dimsParam ? 'custom' : 'catalog');
  const [dimsInput, setDimsInput] = useState({ w: String(dimsParam?.w ?? ''), h: String(dimsParam?.h ?? ''), d: String(dimsParam?.d ?? '') });
  const typed = readDims(dimsInput);
  const onDims = (v: typeof dimsInput) => {
    setDimsInput(v);
    const r = readDims(v);
    if ('dims' in r) setParams({ dims: `${r.dims.w}x${r.dims.h}x${r.dims.d}`, bag: null });
  };
  return (
    <>
      <PageTitle title="Will it fit?" />
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label="The bag">
        <fieldset class="segmented">
          <legend>Which bag?</legend>
          <label class="check">
            <input type="radio" name="mode" checked={mode === 'catalog'} onChange={() => setMode('catalog')} /> From the catalog
          </label>
          <label class="check">
            <input type="radio" name="mode" checked={mode === 'custom'} onChange={() => setMode('custom')} /> My own size
          </label>
        </fieldset>
        {mode === 'catalog' ? (
          <BagPicker id="fit-bag" label="Bag" value={bagId} onChange={(id) => setParams({ bag: id, dims: null })} />
        ) : (
          <>
            <DimsInputs value={dimsInput} onInput={onDims} idPrefix="bag" legend="Inside the bag" />
            {'error' in typed && (dimsInput.w !== '' || dimsInput.h !== '' || dimsInput.d !== '') && <p class="muted small">{typed.error}</p>}
          </>
        )}
      </form>
      {kit.length === 0 ? (
        <p class="empty">
          Your kit is empty. <a href="/">Add what you carry</a> first.
        </p>
      ) : mode === 'catalog' ? (
        bagId === '' ? (
          <p class="muted">
            Choose a bag above, or <a href={withKit('/bags', kit)}>find one that fits</a>.
          </p>
        ) : (
          <CatalogAnswer bagId={bagId} />
        )
      ) : 'dims' in typed ? (
        <CustomAnswer dims={typed.dims} />
      ) : (
        <p class="muted">Enter the inside width, height and depth of the bag in millimetres.</p>
      )}
    </>
  );
}
