/**
 * fit(): verdicts, reasons and budgets on hand-made kits, and agreement with the labelled
 * benchmark set. Every "fits" here must also pass the independent verifier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBatchInstance } from '../src/fit/batch.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { FitInput, FitResult, Reason } from '../src/model/fit.js';
import type { RotationRule } from '../src/geometry/orientation.js';
import { PUB_155_BAG, PUB_155_ROWS } from './kits.js';

type ItemSpec = [name: string, w: number, h: number, d: number, quantity?: number, rotation?: RotationRule];

function kit(bag: [number, number, number], items: ItemSpec[], options: Partial<FitInput['options']> = {}): FitInput {
  return {
    bag: { shape: 'box', w: bag[0], h: bag[1], d: bag[2] },
    items: items.map(([name, w, h, d, quantity, rotation]) => ({
      name,
      dims: { w, h, d },
      quantity: quantity ?? 1,
      rotation: typeof rotation === 'string' || rotation === undefined ? (rotation ?? 'all') : [...rotation],
      shape: 'box' as const,
    })),
    options: { timeLimitMs: 10_000, ...options },
  };
}

/** The result, after checking the contract every verdict carries. */
function fitChecked(input: FitInput, env: Parameters<typeof fit>[1] = {}): FitResult {
  const res = fit(input, env);
  if (res.verdict === 'fits') {
    expect(verifyLayout(input.bag, input.items, res.placements)).toEqual({ ok: true });
    expect(res.reasons).toEqual([]);
  } else {
    expect(res.placements).toEqual([]);
    expect(res.reasons.length).toBeGreaterThan(0);
  }
  return res;
}

function reason<C extends Reason['code']>(res: FitResult, code: C): Extract<Reason, { code: C }> {
  const r = res.reasons.find((x) => x.code === code);
  expect(r, `expected a "${code}" reason, got ${JSON.stringify(res.reasons)}`).toBeDefined();
  return r as Extract<Reason, { code: C }>;
}

const CARD: [number, number, number] = [85.6, 53.98, 0.76];

/** Two benchmark kits that only the complete search settles (greedy fails, no bound applies). */
const SEARCH_KITS: { id: string; input: FitInput; fits: boolean }[] = [
  {
    id: 'pub-155',
    fits: false,
    input: kit([...PUB_155_BAG], PUB_155_ROWS.map(([name, w, h, d]) => [name, w, h, d])),
  },
  {
    id: 'pub-132',
    fits: true,
    input: kit([92.5, 85.5, 36.5], [
      ['cash', 80, 40, 4],
      ['lipstick', 20, 20, 75],
      ['sanitizer', 80, 30, 15],
      ['airpods-4-case', 46.2, 50.1, 21.2],
      ['lip-balm', 16, 16, 68],
      ['keys', 15, 30, 60],
      ['credit-card', 53.98, 0.76, 85.6],
      ['hair-tie', 40, 40, 5],
      ['credit-card', 85.6, 53.98, 0.76],
    ]),
  },
];

/** A tiny kit that takes the search ~80 million nodes (seconds) to settle (it does not fit). */
const SLOW_KIT = kit([5, 5, 5], [
  ['a', 2, 4, 2, 3],
  ['b', 3, 4, 1, 2, 'fixed'],
  ['c', 4, 4, 1, 1],
  ['e', 4, 3, 1, 3],
]);

describe('fit(): verdicts and reasons', () => {
  it('an empty kit fits, trivially', () => {
    const res = fitChecked(kit([10, 10, 10], []));
    expect(res).toEqual({ verdict: 'fits', placements: [], reasons: [], stats: { method: 'trivial', nodes: 0 } });
  });

  it('an item longer than the bag: item-too-large with the least overshoot', () => {
    // An iPhone 15 (71.6 x 147.6 x 7.8) in a 100 x 70 x 30 interior: lying along w it still
    // overshoots by 47.6 mm; every other pose overshoots more.
    const res = fitChecked(kit([100, 70, 30], [['lipstick', 20, 20, 75], ['iphone-15', 71.6, 147.6, 7.8]]));
    expect(res.verdict).toBe('does-not-fit');
    expect(res.stats.method).toBe('bound');
    const r = reason(res, 'item-too-large');
    expect(r).toMatchObject({ item: 1, name: 'iphone-15' });
    expect(r.overshoot_mm).toBeCloseTo(47.6, 6);
  });

  it("an 'upright' item too tall for the bag, though it would fit lying down", () => {
    const res = fitChecked(kit([100, 50, 100], [['perfume', 20, 80, 20, 1, 'upright']]));
    expect(res.verdict).toBe('does-not-fit');
    expect(reason(res, 'item-too-large').overshoot_mm).toBeCloseTo(30, 6);
    expect(fitChecked(kit([100, 50, 100], [['perfume', 20, 80, 20, 1, 'all']])).verdict).toBe('fits');
  });

  it('more volume than the bag: volume, ratio above 1', () => {
    // Nine 5 mm cubes in a 10 mm cube: 1125 of 1000 mm3.
    const res = fitChecked(kit([10, 10, 10], [['cube', 5, 5, 5, 9]]));
    expect(res.verdict).toBe('does-not-fit');
    const r = reason(res, 'volume');
    expect(r.items_mm3).toBeCloseTo(1125, 6);
    expect(r.ratio).toBeGreaterThan(1);
    expect(r.ratio).toBeCloseTo(1.125, 3);
  });

  it('more volume than the usable part of the bag: the sliver no sum of extents reaches', () => {
    // Nine 5 mm cubes in an 11 mm cube: 1125 of 1331 mm3, but only 10 mm of each side can be
    // used (sums of 5), so 1000 mm3.
    const res = fitChecked(kit([11, 11, 11], [['cube', 5, 5, 5, 9]]));
    expect(res.verdict).toBe('does-not-fit');
    const r = reason(res, 'volume');
    expect(r.bag_mm3).toBeCloseTo(1331, 6);
    expect(r.usable_mm3).toBeCloseTo(1000, 6);
    expect(r.ratio).toBeCloseTo(1.125, 3);
    // With eight cubes it fits (2 x 2 x 2).
    expect(fitChecked(kit([11, 11, 11], [['cube', 5, 5, 5, 8]])).verdict).toBe('fits');
  });

  it('two items that cannot lie side by side along any axis: pair-conflict', () => {
    // Each is at least 6 (resp. 5) mm along every axis; 6 + 5 > 10 whichever way.
    const res = fitChecked(kit([10, 10, 10], [['pebble', 1, 1, 1], ['cube', 6, 6, 6], ['tin', 7, 7, 5]]));
    expect(res.verdict).toBe('does-not-fit');
    expect(res.stats.method).toBe('bound');
    expect(reason(res, 'pair-conflict')).toMatchObject({ items: [1, 2], names: ['cube', 'tin'] });
  });

  it('six ID-1 cards stack in a 90 x 60 x 5 bag', () => {
    const res = fitChecked(kit([90, 60, 5], [['card', ...CARD, 6]]));
    expect(res.verdict).toBe('fits');
    expect(res.placements).toHaveLength(6);
    // One stack along d: 6 x 0.76 = 4.56 mm.
    for (const p of res.placements) expect(p.d).toBeCloseTo(0.76, 9);
  });

  it('seven ID-1 cards do not: 7 x 0.76 = 5.32 > 5, and only one stack fits', () => {
    const res = fitChecked(kit([90, 60, 5], [['card', ...CARD, 7]]));
    expect(res.verdict).toBe('does-not-fit');
    expect(['volume', 'search-exhausted', 'pair-conflict']).toContain(res.reasons[0]!.code);
  });

  it('cards listed in any order of their dims are the same cards', () => {
    const shuffled = kit([90, 60, 5], [
      ['a', 0.76, 85.6, 53.98, 3],
      ['b', 53.98, 0.76, 85.6, 3],
    ]);
    expect(fitChecked(shuffled).verdict).toBe('fits');
    shuffled.items.push({ name: 'c', dims: { w: 85.6, h: 53.98, d: 0.76 }, quantity: 1, rotation: 'all', shape: 'box' });
    expect(fitChecked(shuffled).verdict).toBe('does-not-fit');
  });

  it('a bag filled exactly by published lengths (float sums) fits', () => {
    // 0.1 + 0.1 + 50.1 is 50.300000000000004 in floating point; the bag is 50.3 wide.
    const res = fitChecked(kit([50.3, 10, 10], [['card', 0.1, 10, 10, 2, 'fixed'], ['case', 50.1, 10, 10, 1, 'fixed']]));
    expect(res.verdict).toBe('fits');
  });

  it('both search kits are settled by the search, matching their labels', () => {
    for (const { id, input, fits } of SEARCH_KITS) {
      const res = fitChecked(input);
      expect(res.stats.method, id).toBe('search');
      expect(res.verdict, id).toBe(fits ? 'fits' : 'does-not-fit');
      expect(res.stats.nodes, id).toBeGreaterThan(256);
    }
  });
});

describe('fit(): budgets turn into "undecided", never into a guess', () => {
  it('nodeLimit: 1 stops the search: undecided, node-limit', () => {
    for (const { id, input } of SEARCH_KITS) {
      const res = fitChecked({ ...input, options: { ...input.options, nodeLimit: 1 } });
      expect(res.verdict, id).toBe('undecided');
      expect(res.stats.method, id).toBe('search');
      const r = reason(res, 'node-limit');
      expect(r.nodes, id).toBeLessThanOrEqual(2);
    }
  });

  it('the node limit is exact: the nodes a search needs are enough, one fewer is not', () => {
    for (const { id, input, fits } of SEARCH_KITS) {
      const needed = fit(input).stats.nodes;
      const enough = fitChecked({ ...input, options: { ...input.options, nodeLimit: needed } });
      expect(enough.verdict, id).toBe(fits ? 'fits' : 'does-not-fit');
      const short = fitChecked({ ...input, options: { ...input.options, nodeLimit: needed - 1 } });
      expect(short.verdict, id).toBe('undecided');
      expect(reason(short, 'node-limit').nodes, id).toBeGreaterThanOrEqual(needed - 1);
    }
  });

  it('a clock that jumps past the deadline: undecided, time-limit', () => {
    for (const { id, input } of SEARCH_KITS) {
      let calls = 0;
      const now = (): number => (calls++ === 0 ? 1_000 : 1_000 + 10 * input.options.timeLimitMs);
      const res = fitChecked(input, { now });
      expect(res.verdict, id).toBe('undecided');
      const r = reason(res, 'time-limit');
      expect(r.limit_ms, id).toBe(input.options.timeLimitMs);
      expect(calls, id).toBeGreaterThan(1);
      // A clock that never moves lets the same search finish.
      expect(fitChecked(input, { now: () => 1_000 }).verdict, id).not.toBe('undecided');
    }
  });

  it('a clock just short of the deadline does not stop the search', () => {
    const { input, fits } = SEARCH_KITS[0]!;
    let calls = 0;
    const now = (): number => (calls++ === 0 ? 0 : input.options.timeLimitMs);
    expect(fitChecked(input, { now }).verdict).toBe(fits ? 'fits' : 'does-not-fit');
  });

  it('the real clock: a 100 ms budget on a slow kit stops within a fraction of a second', () => {
    const started = Date.now();
    const res = fitChecked({ ...SLOW_KIT, options: { timeLimitMs: 100 } });
    const elapsed = Date.now() - started;
    expect(res.verdict).toBe('undecided');
    expect(reason(res, 'time-limit').limit_ms).toBe(100);
    expect(elapsed).toBeLessThan(1_500);
  });
});

describe('fit() against the labelled benchmark set', () => {
  const file = fileURLToPath(new URL('../../../../shared/bench/instances-public.json', import.meta.url));
  const present = existsSync(file);
  if (!present) console.warn(`skipping the benchmark labels test: ${file} is absent`);

  it.skipIf(!present)('every verdict on instances-public.json agrees with its label', () => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { id: string; fits: boolean | null }[];
    expect(raw.length).toBe(200);
    const wrong: string[] = [];
    const undecided: string[] = [];
    const methods: Record<string, number> = {};
    raw.forEach((inst, i) => {
      const parsed = parseBatchInstance(inst, i, 5_000);
      if (!parsed.ok) throw new Error(`instance ${String(parsed.id)}: ${parsed.field}: ${parsed.message}`);
      const res = fitChecked(parsed.input);
      methods[`${res.verdict}/${res.stats.method}`] = (methods[`${res.verdict}/${res.stats.method}`] ?? 0) + 1;
      if (res.verdict === 'undecided') undecided.push(inst.id);
      else if (inst.fits !== null && (res.verdict === 'fits') !== inst.fits) wrong.push(`${inst.id}: ${res.verdict}, labelled ${inst.fits ? 'fits' : 'does not fit'}`);
    });
    console.log('instances-public.json:', JSON.stringify(methods));
    expect(wrong).toEqual([]);
    expect(undecided).toEqual([]);
  });
});
