/**
 * A bag drawn to scale beside my phone, photo-free: the front face of its interior in its shape,
 * and, when the kit fits, the kit's front view inside it. Every card uses the same millimetres
 * per pixel, so two cards compare as the bags do.
 */
import { TRAPEZOID_NARROW_RATIO, type BagSummary } from '@micropurse/core';
import { pieceColour } from '../ui/palette';

/** Pixels per millimetre on every card. */
const PX_PER_MM = 0.75;
const GAP = 12;

function face(shape: BagSummary['shape'], W: number, H: number, y0: number) {
  const style = { fill: '#f6efe3', stroke: '#5a4520', 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke' as const };
  switch (shape) {
    case 'round':
      return <ellipse cx={W / 2} cy={y0 + H / 2} rx={W / 2} ry={H / 2} {...style} />;
    case 'half-moon':
      return <path d={`M0 ${y0} H${W} A${W / 2} ${H} 0 0 1 0 ${y0} Z`} {...style} />;
    case 'trapezoid': {
      const inset = (W * (1 - TRAPEZOID_NARROW_RATIO)) / 2;
      return <polygon points={`${inset},${y0} ${W - inset},${y0} ${W},${y0 + H} 0,${y0 + H}`} {...style} />;
    }
    default:
      return <rect x={0} y={y0} width={W} height={H} rx={Math.min(W, H) * 0.06} {...style} />;
  }
}

export function BagSilhouette({ bag, phone }: { bag: BagSummary; phone?: { name: string; w: number; h: number } }) {
  const { w: W, h: H } = bag.interior_mm;
  const pw = phone?.w ?? 0;
  const ph = phone?.h ?? 0;
  const width = W + (phone ? GAP + pw : 0);
  const height = Math.max(H, ph);
  const y0 = height - H;
  const label = `${bag.brand} ${bag.model}: inside ${Math.round(W)} mm wide and ${Math.round(H)} mm high${phone ? `, drawn beside ${phone.name} (${Math.round(pw)} by ${Math.round(ph)} mm) to scale` : ''}.`;
  return (
    <svg class="silhouette" width={Math.round(width * PX_PER_MM)} height={Math.round(height * PX_PER_MM)} viewBox={`-2 -2 ${width + 4} ${height + 4}`} role="img" aria-label={label}>
      {face(bag.shape, W, H, y0)}
      {(bag.placements ?? []).map((p, i) => (
        <rect key={i} x={p.x} y={y0 + H - (p.y + p.h)} width={p.w} height={p.h} fill={pieceColour(i)} fill-opacity={0.85} stroke="#333" stroke-width={0.6} vector-effect="non-scaling-stroke" />
      ))}
      {phone && (
        <g>
          <rect x={W + GAP} y={height - ph} width={pw} height={ph} rx={9} fill="#2b2b2b" />
          <rect x={W + GAP + 3} y={height - ph + 3} width={pw - 6} height={ph - 6} rx={7} fill="#5d6d7e" />
        </g>
      )}
    </svg>
  );
}
