/** A page's heading (focusable, so the shell can move focus to it) and the document title. */
import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export function PageTitle({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · micropurse`;
  }, [title]);
  return <h1 tabIndex={-1}>{children ?? title}</h1>;
}
