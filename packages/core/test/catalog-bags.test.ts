import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalogBags, catalogBagFromDraft, draftFromRecord } from '../src/catalog/bag-from-draft.js';
import { bagColourFamily, colourFamily, colourHex, isBold } from '../src/catalog/colours.js';
import { toUsd } from '../src/catalog/currency.js';
import { deriveFinish } from '../src/catalog/finish.js';
import { BAGS } from '../src/data/bags.js';
import { BagDraftSchema } from '../src/model/bag-draft.js';
import { CatalogBagSchema } from '../src/model/catalog.js';

describe('colours', () => {
  it.each([
    ['#111111', 'black'],
    ['#f7f7f5', 'white'],
    ['#8c8c8c', 'grey'],
    ['#c8102e', 'red'],
    ['#800020', 'red'],
    ['#ff69b4', 'pink'],
    ['#ffc0cb', 'pink'],
    ['#f28c28', 'orange'],
    ['#f6d32d', 'yellow'],
    ['#2e8b57', 'green'],
    ['#000080', 'blue'],
    ['#1f4e9c', 'blue'],
    ['#6a3d9a', 'purple'],
    ['#6b4226', 'brown'],
    ['#e3d3b8', 'beige'],
  ])('%s is %s, measured in LCh', (hex, family) => {
    expect(colourFamily(hex)).toBe(family);
  });

  it('maps names through the one table, by the last colour word when not exact', () => {
    expect(colourHex('Black')).toBe('#111111');
    expect(colourHex('dusty rose pink')).toBe(colourHex('pink'));
    expect(colourHex('zorblax')).toBeNull();
    expect(bagColourFamily('red/black', '#111111')).toBe('multicolour');
  });

  it('calls saturated colours bold and neutrals not', () => {
    expect(isBold('#c8102e')).toBe(true);
    expect(isBold('#e3d3b8')).toBe(false);
    expect(isBold('#111111')).toBe(false);
  });

  it('gives every hex exactly one family', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => typeof colourFamily(`#${n.toString(16).padStart(6, '0')}`) === 'string'));
  });
});

describe('finish and currency', () => {
  it('derives finish from texture and material', () => {
    expect(deriveFinish('crystal', 'brass + rhinestones')).toEqual(['metallic', 'crystal']);
    expect(deriveFinish('glitter', 'synthetic')).toEqual(['glitter']);
    expect(deriveFinish('pearlescent', 'faux pearl')).toEqual(['pearlescent']);
    expect(deriveFinish('smooth', 'calfskin leather')).toEqual(['matte']);
    expect(deriveFinish('patent', 'leather')).toEqual(['patent']);
  });

  it('converts known currencies to USD and leaves unknown ones unconverted', () => {
    expect(toUsd(100, 'USD')).toBe(100);
    expect(toUsd(100, 'EUR')).toBe(110);
    expect(toUsd(100, 'XYZ')).toBeNull();
    expect(toUsd(null, 'USD')).toBeNull();
  });
});

describe('catalog bags from drafts', () => {
  const seen = '2026-08-01';

  it('turns every built-in bag into a valid catalog bag with a derived interior', () => {
    const bags = builtinCatalogBags(seen);
    expect(bags).toHaveLength(BAGS.length);
    for (const b of bags) {
      expect(CatalogBagSchema.safeParse(b).success, b.id).toBe(true);
      expect(b.interior.derived).toBe(true);
      expect(b.interior.w).toBeLessThan(b.exterior.w);
    }
    const speedy = bags.find((b) => b.id === 'b05')!;
    expect(speedy).toMatchObject({ price: 1690, currency: 'USD', price_usd: 1690, strap_detachable: true, source: 'builtin', sku: 'b05' });
    expect(bags.find((b) => b.id === 'b30')!.finish).toEqual(['metallic', 'crystal']);
  });

  it('keeps a published interior as published, and dates first and last seen', () => {
    const draft = BagDraftSchema.parse({ ...draftFromRecord(BAGS[0]!, '2026-09-01'), id: undefined, sku: 'X1', source: 'feed.tsv', interior: { w: 100, h: 70, d: 40 } });
    const earlier = catalogBagFromDraft({ ...draft, seen: '2026-01-01' });
    const bag = catalogBagFromDraft(draft, earlier);
    expect(bag.id).toBe('jacquemus:x1');
    expect(bag.interior).toMatchObject({ w: 100, h: 70, d: 40, derived: false });
    expect(bag.first_seen).toBe('2026-01-01');
    expect(bag.last_seen).toBe('2026-09-01');
  });

  it('guesses a missing tier from the price and says so', () => {
    const base = BagDraftSchema.parse({ ...draftFromRecord(BAGS[0]!, seen), tier: undefined });
    expect(catalogBagFromDraft({ ...base, price: 40, currency: 'USD' })).toMatchObject({ tier: 'fast-fashion' });
    expect(catalogBagFromDraft({ ...base, price: 200, currency: 'GBP' })).toMatchObject({ tier: 'contemporary', price_usd: 256 });
    expect(catalogBagFromDraft({ ...base, price: 2000, currency: 'EUR' }).source_note).toMatch(/tier guessed from price/);
  });
});
