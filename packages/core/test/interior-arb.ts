import fc from 'fast-check';
import type { Interior } from '../src/model/bag.js';

const len = fc.integer({ min: 8, max: 110 });
const extras = fc.record(
  {
    opening: fc.record({ length: fc.integer({ min: 10, max: 120 }), gape: fc.integer({ min: 5, max: 60 }) }),
    give: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: [] },
);

/** Interiors of every shape, some with an opening or give. */
export const interiorArb: fc.Arbitrary<Interior> = fc
  .tuple(
    fc.constantFrom('box', 'trapezoid', 'half-moon', 'round', 'cylinder'),
    len,
    len,
    len,
    fc.double({ min: 0.3, max: 1, noNaN: true }),
    fc.constantFrom('top', 'bottom'),
    extras,
  )
  .map(([shape, w, h, d, ratio, narrowAt, more]): Interior => {
    const common = { w, h, d, ...more };
    if (shape === 'trapezoid') return { shape, ...common, w_narrow: Math.round(w * ratio), narrow_at: narrowAt as 'top' | 'bottom' };
    return { shape: shape as 'box', ...common };
  });

