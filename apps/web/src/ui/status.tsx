/** Loading and error states, announced to screen readers. */
import type { ComponentChildren } from 'preact';
import type { Verdict } from '@micropurse/core';

export function ErrorBox({ error, what }: { error: Error; what: string }) {
  return (
    <div class="error" role="alert">
      <strong>{what} failed.</strong> {error.message}
    </div>
  );
}

export function Loading({ children }: { children?: ComponentChildren }) {
  return (
    <p class="loading" role="status">
      {children ?? 'Working…'}
    </p>
  );
}

const VERDICT_WORDS: Record<Verdict, string> = { fits: 'Fits', 'does-not-fit': 'Does not fit', undecided: 'Undecided' };

export function VerdictBadge({ verdict, big }: { verdict: Verdict; big?: boolean }) {
  return <span class={`verdict verdict-${verdict}${big ? ' big' : ''}`}>{VERDICT_WORDS[verdict]}</span>;
}

export const money = (usd: number | null): string => (usd === null ? 'price n/a' : `$${usd.toLocaleString('en-US', { maximumFractionDigits: 0 })}`);
export const mm = (v: number): string => `${Math.round(v * 10) / 10}`;
export const dimsText = (d: { w: number; h: number; d: number }): string => `${mm(d.w)} × ${mm(d.h)} × ${mm(d.d)} mm`;
