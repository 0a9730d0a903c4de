import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES, familyAnchor, familyContains, familyHoldsBox, familyLengths, familyOf } from '../src/geometry/shape-family.js';
import { bestSpotAlone, effectiveInterior, pointInside } from '../src/geometry/shapes.js';
import type { Interior } from '../src/model/bag.js';
import { interiorArb } from './interior-arb.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** A copy of the interior with every length scaled down by its own factor (a trapezoid kept valid). */
function shrink(e: Interior, f: readonly number[]): Interior {
  const w = e.w * f[0]!;
  const base = { w, h: e.h * f[1]!, d: e.d * f[2]! };
  if (e.shape === 'trapezoid') return { shape: 'trapezoid', ...base, w_narrow: Math.min(w, e.w_narrow * f[3]!), narrow_at: e.narrow_at };
  return { shape: e.shape, ...base };
}

describe('shape families', () => {
  it('a smaller interior of a family, put anchor to anchor, lies inside the larger one', () => {
    fc.assert(
      fc.property(interiorArb, fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(unit, unit, unit), { minLength: 20, maxLength: 20 }), (bag, f, points) => {
        const big = effectiveInterior(bag);
        const small = shrink(big, f);
        expect(familyOf(small)).toBe(familyOf(big));
        expect(familyContains(familyLengths(big), familyLengths(small), false)).toBe(true);
        const a = familyAnchor(small);
        const b = familyAnchor(big);
        for (const [u, v, w] of points) {
          const [x, y, z] = [u * small.w, v * small.h, w * small.d];
          if (!pointInside(small, x, y, z)) continue;
          expect(pointInside(big, x - a[0] + b[0], y - a[1] + b[1], z - a[2] + b[2])).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('turned boxes compare by sorted sides, unturned ones side by side', () => {
    expect(familyContains([10, 20, 30, 0], [30, 10, 20, 0], true)).toBe(true);
    expect(familyContains([10, 20, 30, 0], [30, 10, 20, 0], false)).toBe(false);
    expect(familyContains([10, 20, 30, 5], [10, 20, 30, 6], false)).toBe(false);
  });

  it('the closed-form single-box test agrees with bestSpotAlone up to the tolerance', () => {
    fc.assert(
      fc.property(interiorArb, fc.tuple(unit, unit, unit), (bag, [p, q, r]) => {
        const e = effectiveInterior(bag);
        const fam = FAMILIES.indexOf(familyOf(e));
        const [a, b, c] = [p * e.w, q * e.h, r * e.d];
        const L = familyLengths(e);
        if (familyHoldsBox(fam, L, 0, a, b, c)) expect(bestSpotAlone(e, a, b, c)).not.toBeNull();
        // A box with room to spare on every side is accepted by both.
        if (bestSpotAlone(e, a + 1e-3, b + 1e-3, c + 1e-3)) expect(familyHoldsBox(fam, L, 0, a, b, c)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
