import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes, feedFromString, sequenceLength } from '../src/feeds/decode-text.js';
import { splitCells } from '../src/feeds/delimited.js';
import { gtinCheckDigit, readGtin } from '../src/feeds/gtin.js';
import { readLength, readSides } from '../src/feeds/lengths.js';
import { modelFromTitle } from '../src/feeds/model-name.js';
import { plainNumber } from '../src/feeds/numbers.js';
import { readPrice } from '../src/feeds/prices.js';

describe('lengths', () => {
  it.each([
    ['16 cm', 160],
    ['16cm', 160],
    ['16,5 CM', 165],
    ['12.3 cm', 123],
    ['160 mm', 160],
    ['6.3 in', 160.02],
    ['6.3 inches', 160.02],
    ['6.3"', 160.02],
    ['9.1 inch', 231.14],
    ['0.5 mm', 0.5],
  ])('%s is %d mm', (text, mm) => {
    expect(readLength(text)).toEqual({ kind: 'ok', mm });
  });

  it.each([
    ['16', 'bad', /no unit/],
    ['16 kg', 'bad', /"kg", which is not a unit/],
    ['0 cm', 'bad', /is 0/],
    ['-16 cm', 'negative', /negative/],
    ['-16', 'negative', /negative/],
    ['NaN cm', 'bad', /not a length/],
    ['Infinity', 'bad', /not a length/],
    ['1e3 mm', 'bad', /not a length/],
    ['101 cm', 'bad', /over 1000 mm/],
    ['9'.repeat(400) + ' mm', 'bad', /over 1000 mm/],
    ['0.001 mm', 'bad', /under 0.01 mm/],
    ['1.2.3 cm', 'bad', /not a length/],
  ])('%s is refused', (text, kind, why) => {
    const r = readLength(text);
    expect(r.kind).toBe(kind);
    expect(r.kind !== 'ok' && r.reason).toMatch(why);
  });

  it('reads a bare number in the unit it is told, and refuses another where one is required', () => {
    expect(readLength('50', { unitless: 'mm' })).toEqual({ kind: 'ok', mm: 50 });
    expect(readLength('5 cm', { unitless: 'mm', only: 'mm' })).toMatchObject({ kind: 'bad', reason: 'is in cm ("5 cm"), but the column is in mm.' });
  });

  it('reads size as w x h x d, a bare side taking the last unit', () => {
    expect(readSides('16x10x7.5 cm')).toEqual({ kind: 'ok', w: 160, h: 100, d: 75 });
    expect(readSides('16 cm × 10 cm × 7.5 cm')).toEqual({ kind: 'ok', w: 160, h: 100, d: 75 });
    expect(readSides('6.9 X 7.1 X 3.7 in')).toEqual({ kind: 'ok', w: 175.26, h: 180.34, d: 93.98 });
    expect(readSides('16x10 cm')).toMatchObject({ kind: 'bad', reason: expect.stringMatching(/three sides/) });
    expect(readSides('16x10x7')).toMatchObject({ kind: 'bad', reason: expect.stringMatching(/no unit/) });
    expect(readSides('16x-10x7 cm')).toMatchObject({ kind: 'negative' });
    expect(readSides('16x0x7 cm')).toMatchObject({ kind: 'bad', reason: 'has a side that is 0; a side must be greater than 0.' });
  });
});

describe('prices', () => {
  it.each([
    ['1690.00 USD', 1690, 'USD'],
    ['1,690.00 USD', 1690, 'USD'],
    ['USD 1690', 1690, 'USD'],
    ['1690 EUR', 1690, 'EUR'],
    ['1.690,00 EUR', 1690, 'EUR'],
    ['29,99 eur', 29.99, 'EUR'],
    ['0 USD', 0, 'USD'],
  ])('%s', (text, amount, currency) => {
    expect(readPrice(text)).toEqual({ kind: 'ok', amount, currency });
  });

  it.each([
    ['1690', /no currency/],
    ['$1690', /not a price/],
    ['-5.00 USD', /negative \("-5.00 USD"\)/],
    ['USD -5', /negative/],
    ['2000000 USD', /over 1,000,000/],
    ['cheap USD', /not a price/],
  ])('%s is refused', (text, why) => {
    const r = readPrice(text);
    expect(r.kind !== 'ok' && r.reason).toMatch(why);
  });

  it('plain numbers: no exponents, no NaN, thousands only in groups of three', () => {
    expect(['12', '12.5', '1,234', '1,234,567.5', '12,5', '1.234,5'].map(plainNumber)).toEqual([12, 12.5, 1234, 1234567.5, 12.5, 1234.5]);
    expect(['', '1e3', 'NaN', 'Infinity', '12,34,5', '.5', '5.', '0x10', '1 000'].map(plainNumber)).toEqual(Array(9).fill(null));
  });
});

describe('GTINs', () => {
  it('checks length and check digit', () => {
    expect(readGtin('4006381333931')).toEqual({ kind: 'ok', gtin: '4006381333931' });
    expect(readGtin('036000291452')).toEqual({ kind: 'ok', gtin: '036000291452' });
    expect(readGtin('4006381333932').kind).toBe('bad');
    expect(readGtin('40063813339').kind).toBe('bad');
    expect(readGtin('400638133393X').kind).toBe('bad');
  });

  it('any body with its computed check digit is accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.nat(), (n, seed) => {
        const body = String(seed).padStart(n, '7').slice(0, n);
        expect(readGtin(body + gtinCheckDigit(body)).kind).toBe('ok');
      }),
    );
  });
});

describe('model from title', () => {
  it.each([
    ['Dior Small Saddle Bag', 'Dior', 'Small Saddle Bag'],
    ['CHANEL - Mini Flap Bag', 'Chanel', 'Mini Flap Bag'],
    ['Nano Luggage by Celine', 'Celine', 'Nano Luggage'],
    ['Micro Peekaboo | Fendi', 'Fendi', 'Micro Peekaboo'],
    ['Diorama Mini', 'Dior', 'Diorama Mini'],
    ['Hermès Roulis mini', 'Hermès', 'Roulis mini'],
    ['Hermès Roulis mini', 'Herme\u0300s', 'Roulis mini'],
    ['Acme', 'Acme', ''],
    ['LV Nano Speedy', 'Louis Vuitton', 'LV Nano Speedy'],
  ])('%s less %s', (title, brand, model) => {
    expect(modelFromTitle(title, brand)).toBe(model);
  });
});

describe('cells', () => {
  it('splits with RFC 4180 quotes on one line', () => {
    expect(splitCells('a,"b, c","say ""hi""",', ',')).toEqual({ ok: true, cells: ['a', 'b, c', 'say "hi"', ''] });
    expect(splitCells('a\t6" wide\t"x"', '\t')).toEqual({ ok: true, cells: ['a', '6" wide', 'x'] });
    expect(splitCells('a,"b', ',')).toMatchObject({ ok: false, cell: 1, predicate: expect.stringMatching(/not closed/) });
    expect(splitCells('a,"b"c,d', ',')).toMatchObject({ ok: false, cell: 1, predicate: expect.stringMatching(/after its closing quote/) });
  });
});

describe('decoding', () => {
  const BOM = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const oneReplacement = (s: string): string => s.replace(/\uFFFD+/g, '\uFFFD');

  it('agrees with the platform decoder: the same text when valid, the same text less its invalid runs when not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        let fatal: string | null;
        try {
          fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          fatal = null;
        }
        let wellFormed = true;
        for (let i = 0; i < bytes.length; i += sequenceLength(bytes, i) || 1) if (sequenceLength(bytes, i) === 0) wellFormed = false;
        expect(wellFormed).toBe(fatal !== null);
        const d = decodeFeedBytes(bytes);
        if (!d.ok) return; // refused by its first bytes (UTF-16, gzip...)
        const body = bytes.subarray(BOM(bytes) ? 3 : 0);
        if (fatal !== null) expect(d.feed).toEqual({ text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), bad: null });
        else {
          expect(d.feed.bad).not.toBeNull();
          const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
          expect(oneReplacement(d.feed.text.replaceAll(d.feed.bad!, '\uFFFD'))).toBe(oneReplacement(lossy));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('chooses a marker the text does not hold, and marks lone surrogates in strings', () => {
    const d = decodeFeedBytes(new Uint8Array([...new TextEncoder().encode('a\uFDD0b'), 0xff]));
    expect(d).toEqual({ ok: true, feed: { text: 'a\uFDD0b\uFDD1', bad: '\uFDD1' } });
    expect(feedFromString('x\uD800y')).toEqual({ ok: true, feed: { text: 'x\uFDD0y', bad: '\uFDD0' } });
    expect(feedFromString('\uFEFFok 😀')).toEqual({ ok: true, feed: { text: 'ok 😀', bad: null } });
  });
});
