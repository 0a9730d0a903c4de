/**
 * The layout drawn flat, as the CLI's ASCII views draw it (core render/ascii-views.ts): a top
 * view (w across, d up the page with the front at the bottom; the highest piece on top) and a
 * front view (w across, h up; the frontmost piece on top). Each piece is a coloured rectangle
 * with its letter; the legend names the letters. Works everywhere, so it is also the fallback
 * when the 3D view cannot run.
 */
import { PIECE_LABELS, type Interior, type PlacedBox } from '@micropurse/core';
import type { JSX } from 'preact';
import { LABEL_INK, pieceColour } from '../ui/palette';
import { dimsText } from '../ui/status';

type Box = { w: number; h: number; d: number };

interface Props {
  readonly bag: Box & { shape?: Interior['shape']; w_narrow?: number; narrow_at?: 'top' | 'bottom' };
  readonly placements: readonly PlacedBox[];
  readonly title?: string;
}

const PAD = 6;

/** The outline of the interior's face in a view: a shape for the front, a box (or ellipse) for the top. */
function outline(view: 'top' | 'front', bag: Props['bag'], U: number, V: number): JSX.Element {
  const common = { fill: '#fffdf8', stroke: '#444', 'stroke-width': 1.5, 'vector-effect': 'non-scaling-stroke' as const };
  const shape = bag.shape ?? 'box';
  if (view === 'top' && shape === 'cylinder') return <ellipse cx={U / 2} cy={V / 2} rx={U / 2} ry={V / 2} {...common} />;
  if (view === 'front') {
    if (shape === 'round') return <ellipse cx={U / 2} cy={V / 2} rx={U / 2} ry={V / 2} {...common} />;
    if (shape === 'half-moon') return <path d={`M0 0 H${U} A${U / 2} ${V} 0 0 1 0 0 Z`} {...common} />;
    if (shape === 'trapezoid' && bag.w_narrow !== undefined) {
      const inset = (U - bag.w_narrow) / 2;
      const pts = bag.narrow_at === 'bottom' ? `0,0 ${U},0 ${U - inset},${V} ${inset},${V}` : `${inset},0 ${U - inset},0 ${U},${V} 0,${V}`;
      return <polygon points={pts} {...common} />;
    }
  }
  return <rect x={0} y={0} width={U} height={V} {...common} />;
}

function View({ view, bag, placements }: { view: 'top' | 'front'; bag: Props['bag']; placements: readonly PlacedBox[] }) {
  const U = bag.w;
  const V = view === 'top' ? bag.d : bag.h;
  // Paint order: lowest (top view) or rearmost (front view) first, so the visible piece is on top.
  const order = placements.map((p, i) => ({ p, i })).sort((a, b) => (view === 'top' ? a.p.y + a.p.h - (b.p.y + b.p.h) : b.p.z - a.p.z));
  const label = view === 'top' ? `Top view, ${Math.round(bag.w)} mm wide by ${Math.round(bag.d)} mm deep, front at the bottom` : `Front view, ${Math.round(bag.w)} mm wide by ${Math.round(bag.h)} mm high`;
  const font = Math.max(6, Math.min(U, V) / 9);
  return (
    <figure class="view2d">
      <svg viewBox={`${-PAD} ${-PAD} ${U + 2 * PAD} ${V + 2 * PAD}`} role="img" aria-label={label}>
        {outline(view, bag, U, V)}
        {order.map(({ p, i }) => {
          const x = p.x;
          const y = view === 'top' ? bag.d - (p.z + p.d) : bag.h - (p.y + p.h);
          const w = p.w;
          const h = view === 'top' ? p.d : p.h;
          // A letter only where it can be read: a card seen edge-on gets its letter in the other view.
          const size = Math.min(font, Math.min(w, h) * 1.1);
          return (
            <g key={i}>
              <rect class="piece" x={x} y={y} width={w} height={h} fill={pieceColour(i)} stroke="#222" stroke-width={0.8} vector-effect="non-scaling-stroke" />
              {size >= 4 && (
                <text x={x + w / 2} y={y + h / 2} font-size={size} text-anchor="middle" dominant-baseline="central" fill={LABEL_INK}>
                  {PIECE_LABELS[i % PIECE_LABELS.length]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>{view === 'top' ? 'Top (front at bottom)' : 'Front'}</figcaption>
    </figure>
  );
}

export function Legend({ placements }: { placements: readonly { name: string; w: number; h: number; d: number }[] }) {
  return (
    <ol class="legend" aria-label="Pieces">
      {placements.map((p, i) => (
        <li key={i}>
          <span class="swatch" style={{ background: pieceColour(i) }} aria-hidden="true">
            {PIECE_LABELS[i % PIECE_LABELS.length]}
          </span>
          <span class="sr-only">{PIECE_LABELS[i % PIECE_LABELS.length]}: </span>
          {p.name} <span class="muted">({dimsText(p)})</span>
        </li>
      ))}
    </ol>
  );
}

export function Layout2D({ bag, placements, title }: Props) {
  return (
    <section class="layout2d" aria-label={title ?? 'Layout, top and front views'}>
      <div class="views">
        <View view="top" bag={bag} placements={placements} />
        <View view="front" bag={bag} placements={placements} />
      </div>
      <Legend placements={placements} />
    </section>
  );
}
