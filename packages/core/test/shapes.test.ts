import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import { bestSpotAlone, boxInside, innerBoxes, pointInside, shapeVolume } from '../src/geometry/shapes.js';
import type { Interior } from '../src/model/bag.js';
import type { FitInput } from '../src/model/fit.js';
import type { Item } from '../src/model/item.js';
import { interiorArb } from './interior-arb.js';

/** MICROPURSE_FUZZ=N multiplies the property runs (a long fuzz, not for every `npm test`). */
const FUZZ = Number(process.env['MICROPURSE_FUZZ'] ?? 1);

const len = (min: number, max: number) => fc.integer({ min: min * 4, max: max * 4 }).map((v) => v / 4);

const shapeArb: fc.Arbitrary<Interior> = fc.oneof(
  fc.record({ w: len(20, 120), h: len(20, 100), d: len(10, 60), f: fc.double({ min: 0.3, max: 1, noNaN: true }), top: fc.boolean() }).map(
    ({ w, h, d, f, top }): Interior => ({ shape: 'trapezoid', w, h, d, w_narrow: w * f, narrow_at: top ? 'top' : 'bottom' }),
  ),
  fc.record({ w: len(20, 120), h: len(20, 100), d: len(10, 60) }).map((b): Interior => ({ shape: 'half-moon', ...b })),
  fc.record({ w: len(20, 120), h: len(20, 100), d: len(10, 60) }).map((b): Interior => ({ shape: 'round', ...b })),
  fc.record({ w: len(20, 120), h: len(20, 100), d: len(10, 60) }).map((b): Interior => ({ shape: 'cylinder', ...b })),
);

const itemsArb = fc.array(fc.record({ w: len(2, 60), h: len(2, 60), d: len(1, 30) }), { minLength: 1, maxLength: 5 }).map((ds) =>
  ds.map((dims, i): Item => ({ name: `i${i}`, dims, quantity: 1, rotation: 'all', shape: 'box' })),
);

function input(bag: Interior, items: Item[], timeLimitMs = 200): FitInput {
  return { bag, items, options: { timeLimitMs } };
}

/** Corners of every box tried on a grid of positions: an independent search for one box alone. */
function someSpotOnGrid(bag: Interior, w: number, h: number, d: number, steps = 24): boolean {
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      for (let k = 0; k <= steps; k++) {
        const x = ((bag.w - w) * i) / steps;
        const y = ((bag.h - h) * j) / steps;
        const z = ((bag.d - d) * k) / steps;
        if (x < 0 || y < 0 || z < 0) return false;
        let ok = true;
        for (let c = 0; c < 8 && ok; c++) ok = pointInside(bag, c & 1 ? x + w : x, c & 2 ? y + h : y, c & 4 ? z + d : z);
        if (ok) return true;
      }
    }
  }
  return false;
}

describe('interior shapes', () => {
  it('a box inside the shape has every sampled point inside', () => {
    fc.assert(
      fc.property(shapeArb, fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), (bag, [u, v, t]) => {
        for (const b of innerBoxes(bag)) {
          if (!boxInside(bag, b.x, b.y, b.z, b.w, b.h, b.d)) return false;
          if (!pointInside(bag, b.x + u * b.w, b.y + v * b.h, b.z + t * b.d)) return false;
        }
        return true;
      }),
      { numRuns: 200 * FUZZ },
    );
  });

  it('boxInside says exactly what testing its eight corners with pointInside says, near every boundary', () => {
    // Boxes placed around the shape's edges (and beyond), so both answers come up often.
    const coord = fc.double({ min: -0.2, max: 1.1, noNaN: true });
    const ext = fc.double({ min: 0, max: 0.9, noNaN: true });
    fc.assert(
      fc.property(fc.oneof(shapeArb, interiorArb), coord, coord, coord, ext, ext, ext, (bag, u, v, t, a, b, c) => {
        const [x, y, z, w, h, d] = [u * bag.w, v * bag.h, t * bag.d, a * bag.w, b * bag.h, c * bag.d];
        let corners = true;
        for (let k = 0; k < 8 && corners; k++) corners = pointInside(bag, k & 1 ? x + w : x, k & 2 ? y + h : y, k & 4 ? z + d : z);
        expect(boxInside(bag, x, y, z, w, h, d)).toBe(corners);
      }),
      { numRuns: 2000 * FUZZ },
    );
  });

  it('knows the volumes of its shapes', () => {
    expect(shapeVolume({ shape: 'box', w: 10, h: 20, d: 30 })).toBe(6000);
    expect(shapeVolume({ shape: 'trapezoid', w: 10, h: 20, d: 30, w_narrow: 6, narrow_at: 'top' })).toBe(4800);
    expect(shapeVolume({ shape: 'round', w: 20, h: 20, d: 10 })).toBeCloseTo(Math.PI * 100 * 10);
    expect(shapeVolume({ shape: 'half-moon', w: 20, h: 10, d: 10 })).toBeCloseTo((Math.PI * 10 * 10 * 10) / 2);
    expect(shapeVolume({ shape: 'cylinder', w: 20, h: 10, d: 20 })).toBeCloseTo(Math.PI * 100 * 10);
  });

  it('the single-box test is exact: a grid search never finds a spot it missed', () => {
    fc.assert(
      fc.property(shapeArb, len(2, 100), len(2, 90), len(1, 50), (bag, w, h, d) => {
        const spot = bestSpotAlone(bag, w, h, d);
        if (spot) return boxInside(bag, spot[0], spot[1], spot[2], w, h, d);
        return !someSpotOnGrid(bag, w, h, d, 12);
      }),
      { numRuns: 300 * FUZZ },
    );
  });

  it('never accepts a layout with a corner outside, and what fits the shape fits its bounding box', () => {
    fc.assert(
      fc.property(shapeArb, itemsArb, (bag, items) => {
        const r = fit(input(bag, items));
        if (r.verdict === 'fits') {
          expect(verifyLayout(bag, items, r.placements)).toEqual({ ok: true });
          for (const p of r.placements) expect(boxInside(bag, p.x, p.y, p.z, p.w, p.h, p.d)).toBe(true);
          const box = fit(input({ shape: 'box', w: bag.w, h: bag.h, d: bag.d }, items, 2000));
          expect(box.verdict).toBe('fits');
        }
      }),
      { numRuns: 150 * FUZZ },
    );
  });

  it('says "does not fit" only with a proof that holds for the shape', () => {
    fc.assert(
      fc.property(shapeArb, itemsArb, (bag, items) => {
        const r = fit(input(bag, items));
        if (r.verdict !== 'does-not-fit') return;
        const reason = r.reasons[0]!;
        switch (reason.code) {
          case 'item-too-large': {
            // No orientation of that item has any spot on a fine grid.
            const it = items[reason.item]!;
            const [a, b, c] = [it.dims.w, it.dims.h, it.dims.d];
            for (const [w, h, d] of [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]] as const) {
              expect(someSpotOnGrid(bag, w, h, d, 16)).toBe(false);
            }
            break;
          }
          case 'volume':
            expect(items.reduce((s, it) => s + it.dims.w * it.dims.h * it.dims.d, 0)).toBeGreaterThan(shapeVolume(bag));
            break;
          default: {
            // Otherwise the proof was about the bounding box, which contains the shape.
            const box = fit(input({ shape: 'box', w: bag.w, h: bag.h, d: bag.d }, items, 2000));
            expect(box.verdict).toBe('does-not-fit');
          }
        }
      }),
      { numRuns: 150 * FUZZ },
    );
  });

  it('fits a phone along the middle of a bucket bag, where the walls are farthest apart', () => {
    const bag: Interior = { shape: 'cylinder', w: 152, h: 92, d: 67 };
    const phone: Item = { name: 'iPhone 15', dims: { w: 71.6, h: 147.6, d: 7.8 }, quantity: 1, rotation: 'all', shape: 'box' };
    const r = fit(input(bag, [phone]));
    expect(r.verdict).toBe('fits');
    expect(r.placements[0]!.z).toBeGreaterThan(20);
    // 2 mm wider and it no longer fits along the chord: too large in every orientation.
    const wide = fit(input(bag, [{ ...phone, dims: { w: 71.6, h: 153, d: 7.8 } }]));
    expect(wide.verdict).toBe('does-not-fit');
    expect(wide.reasons[0]!.code).toBe('item-too-large');
  });

  it('uses the wide end of a trapezoid', () => {
    const bag: Interior = { shape: 'trapezoid', w: 100, h: 60, d: 30, w_narrow: 50, narrow_at: 'top' };
    const bar: Item = { name: 'bar', dims: { w: 90, h: 10, d: 10 }, quantity: 1, rotation: 'fixed', shape: 'box' };
    const r = fit(input(bag, [bar]));
    expect(r.verdict).toBe('fits');
    expect(r.placements[0]!.y).toBeLessThan(1);
    const flipped = fit(input({ ...bag, narrow_at: 'bottom' }, [bar]));
    expect(flipped.verdict).toBe('fits');
    expect(flipped.placements[0]!.y).toBeGreaterThanOrEqual(48 - 1e-6); // width 50 + 50·y/60 reaches 90 at y = 48
  });
});

describe('openings, give, soft items, cases', () => {
  const phone: Item = { name: 'phone', dims: { w: 71.6, h: 147.6, d: 7.8 }, quantity: 1, rotation: 'all', shape: 'box' };
  const box = (w: number, h: number, d: number, extra: Partial<Extract<Interior, { shape: 'box' }>> = {}): Interior => ({ shape: 'box', w, h, d, ...extra });

  it('refuses an item that cannot pass the opening, naming it and by how much', () => {
    const compact: Item = { name: 'compact', dims: { w: 70, h: 15, d: 70 }, quantity: 1, rotation: 'all', shape: 'cylinder' };
    const r = fit(input(box(120, 90, 50, { opening: { length: 60, gape: 30 } }), [compact]));
    expect(r.verdict).toBe('does-not-fit');
    expect(r.reasons[0]).toMatchObject({ code: 'blocked-by-opening', name: 'compact', by_mm: 10 });
    expect(fit(input(box(120, 90, 50, { opening: { length: 72, gape: 30 } }), [compact])).verdict).toBe('fits');
  });

  it('lets a soft bag give in depth', () => {
    const two: Item = { ...phone, quantity: 4 };
    expect(fit(input(box(80, 150, 30), [two])).verdict).toBe('does-not-fit');
    const r = fit(input(box(80, 150, 30, { give: 2 }), [two]));
    expect(r.verdict).toBe('fits');
    expect(verifyLayout(box(80, 150, 30, { give: 2 }), [two], r.placements)).toEqual({ ok: true });
  });

  it('squeezes a soft item only when it has to', () => {
    const tissues: Item = { name: 'tissues', dims: { w: 105, h: 55, d: 25 }, quantity: 1, rotation: 'all', shape: 'box', soft: { squeeze: 0.25 } };
    const roomy = fit(input(box(120, 60, 40), [tissues]));
    expect(roomy.verdict).toBe('fits');
    expect(Math.min(roomy.placements[0]!.w, roomy.placements[0]!.h, roomy.placements[0]!.d)).toBe(25);
    const tight = fit(input(box(120, 60, 20), [tissues]));
    expect(tight.verdict).toBe('fits');
    expect(Math.min(tight.placements[0]!.w, tight.placements[0]!.h, tight.placements[0]!.d)).toBeCloseTo(18.75);
    expect(verifyLayout(box(120, 60, 20), [tissues], tight.placements)).toEqual({ ok: true });
    expect(fit(input(box(120, 60, 18), [tissues])).verdict).toBe('does-not-fit');
  });

  it('adds the case allowance to a phone in a case', () => {
    const bag = box(75, 150, 10);
    expect(fit(input(bag, [phone])).verdict).toBe('fits');
    const cased = fit(input(bag, [{ ...phone, withCase: true }]));
    expect(cased.verdict).toBe('does-not-fit');
    expect(cased.reasons[0]).toMatchObject({ code: 'item-too-large' });
  });
});
