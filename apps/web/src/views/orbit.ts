/**
 * A small orbit control: drag to turn the view around the bag, wheel or pinch to zoom, and the
 * arrow keys and +/- for people who do not use a pointer. It only moves the camera on a sphere
 * around the target and calls `changed` to redraw (the scene renders on demand, not every frame).
 */
import type { PerspectiveCamera } from 'three';

export interface Orbit {
  dispose(): void;
}

export function orbit(camera: PerspectiveCamera, element: HTMLElement, radius: number, changed: () => void): Orbit {
  // Start a little above and to the right of the front, where every side of a layout shows.
  let theta = 0.6;
  let phi = 1.05;
  let r = radius;
  const rMin = radius * 0.35;
  const rMax = radius * 3;
  const place = () => {
    camera.position.set(r * Math.sin(phi) * Math.sin(theta), r * Math.cos(phi), r * Math.sin(phi) * Math.cos(theta));
    camera.lookAt(0, 0, 0);
    changed();
  };
  const turn = (dTheta: number, dPhi: number) => {
    theta += dTheta;
    phi = Math.min(Math.PI - 0.05, Math.max(0.05, phi + dPhi));
    place();
  };
  const zoom = (factor: number) => {
    r = Math.min(rMax, Math.max(rMin, r * factor));
    place();
  };

  const pointers = new Map<number, { x: number; y: number }>();
  let pinch = 0;
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const down = (e: PointerEvent) => {
    element.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    pinch = spread();
  };
  const move = (e: PointerEvent) => {
    const prev = pointers.get(e.pointerId);
    if (!prev) return;
    const next = { x: e.clientX, y: e.clientY };
    pointers.set(e.pointerId, next);
    if (pointers.size === 1) {
      turn(-(next.x - prev.x) * 0.01, -(next.y - prev.y) * 0.01);
    } else if (pointers.size === 2) {
      const s = spread();
      if (pinch > 0 && s > 0) zoom(pinch / s);
      pinch = s;
    }
  };
  const up = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    pinch = spread();
  };
  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    zoom(Math.exp(e.deltaY * 0.001));
  };
  const key = (e: KeyboardEvent) => {
    const step = 0.12;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => turn(step, 0),
      ArrowRight: () => turn(-step, 0),
      ArrowUp: () => turn(0, -step),
      ArrowDown: () => turn(0, step),
      '+': () => zoom(0.9),
      '=': () => zoom(0.9),
      '-': () => zoom(1.1),
    };
    const act = moves[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };
  element.addEventListener('pointerdown', down);
  element.addEventListener('pointermove', move);
  element.addEventListener('pointerup', up);
  element.addEventListener('pointercancel', up);
  element.addEventListener('wheel', wheel, { passive: false });
  element.addEventListener('keydown', key);
  place();
  return {
    dispose() {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
      element.removeEventListener('wheel', wheel);
      element.removeEventListener('keydown', key);
    },
  };
}
