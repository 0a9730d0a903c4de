/**
 * The layout in 3D (three.js, loaded only when the 3D view is opened): the bag's interior as a
 * translucent shell of its real shape, each piece a coloured solid with its letter floating on
 * it, lit softly, drawn on demand. Axes: the bag's w is x, h is y, and d runs from the front
 * (toward the viewer, +z) to the back; the interior is centred on the origin.
 */
import {
  AmbientLight,
  BoxGeometry,
  BufferGeometry,
  CanvasTexture,
  CylinderGeometry,
  DirectionalLight,
  EdgesGeometry,
  ExtrudeGeometry,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  Shape,
  Sprite,
  SpriteMaterial,
  Vector2,
  WebGLRenderer,
  type Material,
} from 'three';
import { PIECE_LABELS, type PlacedBox } from '@micropurse/core';
import { orbit } from './orbit';
import { LABEL_INK, pieceColour } from '../ui/palette';

export interface SceneBag {
  readonly w: number;
  readonly h: number;
  readonly d: number;
  readonly shape?: string;
  readonly w_narrow?: number;
  readonly narrow_at?: 'top' | 'bottom';
}

export interface MountedScene {
  dispose(): void;
}

/** The interior's front face as a polygon (x across, y up, origin at the bottom left). */
function frontFace(bag: SceneBag): Vector2[] {
  const { w: W, h: H } = bag;
  const arc = (cx: number, cy: number, rx: number, ry: number, from: number, to: number) =>
    Array.from({ length: 49 }, (_, i) => {
      const a = from + ((to - from) * i) / 48;
      return new Vector2(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
    });
  if (bag.shape === 'round') return arc(W / 2, H / 2, W / 2, H / 2, 0, 2 * Math.PI);
  if (bag.shape === 'half-moon') return arc(W / 2, H, W / 2, H, Math.PI, 2 * Math.PI);
  if (bag.shape === 'trapezoid' && bag.w_narrow !== undefined) {
    const inset = (W - bag.w_narrow) / 2;
    return bag.narrow_at === 'bottom'
      ? [new Vector2(inset, 0), new Vector2(W - inset, 0), new Vector2(W, H), new Vector2(0, H)]
      : [new Vector2(0, 0), new Vector2(W, 0), new Vector2(W - inset, H), new Vector2(inset, H)];
  }
  return [new Vector2(0, 0), new Vector2(W, 0), new Vector2(W, H), new Vector2(0, H)];
}

function shellGeometry(bag: SceneBag): BufferGeometry {
  if (bag.shape === 'cylinder') {
    const g = new CylinderGeometry(0.5, 0.5, bag.h, 48);
    g.scale(bag.w, 1, bag.d);
    return g;
  }
  if (bag.shape === undefined || bag.shape === 'box') return new BoxGeometry(bag.w, bag.h, bag.d);
  const g = new ExtrudeGeometry(new Shape(frontFace(bag)), { depth: bag.d, bevelEnabled: false, curveSegments: 48 });
  g.translate(-bag.w / 2, -bag.h / 2, -bag.d / 2);
  return g;
}

function letterSprite(letter: string, size: number): Sprite {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(32, 32, 28, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = LABEL_INK;
  ctx.font = 'bold 40px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(letter, 32, 34);
  // Always drawn on top, so a letter inside a stack of pieces can still be read.
  const sprite = new Sprite(new SpriteMaterial({ map: new CanvasTexture(canvas), depthTest: false, transparent: true }));
  sprite.scale.set(size, size, 1);
  sprite.renderOrder = 10;
  return sprite;
}

/** Mounts the scene in `container`; throws when the browser cannot make a WebGL context. */
export function mountScene(container: HTMLElement, bag: SceneBag, placements: readonly PlacedBox[]): MountedScene {
  const renderer = new WebGLRenderer({ antialias: true, alpha: true });
  renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
  const canvas = renderer.domElement;
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `3D view of the layout: ${placements.length} pieces in a ${Math.round(bag.w)} by ${Math.round(bag.h)} by ${Math.round(bag.d)} mm interior. Drag or use the arrow keys to turn it, wheel, pinch or plus and minus to zoom.`);
  container.appendChild(canvas);

  const scene = new Scene();
  scene.add(new AmbientLight(0xffffff, 1.6));
  const sun = new DirectionalLight(0xffffff, 1.8);
  sun.position.set(1, 2, 1.5);
  scene.add(sun);

  const disposables: { dispose(): void }[] = [];
  const keep = <T extends { dispose(): void }>(x: T): T => (disposables.push(x), x);

  const shell = keep(shellGeometry(bag));
  const shellMat = keep(new MeshBasicMaterial({ color: 0x8a6d3b, transparent: true, opacity: 0.12, depthWrite: false }));
  scene.add(new Mesh(shell, shellMat));
  scene.add(new LineSegments(keep(new EdgesGeometry(shell, 20)), keep(new LineBasicMaterial({ color: 0x5a4520 }))));

  const edgeMat = keep(new LineBasicMaterial({ color: 0x222222 }));
  // Letters sized to the bag, so they read the same in a lipstick case and a pochette.
  const label = Math.hypot(bag.w, bag.h, bag.d) * 0.06;
  placements.forEach((p, i) => {
    const geo = keep(new BoxGeometry(p.w, p.h, p.d));
    const mat: Material = keep(new MeshLambertMaterial({ color: pieceColour(i) }));
    const cx = p.x + p.w / 2 - bag.w / 2;
    const cy = p.y + p.h / 2 - bag.h / 2;
    const cz = bag.d / 2 - (p.z + p.d / 2);
    const mesh = new Mesh(geo, mat);
    mesh.position.set(cx, cy, cz);
    const edges = new LineSegments(keep(new EdgesGeometry(geo)), edgeMat);
    edges.position.copy(mesh.position);
    const sprite = letterSprite(PIECE_LABELS[i % PIECE_LABELS.length]!, label);
    keep(sprite.material.map!);
    keep(sprite.material);
    sprite.position.copy(mesh.position);
    scene.add(mesh, edges, sprite);
  });

  const camera = new PerspectiveCamera(40, 1, 1, 5000);
  const radius = Math.hypot(bag.w, bag.h, bag.d) * 1.5;
  let frame = 0;
  const render = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderer.render(scene, camera);
    });
  };
  const resize = () => {
    const width = container.clientWidth || 320;
    const height = Math.round(Math.min(420, Math.max(240, width * 0.75)));
    renderer.setSize(width, height);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    render();
  };
  const control = orbit(camera, canvas, radius, render);
  const observer = new ResizeObserver(resize);
  observer.observe(container);
  resize();

  return {
    dispose() {
      observer.disconnect();
      control.dispose();
      cancelAnimationFrame(frame);
      for (const d of disposables) d.dispose();
      renderer.dispose();
      canvas.remove();
    },
  };
}
