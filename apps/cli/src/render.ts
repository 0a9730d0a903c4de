/** Text for people, shared by the commands: bags, kits, layouts. */
import {
  PIECE_LABELS,
  RIGID_FRAME_MM,
  WALL_MM,
  bagDisplayName,
  constructionOf,
  renderViews,
  type BagRecord,
  type Interior,
  type Item,
  type Placement,
} from '@micropurse/core';

export function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export function dimsText(d: { w: number; h: number; d: number }): string {
  return `${fmt(d.w)} x ${fmt(d.h)} x ${fmt(d.d)} mm`;
}

function describeShape(interior: Interior): string {
  switch (interior.shape) {
    case 'box':
      return 'box';
    case 'trapezoid':
      return `trapezoid (${fmt(interior.w_narrow)} mm at the ${interior.narrow_at})`;
    case 'half-moon':
      return 'half-moon';
    case 'round':
      return 'round';
    case 'cylinder':
      return 'cylinder (bucket)';
  }
}

/** "Bag: ..." lines: name, shape, interior, how it was derived, opening, give. */
export function bagLines(interior: Interior, record?: BagRecord, label = 'Bag:'): string[] {
  const out: string[] = [];
  const shape = interior.shape === 'box' ? '' : `${describeShape(interior)}, `;
  const head = label.padEnd(8);
  if (record) {
    const ext = record.exterior;
    const construction = constructionOf(record);
    const frame = construction === 'rigid' ? ` and ${RIGID_FRAME_MM} mm of frame` : '';
    out.push(`${head} ${bagDisplayName(record)} (${record.id}), ${shape}interior ${dimsText(interior)}`);
    out.push(`         derived: exterior ${dimsText(ext)}, ${construction} walls of ${WALL_MM[construction]} mm${frame}`);
  } else {
    out.push(`${head} ${shape}interior ${dimsText(interior)} (w x h x d)`);
  }
  if (interior.opening) out.push(`         opening ${fmt(interior.opening.length)} mm long, gaping ${fmt(interior.opening.gape)} mm`);
  if (interior.give) out.push(`         gives ${fmt(interior.give)} mm in depth`);
  return out;
}

export function kitLine(items: readonly Item[], interior?: Interior): string {
  const vol = items.reduce((s, it) => s + it.quantity * it.dims.w * it.dims.h * it.dims.d, 0);
  const pieces = items.reduce((s, it) => s + it.quantity, 0);
  const share = interior ? ` (${Math.round((100 * vol) / (interior.w * interior.h * interior.d))}% of the interior)` : '';
  return `Kit:     ${pieces} piece${pieces === 1 ? '' : 's'}, ${fmt(vol / 1000)} cm³${share}`;
}

/** The placements as a table, then the ASCII top and front views. */
export function layoutLines(bag: { w: number; h: number; d: number }, placements: readonly Placement[], columns: number): string[] {
  if (placements.length === 0) return [];
  const out = ['', '   piece                                   at x, y, z (mm)      size w x h x d (mm)'];
  placements.forEach((p, i) => {
    const label = PIECE_LABELS[i % PIECE_LABELS.length]!;
    const name = p.name.length > 36 ? `${p.name.slice(0, 35)}…` : p.name;
    const at = `${fmt(p.x)}, ${fmt(p.y)}, ${fmt(p.z)}`;
    out.push(`   ${label} ${name.padEnd(37)} ${at.padEnd(20)} ${fmt(p.w)} x ${fmt(p.h)} x ${fmt(p.d)}`);
  });
  out.push('', renderViews(bag, placements, { columns }));
  return out;
}

export const VERDICT_WORD = { fits: 'FITS', 'does-not-fit': 'DOES NOT FIT', undecided: 'UNDECIDED' } as const;
