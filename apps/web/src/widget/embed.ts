/**
 * The one-tag embed: <script src="https://HOST/widget.js" data-bag="b05" async></script>.
 * It puts an iframe of /widget/{bag} (from the script's own origin) where the tag is, and sizes it
 * to the height the widget reports, accepting the message only from that frame and origin.
 */
const tag = document.currentScript as HTMLScriptElement | null;
if (tag) {
  const bag = tag.dataset['bag'] ?? '';
  const origin = new URL(tag.src).origin;
  const frame = document.createElement('iframe');
  frame.src = `${origin}/widget/${encodeURIComponent(bag)}`;
  frame.title = 'What fits in this bag';
  frame.loading = 'lazy';
  frame.style.cssText = 'border:0;width:100%;max-width:520px;height:320px;display:block';
  tag.insertAdjacentElement('afterend', frame);
  window.addEventListener('message', (e: MessageEvent<{ micropurse?: string; height?: number }>) => {
    if (e.origin !== origin || e.source !== frame.contentWindow || e.data?.micropurse !== 'height' || typeof e.data.height !== 'number') return;
    frame.style.height = `${Math.min(2000, Math.ceil(e.data.height))}px`;
  });
}
