/** One-line charts for the terminal: a value a character, eight heights, a gap where there is no value. */
const BLOCKS = '▁▂▃▄▅▆▇█';

/** `lo`..`hi` is the scale (default: 0 to the largest value), so that several lines compare. */
export function sparkline(values: readonly (number | null)[], lo = 0, hi?: number): string {
  const top = hi ?? Math.max(lo, ...values.filter((v): v is number => v !== null));
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      const u = top > lo ? (v - lo) / (top - lo) : 0;
      return BLOCKS[Math.min(7, Math.max(0, Math.round(u * 7)))]!;
    })
    .join('');
}

export const pct = (v: number, digits = 0): string => `${(100 * v).toFixed(digits)}%`;

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  ').trimEnd());
}
