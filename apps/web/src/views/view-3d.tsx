/**
 * The 3D view, behind a button: three.js (about 130 kB gzipped) is fetched only when someone
 * opens it, so the kit and fit pages load without it. If the device has no WebGL, it says so and
 * the 2D views beside it remain the answer.
 */
import type { PlacedBox } from '@micropurse/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SceneBag } from './three-scene';

export function View3D({ bag, placements }: { bag: SceneBag; placements: readonly PlacedBox[] }) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open || !host.current) return;
    let disposed = false;
    let scene: { dispose(): void } | undefined;
    setState('loading');
    import('./three-scene')
      .then((m) => {
        if (disposed || !host.current) return;
        scene = m.mountScene(host.current, bag, placements);
        setState('ready');
      })
      .catch(() => !disposed && setState('failed'));
    return () => {
      disposed = true;
      scene?.dispose();
    };
  }, [open, bag, placements]);

  return (
    <section class="view3d" aria-label="3D view">
      <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide the 3D view' : 'Show in 3D'}
      </button>
      {open && (
        <>
          {state === 'loading' && <p role="status">Loading the 3D view…</p>}
          {state === 'failed' && (
            <p role="alert" class="error">
              This browser cannot draw 3D (no WebGL). The top and front views show the same layout.
            </p>
          )}
          {state === 'ready' && <p class="muted small">Drag to turn, pinch or scroll to zoom; or focus it and use the arrow keys and + / −.</p>}
          <div class="canvas-host" ref={host} data-state={state} />
        </>
      )}
    </section>
  );
}
