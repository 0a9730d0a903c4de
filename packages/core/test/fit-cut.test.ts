/**
 * Instances that fit by construction: cut a bag into pieces, list each piece with its dims in a
 * random order, and ask whether the pieces fit back. They fill the bag to 100%, so no bound may
 * say no; with real-valued cuts the sums of lengths carry float noise that the tolerance must
 * absorb. "does-not-fit" on any of them is a wrong answer; "undecided" is allowed (and counted).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { FitInput } from '../src/model/fit.js';

type Box = [number, number, number];

const PERMS: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

const CODES = ['whd', 'wdh', 'hwd', 'hdw', 'dwh', 'dhw'] as const;
type Code = (typeof CODES)[number];

/**
 * The orientation code that turns dims listed as (e[perm[0]], e[perm[1]], e[perm[2]]) back into
 * the extents e: along bag axis ax lies the listed axis i with perm[i] = ax.
 */
function poseCode(perm: readonly [number, number, number]): Code {
  const letters = ['w', 'h', 'd'];
  const inv = [0, 0, 0];
  perm.forEach((ax, i) => (inv[ax] = i));
  return `${letters[inv[0]!]}${letters[inv[1]!]}${letters[inv[2]!]}` as Code;
}

const lengthArb = fc.double({ min: 20, max: 200, noNaN: true, noDefaultInfinity: true });
const bagArb = fc.tuple(lengthArb, lengthArb, lengthArb);
/** Mostly arbitrary cut positions; some halves and thirds, which make exact (and near) twins. */
const fracArb = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0.08, max: 0.92, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 1 / 3, 2 / 3) },
);
const cutArb = fc.record({ pick: fc.nat(), axis: fc.constantFrom(0, 1, 2), frac: fracArb });
const permsArb = fc.array(fc.nat({ max: 5 }), { minLength: 20, maxLength: 20 });

/** Guillotine cuts: each cut splits one piece in two along an axis, so n cuts give n + 1 pieces. */
function guillotine(bag: Box, cuts: readonly { pick: number; axis: number; frac: number }[]): Box[] {
  const pieces: Box[] = [[...bag]];
  for (const { pick, axis, frac } of cuts) {
    const i = pick % pieces.length;
    const p = pieces[i]!;
    const cut = p[axis]! * frac;
    const a: Box = [...p];
    const b: Box = [...p];
    a[axis] = cut;
    b[axis] = p[axis]! - cut;
    pieces.splice(i, 1, a, b);
  }
  return pieces;
}

/**
 * The classic non-guillotine "pinwheel": four rectangles turning around a centre one, in the
 * plane of axes (p, q) of `region`, extruded through the third axis. Cut positions fp1 < fp2 along
 * p and fq1 < fq2 along q, as fractions.
 *
 *   q ^  D D C C C
 *     |  D D E E B      (A bottom-left to the second p cut, B right up to the second q cut,
 *     |  D D E E B       C top from the first p cut, D left from the first q cut, E the centre)
 *     |  A A A A B
 *     +-----------> p
 */
function pinwheel(region: Box, plane: 0 | 1 | 2, f: { p1: number; p2: number; q1: number; q2: number }): Box[] {
  const axes: readonly [number, number, number] = plane === 0 ? [0, 1, 2] : plane === 1 ? [1, 2, 0] : [0, 2, 1];
  const [pa, qa, ra] = axes;
  const P = region[pa]!;
  const Q = region[qa]!;
  const R = region[ra]!;
  const p1 = P * f.p1;
  const p2 = P * f.p2;
  const q1 = Q * f.q1;
  const q2 = Q * f.q2;
  const rects: [number, number][] = [
    [p2, q1], // A
    [P - p2, q2], // B
    [P - p1, Q - q2], // C
    [p1, Q - q1], // D
    [p2 - p1, q2 - q1], // E
  ];
  return rects.map(([lp, lq]) => {
    const box: Box = [0, 0, 0];
    box[pa] = lp;
    box[qa] = lq;
    box[ra] = R;
    return box;
  });
}

const pinwheelFracArb = fc.record({
  p1: fc.double({ min: 0.15, max: 0.45, noNaN: true }),
  p2: fc.double({ min: 0.55, max: 0.85, noNaN: true }),
  q1: fc.double({ min: 0.15, max: 0.45, noNaN: true }),
  q2: fc.double({ min: 0.55, max: 0.85, noNaN: true }),
});

function toInput(bag: Box, pieces: readonly Box[], perms: readonly number[], timeLimitMs: number): FitInput {
  return {
    bag: { shape: 'box', w: bag[0], h: bag[1], d: bag[2] },
    items: pieces.map((p, i) => {
      const [a, b, c] = PERMS[perms[i % perms.length]!]!;
      return { name: `piece${i}`, dims: { w: p[a]!, h: p[b]!, d: p[c]! }, quantity: 1, rotation: 'all' as const, shape: 'box' as const };
    }),
    options: { timeLimitMs },
  };
}

function volume(pieces: readonly Box[]): number {
  return pieces.reduce((s, p) => s + p[0] * p[1] * p[2], 0);
}

describe('bags cut into pieces always take their pieces back', () => {
  it('guillotine cuts, 2-14 pieces, real-valued positions: never "does-not-fit"', () => {
    const tally = { fits: 0, undecided: 0, runs: 0 };
    const undecidedSizes: number[] = [];
    fc.assert(
      fc.property(bagArb, fc.array(cutArb, { minLength: 1, maxLength: 13 }), permsArb, (bag, cuts, perms) => {
        const pieces = guillotine(bag, cuts);
        expect(volume(pieces) / (bag[0] * bag[1] * bag[2])).toBeCloseTo(1, 9);
        const input = toInput(bag, pieces, perms, 300);
        const res = fit(input);
        const context = JSON.stringify({ bag: input.bag, items: input.items.map((it) => it.dims), reasons: res.reasons });
        expect(res.verdict, context).not.toBe('does-not-fit');
        tally.runs++;
        if (res.verdict === 'fits') {
          tally.fits++;
          expect(verifyLayout(input.bag, input.items, res.placements), context).toEqual({ ok: true });
        } else {
          tally.undecided++;
          undecidedSizes.push(pieces.length);
        }
      }),
      { numRuns: 400 },
    );
    console.log(`guillotine cuts: ${tally.runs} runs, ${tally.fits} fit, ${tally.undecided} undecided at 300 ms (pieces: ${undecidedSizes.join(', ') || '-'})`);
  });

  it('guillotine cuts whose pieces carry rotation rules that allow the pose they were cut in', () => {
    let undecided = 0;
    const ruleArb = fc.record({ kind: fc.constantFrom('all', 'fixed', 'upright', 'codes'), perm: fc.nat({ max: 5 }), extra: fc.subarray([...CODES]) });
    fc.assert(
      fc.property(bagArb, fc.array(cutArb, { minLength: 1, maxLength: 9 }), fc.array(ruleArb, { minLength: 10, maxLength: 10 }), (bag, cuts, rules) => {
        const pieces = guillotine(bag, cuts);
        const input = toInput(bag, pieces, [0], 300);
        input.items.forEach((item, i) => {
          const e = pieces[i]!;
          const r = rules[i]!;
          if (r.kind === 'fixed') {
            item.rotation = 'fixed';
          } else if (r.kind === 'upright') {
            // Listed as cut, or turned a quarter about the vertical (w and d swapped).
            if (r.perm % 2 === 1) item.dims = { w: e[2], h: e[1], d: e[0] };
            item.rotation = 'upright';
          } else {
            const perm = PERMS[r.perm]!;
            item.dims = { w: e[perm[0]]!, h: e[perm[1]]!, d: e[perm[2]]! };
            if (r.kind === 'codes') item.rotation = [...new Set([poseCode(perm), ...r.extra])];
          }
        });
        const res = fit(input);
        const context = JSON.stringify({ bag: input.bag, items: input.items.map((it) => [it.dims, it.rotation]), reasons: res.reasons });
        expect(res.verdict, context).not.toBe('does-not-fit');
        if (res.verdict === 'fits') expect(verifyLayout(input.bag, input.items, res.placements), context).toEqual({ ok: true });
        else undecided++;
      }),
      { numRuns: 300 },
    );
    console.log(`guillotine cuts with rotation rules: 300 runs, ${undecided} undecided at 300 ms`);
  });

  it('a pinwheel (non-guillotine), extruded, real-valued sizes, dims shuffled: found', () => {
    fc.assert(
      fc.property(bagArb, fc.constantFrom(0, 1, 2), pinwheelFracArb, permsArb, (bag, plane, f, perms) => {
        const pieces = pinwheel(bag, plane, f);
        expect(volume(pieces) / (bag[0] * bag[1] * bag[2])).toBeCloseTo(1, 9);
        const input = toInput(bag, pieces, perms, 5000);
        const res = fit(input);
        const context = JSON.stringify({ bag: input.bag, items: input.items.map((it) => it.dims), reasons: res.reasons });
        expect(res.verdict, context).toBe('fits');
        expect(verifyLayout(input.bag, input.items, res.placements), context).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('a pinwheel nested in one part of a guillotine cut: never "does-not-fit"', () => {
    let undecided = 0;
    fc.assert(
      fc.property(
        bagArb,
        fc.array(cutArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.constantFrom(0, 1, 2),
        pinwheelFracArb,
        permsArb,
        (bag, cuts, which, plane, f, perms) => {
          const parts = guillotine(bag, cuts);
          const i = which % parts.length;
          const pieces = [...parts.slice(0, i), ...pinwheel(parts[i]!, plane, f), ...parts.slice(i + 1)];
          const input = toInput(bag, pieces, perms, 300);
          const res = fit(input);
          const context = JSON.stringify({ bag: input.bag, items: input.items.map((it) => it.dims), reasons: res.reasons });
          expect(res.verdict, context).not.toBe('does-not-fit');
          if (res.verdict === 'fits') expect(verifyLayout(input.bag, input.items, res.placements), context).toEqual({ ok: true });
          else undecided++;
        },
      ),
      { numRuns: 150 },
    );
    console.log(`nested pinwheels: 150 runs, ${undecided} undecided at 300 ms`);
  });

  it('a hand-made pinwheel: 100 x 100 x 10 around a 20 x 30 centre', () => {
    // Cuts at 20 and 60 along w, 35 and 65 along h: A 60x35, B 40x65, C 80x35, D 20x65, E 40x30.
    const pieces = pinwheel([100, 100, 10], 0, { p1: 0.2, p2: 0.6, q1: 0.35, q2: 0.65 });
    expect(pieces).toEqual([
      [60, 35, 10],
      [40, 65, 10],
      [80, 35, 10],
      [20, 65, 10],
      [40, 30, 10],
    ]);
    const input = toInput([100, 100, 10], pieces, [3, 1, 4, 1, 5], 5000);
    const res = fit(input);
    expect(res.verdict).toBe('fits');
    expect(verifyLayout(input.bag, input.items, res.placements)).toEqual({ ok: true });
  });
});
