import fc from 'fast-check';
import { TREND_TIERS, type TrendListing } from '@micropurse/core';
import { describe, expect, it } from 'vitest';
import { listingsToCsv, parseListingsFile, type ListingsFileParse } from '../src/index.js';

function parsed(text: string | Uint8Array): Extract<ListingsFileParse, { ok: true }> {
  const r = parseListingsFile(text);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

describe('the listings file', () => {
  it('reads dated listings with their attribute columns, lower-cased, several values split', () => {
    const r = parsed(
      [
        'date,tier,price,currency,Size,Finish,wear_modes,category',
        '2023-04-05,luxury,1690.00,EUR,Micro,metallic,crossbody|hand,micro wallet',
        '2023-04-06,Fast Fashion,"1,299.50",usd,mini,,wrist; hand ,bag',
        '',
        ',,,,,,,',
        '2023-05-01,fast_fashion,35,USD,small,matte,,',
      ].join('\n'),
    );
    expect(r.rejects).toEqual([]);
    expect(r.attributes).toEqual(['size', 'finish', 'wear', 'category']);
    expect(r.listings).toEqual([
      { date: '2023-04-05', tier: 'luxury', price: 1690, currency: 'EUR', attributes: { size: ['micro'], finish: ['metallic'], wear: ['crossbody', 'hand'], category: ['micro wallet'] } },
      { date: '2023-04-06', tier: 'fast-fashion', price: 1299.5, currency: 'USD', attributes: { size: ['mini'], finish: [], wear: ['wrist', 'hand'], category: ['bag'] } },
      { date: '2023-05-01', tier: 'fast-fashion', price: 35, currency: 'USD', attributes: { size: ['small'], finish: ['matte'], wear: [], category: [] } },
    ]);
  });

  it('reports every bad row with its line, the column at fault and why, and keeps the good ones', () => {
    const r = parsed(
      [
        'date,tier,price,currency,size',
        '2023-02-29,luxury,100,USD,micro',
        '2023-03-01,haute couture,100,USD,micro',
        '2023-03-01,luxury,-5,USD,micro',
        '2023-03-01,luxury,cheap,USD,micro',
        '2023-03-01,luxury,100,$,micro',
        '2023-03-01,luxury,100,USD,=HYPERLINK("x")',
        '2023-03-01,luxury,100',
        '2023-03-01,luxury,100,USD,micro,extra',
        '2023-03-01,,100,USD,micro',
        '2023-03-01,luxury,,USD,micro',
        '2023-03-01,luxury,100,,micro',
        '"2023-03-01,luxury,100,USD,micro',
        '2023-03-02,contemporary,250,USD,mini',
      ].join('\r\n'),
    );
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [2, 'date'],
      [3, 'tier'],
      [4, 'price'],
      [5, 'price'],
      [6, 'currency'],
      [7, 'size'],
      [8, 'currency'],
      [9, 'column 6'],
      [10, 'tier'],
      [11, 'price'],
      [12, 'currency'],
      [13, 'date'],
    ]);
    for (const x of r.rejects) expect(x.reason.length).toBeGreaterThan(10);
    expect(r.rejects[0]!.reason).toMatch(/"2023-02-29", not a date yyyy-mm-dd/);
    expect(r.rejects[1]!.reason).toMatch(/not one of luxury, contemporary, fast-fashion/);
    expect(r.rejects[2]!.reason).toMatch(/negative/);
    expect(r.rejects[5]!.reason).toMatch(/formula/);
    expect(r.listings).toEqual([{ date: '2023-03-02', tier: 'contemporary', price: 250, currency: 'USD', attributes: { size: ['mini'] } }]);
  });

  it('rejects a row with invalid bytes on its own line, and reads a tab-separated file', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('date,tier,price,currency,colour\n2023-01-01,luxury,1,USD,r'), 0xe9, ...new TextEncoder().encode('d\n2023-01-02,luxury,2,USD,red\n')]);
    const r = parsed(bytes);
    expect(r.rejects).toEqual([{ line: 2, field: 'colour', reason: expect.stringMatching(/not valid UTF-8/) }]);
    expect(r.listings).toHaveLength(1);
    const tsv = parsed('date\ttier\tprice\tcurrency\tnovelty\n2023-01-01\tluxury\t12.5\tGBP\ttrue\n');
    expect(tsv.listings).toEqual([{ date: '2023-01-01', tier: 'luxury', price: 12.5, currency: 'GBP', attributes: { novelty: ['true'] } }]);
  });

  it('gives a size class from an interior volume column when the size is not given', () => {
    const r = parsed('date,tier,price,currency,volume_cm3,size\n2023-01-01,luxury,1,USD,30,\n2023-01-01,luxury,1,USD,30,small\n2023-01-01,luxury,1,USD,700,\n2023-01-01,luxury,1,USD,big,\n');
    expect(r.listings.map((l) => l.attributes['size'])).toEqual([['micro'], ['small'], ['mini']]);
    expect(r.rejects).toEqual([{ line: 5, field: 'volume_cm3', reason: expect.stringMatching(/not a volume/) }]);
  });

  it('refuses a file without the required columns, or naming one twice', () => {
    expect(parseListingsFile('date,tier,cost,currency\n')).toEqual({ ok: false, reason: expect.stringMatching(/lacks price/) });
    expect(parseListingsFile('date,tier,price,currency,size,Size\n')).toEqual({ ok: false, reason: expect.stringMatching(/"size" twice/) });
    expect(parseListingsFile('\n\n')).toEqual({ ok: false, reason: 'The file is empty.' });
  });

  it('reads back exactly what it writes', () => {
    const value = fc.stringMatching(/^[a-z][a-z0-9 -]{0,10}[a-z0-9]$/);
    const listing: fc.Arbitrary<TrendListing> = fc.record({
      date: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      tier: fc.constantFrom(...TREND_TIERS),
      price: fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
      attributes: fc.record({ size: fc.uniqueArray(value, { maxLength: 1 }), wear: fc.uniqueArray(value, { maxLength: 3 }), note: fc.uniqueArray(value, { maxLength: 2 }) }),
    });
    fc.assert(
      fc.property(fc.array(listing, { minLength: 1, maxLength: 30 }), (listings) => {
        const r = parsed(listingsToCsv(listings));
        expect(r.rejects).toEqual([]);
        expect(r.listings).toEqual(listings);
      }),
      { numRuns: 150 },
    );
  });
});
