/** Benchmark kits shared by several test files. */

/**
 * pub-155 of ../shared/bench/instances-public.json (its bag 102 x 71.5 x 45 mm): does not fit,
 * which no bound shows and only the complete search proves. Rows: name, w, h, d (mm).
 */
export const PUB_155_BAG: readonly [number, number, number] = [102, 71.5, 45];
export const PUB_155_ROWS = [
  ['cash', 40, 80, 4],
  ['airpods-pro-2-case', 21.7, 45.2, 60.6],
  ['lip-balm', 16, 16, 68],
  ['credit-card', 0.76, 85.6, 53.98],
  ['card-holder', 100, 6, 70],
  ['lip-balm', 16, 16, 68],
  ['perfume', 20, 80, 20],
  ['sanitizer', 15, 30, 80],
  ['keys', 60, 30, 15],
] as const;

/** The same kit as plain items. */
export const PUB_155_ITEMS = PUB_155_ROWS.map(([name, w, h, d]) => ({ name, dims: { w, h, d } }));
