import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBag, findEssential } from '../src/catalog/builtin.js';
import { editDistance, normalizeName, resolveName } from '../src/catalog/resolve.js';
import { InputError } from '../src/errors.js';

describe('name resolution', () => {
  it.each([
    ['e03', 'e03'],
    ['E03', 'e03'],
    ['iPhone 15', 'e03'],
    ['iphone 15 pro', 'e05'],
    ['airpods pro 2', 'e20'],
    ['AirPods Pro', 'e20'],
    ['credit card', 'e24'],
    ['lipstick', 'e37'],
    ['mini lipstick', 'e38'],
    ['airtag', 'e32'],
  ])('item %s is %s', (query, id) => {
    expect(findEssential(query).id).toBe(id);
  });

  it.each([
    ['Nano Speedy', 'b05'],
    ['louis vuitton nano speedy', 'b05'],
    ['b13', 'b13'],
    ['Le Chiquito', 'b01'],
    ['micro lady dior', 'b11'],
  ])('bag %s is %s', (query, id) => {
    expect(findBag(query).id).toBe(id);
  });

  it('lists the candidates of an ambiguous name', () => {
    const err = (() => {
      try {
        findBag('chiquito');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InputError);
    const ie = err as InputError;
    expect(ie.field).toBe('bag');
    expect(ie.candidates.map((c) => c.id).sort()).toEqual(['b01', 'b02', 'b03']);
    expect(ie.message).toMatch(/matches several bags/);
  });

  it('suggests the nearest names for an unknown one', () => {
    expect(() => findEssential('aipods pro', 'items[1]')).toThrow(/items\[1\]: no item matches "aipods pro"; nearest: e20 AirPods Pro 2/);
  });

  it('never resolves to something that does not contain the query words', () => {
    const records = [
      { id: 'a1', names: ['Red Box'] },
      { id: 'a2', names: ['Blue Box Large'] },
      { id: 'a3', names: ['Green Pouch'] },
    ];
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (q) => {
        const r = resolveName(q, records);
        if (!r.ok) return true;
        const words = normalizeName(q).split(' ');
        const hay = `${r.value.id} ${normalizeName(r.value.names[0]!)}`;
        return words.every((w) => hay.includes(w));
      }),
    );
  });

  it('computes edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
