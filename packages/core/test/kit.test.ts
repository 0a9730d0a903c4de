import { describe, expect, it } from 'vitest';
import { parseKit } from '../src/catalog/kit.js';

describe('kit parsing', () => {
  it('reads names, quantities and priorities', () => {
    const kit = parseKit('iPhone 15, AirPods Pro 2, lipstick, credit card x2, 3x hair tie, e37:5');
    expect(kit.map((i) => [i.id, i.quantity, i.priority])).toEqual([
      ['e03', 1, undefined],
      ['e20', 1, undefined],
      ['e37', 1, undefined],
      ['e24', 2, undefined],
      ['e46', 3, undefined],
      ['e37', 1, 5],
    ]);
    expect(kit[0]!.dims).toEqual({ w: 71.6, h: 147.6, d: 7.8 });
  });

  it('reads the contract form id:priority', () => {
    const kit = parseKit('e03:3,e20:2,e37:1,e24:2');
    expect(kit.map((i) => [i.id, i.priority])).toEqual([
      ['e03', 3],
      ['e20', 2],
      ['e37', 1],
      ['e24', 2],
    ]);
  });

  it('reads custom items with their dims', () => {
    const [keys] = parseKit('house keys=60x30x15 x2:4');
    expect(keys).toMatchObject({ name: 'house keys', dims: { w: 60, h: 30, d: 15 }, quantity: 2, priority: 4 });
    expect(keys!.id).toBeUndefined();
  });

  it('names the failing entry', () => {
    expect(() => parseKit('iphone 15,,lipstick')).toThrow(/items\[1\]: empty entry/);
    expect(() => parseKit('keys=60x0x15')).toThrow(/items\[0\].*greater than 0/);
    expect(() => parseKit('keys=60 by 30')).toThrow(/items\[0\].*WxHxD/);
    expect(() => parseKit('lipstick, unobtainium')).toThrow(/items\[1\]: no item matches "unobtainium"/);
    expect(() => parseKit('  ')).toThrow(/empty/);
  });
});
