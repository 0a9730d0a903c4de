/**
 * The independent verifier is the last line of defence: fit() never reports "fits" with a layout
 * it rejects. These tests check that it rejects each kind of bad layout and accepts good ones,
 * including boxes that touch and float noise far below the tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyLayout, type VerifyResult } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';
import type { Item } from '../src/model/item.js';

type Row = { name: string; item: number; copy: number; x: number; y: number; z: number; w: number; h: number; d: number };
type VItem = Pick<Item, 'name' | 'dims' | 'quantity' | 'rotation'>;

const bag: Interior = { shape: 'box', w: 10, h: 10, d: 10 };
const items: VItem[] = [
  { name: 'brick', dims: { w: 2, h: 3, d: 4 }, quantity: 2, rotation: 'all' },
  { name: 'perfume', dims: { w: 2, h: 4, d: 6 }, quantity: 1, rotation: 'upright' },
  { name: 'tray', dims: { w: 5, h: 1, d: 3 }, quantity: 1, rotation: 'fixed' },
  { name: 'slab', dims: { w: 1, h: 2, d: 3 }, quantity: 1, rotation: ['hdw'] },
];

/** A valid layout of the kit: every piece apart from the others, inside the bag. */
function good(): Row[] {
  return [
    { name: 'brick', item: 0, copy: 0, x: 0, y: 0, z: 0, w: 2, h: 3, d: 4 },
    { name: 'brick', item: 0, copy: 1, x: 2, y: 0, z: 0, w: 4, h: 2, d: 3 }, // 'dwh': any pose is allowed
    { name: 'perfume', item: 1, copy: 0, x: 0, y: 3, z: 0, w: 6, h: 4, d: 2 }, // 'dhw': a quarter turn
    { name: 'tray', item: 2, copy: 0, x: 0, y: 0, z: 4, w: 5, h: 1, d: 3 },
    { name: 'slab', item: 3, copy: 0, x: 6, y: 0, z: 0, w: 2, h: 3, d: 1 }, // 'hdw' of 1x2x3
  ];
}

function problemsOf(r: VerifyResult): string[] {
  return r.ok ? [] : r.problems;
}

/** The layout with row i changed. */
function edit(i: number, change: Partial<Row>): Row[] {
  return good().map((row, j) => (j === i ? { ...row, ...change } : row));
}

describe('verifyLayout: accepts', () => {
  it('a valid layout with every kind of rotation rule', () => {
    expect(verifyLayout(bag, items, good())).toEqual({ ok: true });
  });

  it('boxes that touch face to face, and boxes flush with every wall', () => {
    const touching: Row[] = [
      { name: 'brick', item: 0, copy: 0, x: 0, y: 0, z: 0, w: 2, h: 3, d: 4 },
      { name: 'brick', item: 0, copy: 1, x: 2, y: 0, z: 0, w: 2, h: 3, d: 4 }, // touches on w
      { name: 'perfume', item: 1, copy: 0, x: 0, y: 3, z: 0, w: 2, h: 4, d: 6 }, // touches on h
      { name: 'tray', item: 2, copy: 0, x: 5, y: 9, z: 7, w: 5, h: 1, d: 3 }, // flush with the far corner
      { name: 'slab', item: 3, copy: 0, x: 0, y: 0, z: 4, w: 2, h: 3, d: 1 }, // touches on d
    ];
    expect(verifyLayout(bag, items, touching)).toEqual({ ok: true });
  });

  it('float noise: 1e-9 overlap, 1e-9 beyond a wall, and extents off by 1e-9', () => {
    const noisy = good();
    noisy[1] = { ...noisy[1]!, x: 2 - 1e-9 }; // overlaps brick 0 by 1e-9 on w
    noisy[4] = { ...noisy[4]!, x: 8 + 1e-9 }; // ends 1e-9 beyond w = 10
    noisy[3] = { ...noisy[3]!, y: -1e-9, w: 5 + 1e-9 }; // 1e-9 below the floor, 1e-9 too wide
    expect(verifyLayout(bag, items, noisy)).toEqual({ ok: true });
  });

  it('a row of published lengths whose float sum overshoots (0.1 + 0.1 + 50.1 > 50.3)', () => {
    const slot: Interior = { shape: 'box', w: 50.3, h: 10, d: 10 };
    const kit: VItem[] = [
      { name: 'card', dims: { w: 0.1, h: 10, d: 10 }, quantity: 2, rotation: 'fixed' },
      { name: 'case', dims: { w: 50.1, h: 10, d: 10 }, quantity: 1, rotation: 'fixed' },
    ];
    const x = 0.1 + 0.1;
    expect(x + 50.1).toBeGreaterThan(50.3);
    const layout: Row[] = [
      { name: 'card', item: 0, copy: 0, x: 0, y: 0, z: 0, w: 0.1, h: 10, d: 10 },
      { name: 'card', item: 0, copy: 1, x: 0.1, y: 0, z: 0, w: 0.1, h: 10, d: 10 },
      { name: 'case', item: 1, copy: 0, x, y: 0, z: 0, w: 50.1, h: 10, d: 10 },
    ];
    expect(verifyLayout(slot, kit, layout)).toEqual({ ok: true });
  });

  it('an empty kit with an empty layout', () => {
    expect(verifyLayout(bag, [], [])).toEqual({ ok: true });
  });
});

describe('verifyLayout: rejects', () => {
  const rejects = (layout: Row[], pattern: RegExp, kit: VItem[] = items): void => {
    const r = verifyLayout(bag, kit, layout);
    expect(r.ok).toBe(false);
    expect(problemsOf(r).join('\n')).toMatch(pattern);
  };

  it('two boxes that overlap', () => {
    rejects(edit(1, { x: 1 }), /overlap/);
  });

  it('an overlap of 1e-3 mm, far above the tolerance', () => {
    rejects(edit(1, { x: 2 - 1e-3 }), /overlap/);
  });

  it('a box wholly inside another, and two boxes in the same place', () => {
    const kit: VItem[] = [
      { name: 'big', dims: { w: 4, h: 4, d: 4 }, quantity: 1, rotation: 'all' },
      { name: 'small', dims: { w: 1, h: 1, d: 1 }, quantity: 1, rotation: 'all' },
    ];
    const nested: Row[] = [
      { name: 'big', item: 0, copy: 0, x: 1, y: 1, z: 1, w: 4, h: 4, d: 4 },
      { name: 'small', item: 1, copy: 0, x: 2, y: 2, z: 2, w: 1, h: 1, d: 1 },
    ];
    rejects(nested, /overlap/, kit);
    rejects(edit(1, { x: 0, y: 0, z: 0, w: 2, h: 3, d: 4 }), /placements 0 \(brick\) and 1 \(brick\) overlap/);
  });

  it('a negative coordinate', () => {
    rejects(edit(4, { x: -0.5 }), /leaves the interior on axis w/);
    rejects(edit(3, { y: -1 }), /leaves the interior on axis h/);
  });

  it('a box that reaches beyond the far wall', () => {
    rejects(edit(4, { x: 8.5 }), /leaves the interior on axis w/);
    rejects(edit(3, { z: 7 + 1e-3 }), /leaves the interior on axis d/);
  });

  it('extents that are not an orientation of the item', () => {
    rejects(edit(0, { w: 2, h: 3, d: 5 }), /not an allowed orientation/);
    rejects(edit(0, { w: 2, h: 3, d: 3.99 }), /not an allowed orientation/);
  });

  it("a lying pose of an 'upright' item", () => {
    // perfume 2x4x6 may only turn about the vertical: 2x4x6 or 6x4x2 in w, h, d.
    rejects(edit(2, { w: 4, h: 2, d: 6 }), /not an allowed orientation/);
    rejects(edit(2, { w: 2, h: 6, d: 4 }), /not an allowed orientation/);
  });

  it("a turned 'fixed' item", () => {
    rejects(edit(3, { w: 3, h: 1, d: 5 }), /not an allowed orientation/);
  });

  it('a pose outside an explicit list of codes', () => {
    // slab 1x2x3 allows only 'hdw' (2x3x1); its recorded pose 'whd' is not in the list.
    rejects(edit(4, { w: 1, h: 2, d: 3 }), /not an allowed orientation/);
  });

  it('a missing piece', () => {
    rejects(good().slice(0, 4), /layout has 4 pieces, the kit has 5/);
  });

  it('a piece placed twice (and another left out)', () => {
    const twice = good();
    twice[1] = { ...twice[1]!, copy: 0 };
    rejects(twice, /placed twice/);
  });

  it('a copy beyond the quantity', () => {
    rejects(edit(1, { copy: 2 }), /copy 2 of a quantity 2/);
  });

  it('a placement naming an item that does not exist', () => {
    rejects(edit(4, { item: 7 }), /no item 7/);
  });

  it("a placement whose name is not its item's name", () => {
    rejects(edit(3, { name: 'plate' }), /name differs/);
  });

  it('non-finite coordinates', () => {
    rejects(edit(0, { x: Number.NaN }), /leaves the interior/);
  });
});

/** A random valid layout: cells of a guillotine cut, each holding a box smaller than the cell. */
const layoutArb = fc
  .record({
    bag: fc.tuple(fc.double({ min: 10, max: 200, noNaN: true }), fc.double({ min: 10, max: 200, noNaN: true }), fc.double({ min: 10, max: 200, noNaN: true })),
    cuts: fc.array(fc.record({ axis: fc.nat({ max: 2 }), frac: fc.double({ min: 0.25, max: 0.75, noNaN: true }) }), { minLength: 1, maxLength: 10 }),
    fill: fc.array(fc.tuple(fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 33, maxLength: 33 }),
    listing: fc.array(fc.nat({ max: 5 }), { minLength: 11, maxLength: 11 }),
  })
  .map(({ bag: b, cuts, fill, listing }) => {
    const cells: { lo: number[]; len: number[] }[] = [{ lo: [0, 0, 0], len: [...b] }];
    for (const { axis, frac } of cuts) {
      // Cut the cell longest along the axis, so that no box gets thin enough to be lost in EPS.
      let i = 0;
      cells.forEach((c, k) => {
        if (c.len[axis]! > cells[i]!.len[axis]!) i = k;
      });
      const c = cells[i]!;
      const cut = c.len[axis]! * frac;
      const a = { lo: [...c.lo], len: [...c.len] };
      const bb = { lo: [...c.lo], len: [...c.len] };
      a.len[axis] = cut;
      bb.lo[axis] = c.lo[axis]! + cut;
      bb.len[axis] = c.len[axis]! - cut;
      cells.splice(i, 1, a, bb);
    }
    const perms = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ] as const;
    const kit: VItem[] = [];
    const layout: Row[] = [];
    cells.forEach((c, i) => {
      const ext = [0, 1, 2].map((ax) => c.len[ax]! * fill[3 * i + ax]![0]);
      const at = [0, 1, 2].map((ax) => c.lo[ax]! + (c.len[ax]! - ext[ax]!) * fill[3 * i + ax]![1]);
      const p = perms[listing[i]!]!;
      const name = `box${i}`;
      kit.push({ name, dims: { w: ext[p[0]]!, h: ext[p[1]]!, d: ext[p[2]]! }, quantity: 1, rotation: 'all' });
      layout.push({ name, item: i, copy: 0, x: at[0]!, y: at[1]!, z: at[2]!, w: ext[0]!, h: ext[1]!, d: ext[2]! });
    });
    const interior: Interior = { shape: 'box', w: b[0], h: b[1], d: b[2] };
    return { interior, kit, layout };
  });

describe('verifyLayout: properties', () => {
  it('accepts every random valid layout', () => {
    fc.assert(
      fc.property(layoutArb, ({ interior, kit, layout }) => {
        expect(verifyLayout(interior, kit, layout)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('still accepts it after every coordinate moves by at most 1e-9', () => {
    fc.assert(
      fc.property(layoutArb, fc.array(fc.double({ min: -1e-9, max: 1e-9, noNaN: true }), { minLength: 33, maxLength: 33 }), ({ interior, kit, layout }, noise) => {
        const moved = layout.map((r, i) => ({ ...r, x: r.x + noise[3 * i]!, y: r.y + noise[3 * i + 1]!, z: r.z + noise[3 * i + 2]! }));
        expect(verifyLayout(interior, kit, moved)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects it once one box is moved into another', () => {
    fc.assert(
      fc.property(
        layoutArb,
        fc.nat(),
        fc.nat(),
        fc.tuple(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true })),
        ({ interior, kit, layout }, a, b, t) => {
          const i = a % layout.length;
          const j = (i + 1 + (b % (layout.length - 1))) % layout.length;
          const target = layout[j]!;
          // Box i's corner goes inside box j, at most 90% of the way along each side: the two
          // then share a region of at least min(own extent, 10% of j's extent) along each axis.
          const moved = layout.map((r, k) =>
            k === i ? { ...r, x: target.x + t[0] * target.w, y: target.y + t[1] * target.h, z: target.z + t[2] * target.d } : r,
          );
          const r = verifyLayout(interior, kit, moved);
          expect(r.ok).toBe(false);
          expect(problemsOf(r).some((p) => p.includes(`placements ${Math.min(i, j)} `) && p.includes('overlap'))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
