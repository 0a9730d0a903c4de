/**
 * A small ASCII top view and front view of a layout, for terminals and snapshot tests.
 *
 * Top view: looking down into the bag, w across and d (front at the bottom) down the page; a cell
 * shows the highest piece there. Front view: looking at the front, w across and h up; a cell shows
 * the frontmost piece. A cell counts as covered when any part of a piece lies in it, so a 0.76 mm
 * card still shows. Terminal cells are about twice as tall as wide, hence half as many rows.
 */
import type { Placement } from '../model/fit.js';

export interface AsciiOptions {
  /** Columns for the bag's width (default 40). */
  readonly columns?: number;
}

export const PIECE_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

type Box = Pick<Placement, 'x' | 'y' | 'z' | 'w' | 'h' | 'd'>;

export function renderViews(bag: { w: number; h: number; d: number }, placements: readonly Box[], opts: AsciiOptions = {}): string {
  const cols = opts.columns ?? 40;
  const scale = cols / bag.w; // columns per mm
  const rowsFor = (mm: number) => Math.max(1, Math.round((mm * scale) / 2));
  const top = grid(cols, rowsFor(bag.d), bag.w, bag.d, placements, (p) => [p.x, p.z, p.w, p.d], (p) => p.y + p.h, true);
  const front = grid(cols, rowsFor(bag.h), bag.w, bag.h, placements, (p) => [p.x, p.y, p.w, p.h], (p) => -p.z, true);
  const pad = ' '.repeat(2);
  const lines = [`Top view (w x d, front at bottom)${' '.repeat(Math.max(0, cols + 2 - 33))}${pad}Front view (w x h)`];
  const height = Math.max(top.length, front.length);
  for (let i = 0; i < height; i++) {
    const l = top[i] ?? ' '.repeat(cols + 2);
    const r = front[i - (height - front.length)] ?? '';
    lines.push(`${l}${pad}${r}`.trimEnd());
  }
  return lines.join('\n');
}

/**
 * Rows run from the far side (d or h at its maximum) at the top of the page to 0 at the bottom.
 * `rect` gives [u, v, du, dv] in the view's plane; the piece with the largest `rank` wins a cell.
 */
function grid(
  cols: number,
  rows: number,
  U: number,
  V: number,
  placements: readonly Box[],
  rect: (p: Box) => [number, number, number, number],
  rank: (p: Box) => number,
  border: boolean,
): string[] {
  const cells: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('.'));
  const best: number[][] = Array.from({ length: rows }, () => Array<number>(cols).fill(-Infinity));
  placements.forEach((p, i) => {
    const [u, v, du, dv] = rect(p);
    const c0 = Math.max(0, Math.floor((u / U) * cols + 1e-9));
    const c1 = Math.min(cols - 1, Math.ceil(((u + du) / U) * cols - 1e-9) - 1);
    const r0 = Math.max(0, Math.floor((v / V) * rows + 1e-9));
    const r1 = Math.min(rows - 1, Math.ceil(((v + dv) / V) * rows - 1e-9) - 1);
    const label = PIECE_LABELS[i % PIECE_LABELS.length]!;
    for (let r = r0; r <= Math.max(r0, r1); r++) {
      for (let c = c0; c <= Math.max(c0, c1); c++) {
        const row = rows - 1 - r;
        if (rank(p) > best[row]![c]!) {
          best[row]![c] = rank(p);
          cells[row]![c] = label;
        }
      }
    }
  });
  const body = cells.map((r) => r.join(''));
  if (!border) return body;
  const edge = `+${'-'.repeat(cols)}+`;
  return [edge, ...body.map((b) => `|${b}|`), edge];
}
