/** Stack: split my kit across two or three bags worn together, each bag's share with its layout. */
import { placedBox, type BagSummary } from '@micropurse/core';
import { postStack } from '../api';
import { kitTexts, useKit } from '../kit/kit-state';
import { setParams, useRoute } from '../router';
import { BagPicker, loadBagList } from '../ui/bag-picker';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading, VerdictBadge } from '../ui/status';
import { useAsync } from '../ui/use-async';
import { Layout2D } from '../views/layout-2d';

const REASON_WORDS: Record<string, (r: Record<string, unknown>) => string> = {
  'item-fits-no-bag': (r) => `${String(r['name'])} fits none of these bags on its own.`,
  'no-split': (r) => `Every way of sharing the kit out was tried (${String(r['tried'])}) and none fits.`,
  'undecided-splits': (r) => `${String(r['count'])} ways of sharing it out could not be settled in time.`,
  'time-limit': (r) => `The time ran out after ${String(r['tried'])} of ${String(r['splits'])} ways of sharing it out.`,
  'split-limit': () => 'Too many ways to share this kit out to try them all; only a quick split was tried.',
};

export function StackPage() {
  const route = useRoute();
  const kit = useKit();
  const chosen = (route.query.get('bags') ?? '').split(',').filter((s) => s !== '');
  const slots = [chosen[0] ?? '', chosen[1] ?? '', chosen[2] ?? ''];
  const picked = slots.filter((s) => s !== '');
  const texts = kitTexts(kit);
  const list = useAsync(loadBagList, []);
  const ready = picked.length >= 2 && kit.length > 0;
  const r = useAsync(ready ? () => postStack(picked, texts) : null, [picked.join(','), texts.join(','), ready]);
  const setSlot = (i: number, id: string) => {
    const next = [...slots];
    next[i] = id;
    setParams({ bags: next.filter((s) => s !== '').join(',') });
  };
  const summaryOf = (name: string): BagSummary | undefined => list.data?.find((b) => `${b.brand} ${b.model}` === name);
  return (
    <>
      <PageTitle title="Stack" />
      <p class="lead">Two or three micro-bags worn together: which of your things goes in which.</p>
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label="Bags worn together">
        {slots.map((s, i) => (
          <BagPicker key={i} id={`stack-bag-${i}`} label={`Bag ${i + 1}${i === 2 ? ' (optional)' : ''}`} value={s} onChange={(id) => setSlot(i, id)} />
        ))}
      </form>
      {kit.length === 0 && (
        <p class="empty">
          Your kit is empty. <a href="/">Add what you carry</a> first.
        </p>
      )}
      {kit.length > 0 && picked.length < 2 && <p class="muted">Choose at least two bags.</p>}
      {r.loading && <Loading>Sharing your kit out between the bags…</Loading>}
      {r.error && <ErrorBox error={r.error} what="The stack" />}
      {r.data && (
        <section class="card" aria-labelledby="stack-verdict" aria-live="polite">
          <h2 id="stack-verdict">
            <VerdictBadge verdict={r.data.verdict} big /> {r.data.verdict === 'fits' ? `across ${r.data.bags.length} bags` : ''}
          </h2>
          {r.data.reasons.length > 0 && (
            <ul class="reasons">
              {r.data.reasons.map((x, i) => (
                <li key={i}>{REASON_WORDS[x.code]?.(x as unknown as Record<string, unknown>) ?? x.code}</li>
              ))}
            </ul>
          )}
          <div class="shares">
            {r.data.bags.map((b, i) => {
              const s = summaryOf(b.name);
              return (
                <article key={i} class="share">
                  <h3>
                    Bag {i + 1}: {b.name}
                  </h3>
                  <p>{b.items.length === 0 ? 'Nothing in this one.' : `Holds: ${b.items.join(', ')}`}</p>
                  {s && b.placements.length > 0 && <Layout2D bag={{ ...s.interior_mm, shape: s.shape === 'novelty' ? 'box' : s.shape }} placements={b.placements.map(placedBox)} title={`Layout in ${b.name}`} />}
                </article>
              );
            })}
          </div>
        </section>
      )}
    </>
  );
}
