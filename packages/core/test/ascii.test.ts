import { describe, expect, it } from 'vitest';
import { renderViews } from '../src/render/ascii-views.js';

describe('ASCII views', () => {
  it('draws a top and a front view of a small layout', () => {
    const bag = { w: 100, h: 40, d: 40 };
    const placements = [
      { x: 0, y: 0, z: 0, w: 50, h: 40, d: 20 },
      { x: 50, y: 0, z: 20, w: 50, h: 20, d: 20 },
      { x: 0, y: 0, z: 39.24, w: 85.6, h: 40, d: 0.76 },
    ];
    expect(renderViews(bag, placements, { columns: 10 })).toMatchInlineSnapshot(`
      "Top view (w x d, front at bottom)  Front view (w x h)
      +----------+  +----------+
      |CCCCCCCCCB|  |AAAAACCCC.|
      |AAAAA.....|  |AAAAABBBBB|
      +----------+  +----------+"
    `);
  });

  it('shows even a card-thin piece', () => {
    const out = renderViews({ w: 90, h: 60, d: 20 }, [{ x: 0, y: 0, z: 0, w: 85.6, h: 53.98, d: 0.76 }], { columns: 9 });
    expect(out.split('\n')[1 + 1]).toContain('A');
  });
});
