import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bassF,
  bassHalfTime,
  bassTimeTo,
  beta,
  poisson,
  childSeed,
  createRng,
  fitBass,
  nelderMead,
  predictShare,
  seasonPeak,
  type Series,
} from '../src/index.js';

describe('the Bass curve', () => {
  it('is 0 before launch, rises to 1, and starts at slope p', () => {
    expect(bassF(-1, 0.03, 0.4)).toBe(0);
    expect(bassF(0, 0.03, 0.4)).toBe(0);
    expect(bassF(400, 0.03, 0.4)).toBeCloseTo(1, 9);
    expect(bassF(1e-6, 0.03, 0.4) / 1e-6).toBeCloseTo(0.03, 5);
  });

  it('has bassTimeTo as its inverse, and its half-time ln(2 + q/p)/(p + q)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p, q, f) => {
        expect(bassF(bassTimeTo(f, p, q), p, q)).toBeCloseTo(f, 9);
      }),
    );
    expect(bassHalfTime({ p: 0.03, q: 0.4, t0: 6 })).toBeCloseTo(6 + Math.log(2 + 0.4 / 0.03) / 0.43, 12);
  });
});

describe('Nelder-Mead', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const rosen = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const r = nelderMead(rosen, [-1.2, 1], { step: [0.5, 0.5], maxEvals: 4000, tolF: 1e-14, tolX: 1e-9 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.evals).toBeLessThanOrEqual(4000);
  });
});

describe('the seeded random source', () => {
  it('repeats itself for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(childSeed(1, 0)).not.toBe(childSeed(1, 1));
  });

  it('draws Poisson and Beta variates with the right mean and variance', () => {
    const rng = createRng(42);
    const moments = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length };
    };
    for (const lambda of [3, 25, 400]) {
      const { mean, variance } = moments(Array.from({ length: 4000 }, () => poisson(rng, lambda)));
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 4000));
      expect(variance / lambda).toBeGreaterThan(0.85);
      expect(variance / lambda).toBeLessThan(1.15);
    }
    for (const [a, b] of [
      [2, 5],
      [0.5, 0.5],
      [80, 320],
    ] as const) {
      const xs = Array.from({ length: 4000 }, () => beta(rng, a, b));
      const { mean, variance } = moments(xs);
      const m = a / (a + b);
      const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
      expect(Math.abs(mean - m)).toBeLessThan(4 * Math.sqrt(v / 4000));
      expect(variance / v).toBeGreaterThan(0.85);
      expect(variance / v).toBeLessThan(1.15);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(1);
    }
  });
});

/** A tier's series read straight off a curve, no noise: months 0..months-1 of 500 listings each. */
function exactSeries(p: number, q: number, m: number, t0: number, months: number, seasonal: [number, number] = [0, 0], start = 24252): Series {
  const t = Array.from({ length: months }, (_, i) => i);
  return { start, t, n: t.map(() => 500), y: t.map((i) => predictShare({ p, q, m, t0, seasonal }, i, start)) };
}

describe('the Bass fit', () => {
  it('recovers p, q, m and t0 from a curve without noise', () => {
    for (const [p, q, m, t0] of [
      [0.03, 0.4, 0.55, 6],
      [0.08, 0.25, 0.3, 2],
      [0.01, 0.7, 0.8, 10],
    ] as const) {
      const r = fitBass(exactSeries(p, q, m, t0, 48));
      if (!r.ok) throw new Error(r.reason);
      expect(r.fit.p).toBeCloseTo(p, 3);
      expect(r.fit.q).toBeCloseTo(q, 3);
      expect(r.fit.m).toBeCloseTo(m, 3);
      expect(r.fit.t0).toBeCloseTo(t0, 1);
      expect(r.fit.rmse).toBeLessThan(1e-4);
    }
  });

  it('recovers a yearly season on top of the curve', () => {
    const r = fitBass(exactSeries(0.03, 0.4, 0.5, 4, 48, [0.1, -0.05]));
    if (!r.ok) throw new Error(r.reason);
    expect(r.fit.seasonal[0]).toBeCloseTo(0.1, 3);
    expect(r.fit.seasonal[1]).toBeCloseTo(-0.05, 3);
    const s = seasonPeak(r.fit.seasonal);
    expect(s.amplitude).toBeCloseTo(Math.hypot(0.1, 0.05), 3);
  });

  it('refuses a series with too few months or matches, saying why', () => {
    const few = fitBass({ start: 0, t: [0, 1, 2], n: [10, 10, 10], y: [0.1, 0.2, 0.3] });
    expect(few).toEqual({ ok: false, reason: expect.stringMatching(/3 month\(s\) with listings/) });
    const none = fitBass({ start: 0, t: [0, 1, 2, 3, 4], n: [10, 10, 10, 10, 10], y: [0, 0, 0.1, 0, 0] });
    expect(none).toEqual({ ok: false, reason: expect.stringMatching(/only 1 matching listing/) });
  });
});
