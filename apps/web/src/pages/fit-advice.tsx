/**
 * When a kit does not fit: why (the engine's proofs and the advice's numbers, in the core's
 * words), the swaps that would make it fit, and what to leave behind; each one click to apply,
 * after which the page asks again and the verdict changes in place.
 */
import { describeWhyNot, reasonsForPeople, type FitReport } from '@micropurse/core';
import { useState } from 'preact/hooks';
import { postLeaveBehind, type BagRef } from '../api';
import { applySwap, keepOnly } from '../kit/apply-swap';
import { useItems } from '../kit/items-store';
import { kitTexts, setKit, useKit } from '../kit/kit-state';
import { ErrorBox, Loading, VerdictBadge } from '../ui/status';
import { useAsync } from '../ui/use-async';

export function Reasons({ reasons }: { reasons: FitReport['reasons'] }) {
  if (reasons.length === 0) return null;
  return (
    <section aria-labelledby="why-title">
      <h2 id="why-title">Why</h2>
      <ul class="reasons">
        {reasonsForPeople(reasons).map((r, i) => (
          <li key={i}>{describeWhyNot(r)}</li>
        ))}
      </ul>
    </section>
  );
}

export function Swaps({ swaps }: { swaps: FitReport['swaps'] }) {
  const kit = useKit();
  const items = useItems();
  if (swaps.length === 0) return null;
  return (
    <section aria-labelledby="swaps-title">
      <h2 id="swaps-title">Swaps that make it fit</h2>
      <ul class="swaps">
        {swaps.map((s, i) => {
          const next = items.data ? applySwap(kit, s, items.data) : null;
          return (
            <li key={i} class="swap">
              <span>
                Carry <strong>{s.with}</strong> instead of <strong>{s.replace}</strong> <VerdictBadge verdict={s.verdict} />
              </span>
              <button type="button" disabled={next === null} onClick={() => next && setKit(next)} aria-label={`Apply: carry ${s.with} instead of ${s.replace}`}>
                Apply
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function LeaveBehind({ bag }: { bag: BagRef }) {
  const kit = useKit();
  const [asked, setAsked] = useState<string | null>(null);
  const texts = kitTexts(kit);
  const key = JSON.stringify([bag, texts]);
  const answer = useAsync(asked === key ? () => postLeaveBehind(bag, texts) : null, [asked, key]);
  return (
    <section aria-labelledby="leave-title">
      <h2 id="leave-title">Or leave something behind</h2>
      {asked !== key && (
        <button type="button" class="secondary" onClick={() => setAsked(key)}>
          What should I leave behind?
        </button>
      )}
      {answer.loading && <Loading>Weighing what to take by priority…</Loading>}
      {answer.error && <ErrorBox error={answer.error} what="Leave-behind" />}
      {answer.data && (
        <div class="leave">
          <p>
            <strong>Take:</strong> {answer.data.keep.join(', ') || 'nothing'}
          </p>
          <p>
            <strong>Leave behind:</strong> {answer.data.leave.join(', ') || 'nothing'}
          </p>
          <p class="muted small">
            Priority {answer.data.priority_kept} of {answer.data.priority_total}
            {answer.data.exact ? ', the best there is.' : ' (the search ran out of time; a better choice may exist).'}
          </p>
          {answer.data.leave.length > 0 && (
            <button type="button" onClick={() => setKit(keepOnly(kit, answer.data!.kept))}>
              Apply: leave {answer.data.leave.length === 1 ? 'it' : 'them'} behind
            </button>
          )}
        </div>
      )}
    </section>
  );
}
