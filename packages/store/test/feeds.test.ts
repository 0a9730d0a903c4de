import { readFileSync } from 'node:fs';
import { BAGS, BagDraftSchema, draftFromRecord, type BagDraft } from '@micropurse/core';
import { describe, expect, it } from 'vitest';
import { parseFeed, type FeedParse } from '../src/feeds/index.js';

const SEEN = '2026-09-01';
const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/feeds/${name}`, import.meta.url));

function parsed(input: Uint8Array | string, source = 'test-feed'): Extract<FeedParse, { ok: true }> {
  const r = parseFeed(input, { source, seen: SEEN });
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

/** A draft as a feed without shape, closure, strap or wear modes yields it: the schema's defaults. */
function feedDraft(source: string, d: Partial<BagDraft> & Pick<BagDraft, 'brand' | 'model' | 'exterior'>): BagDraft {
  return BagDraftSchema.parse({
    price: null,
    currency: null,
    material: '',
    color_name: '',
    pattern: '',
    sku: null,
    gtin: null,
    mpn: null,
    item_group_id: null,
    source,
    seen: SEEN,
    ...d,
  });
}

describe("the project's CSV", () => {
  it('reads data/bags.csv into exactly the drafts of the built-in records', () => {
    const r = parsed(readFileSync(new URL('../../../data/bags.csv', import.meta.url)), 'bags.csv');
    expect(r.format).toBe('micropurse-csv');
    expect(r.rejects).toEqual([]);
    expect(r.drafts.map((d) => d.line)).toEqual(BAGS.map((_, i) => i + 2));
    expect(r.drafts.map((d) => d.draft)).toStrictEqual(BAGS.map((rec) => draftFromRecord(rec, SEEN, 'bags.csv')));
  });

  it('reads quoted cells, an empty price and the optional construction column', () => {
    const r = parsed(fixture('micropurse-bags.csv'), 'micropurse-bags.csv');
    expect(r.rejects).toEqual([]);
    const [chanel, fendi, zara] = r.drafts;
    expect(chanel).toStrictEqual({
      line: 2,
      draft: {
        id: 'b14',
        brand: 'Chanel',
        model: 'Mini Classic Flap, rectangular (A69900)',
        tier: 'luxury',
        price: 5600,
        currency: 'USD',
        exterior: { w: 200, h: 120, d: 60 },
        shape: 'box',
        construction: 'structured',
        closure: 'flap',
        strap: 'chain',
        wear_modes: ['shoulder', 'crossbody'],
        material: 'lambskin',
        color_name: 'black',
        texture: 'quilted',
        pattern: '',
        source: 'micropurse-bags.csv',
        source_note: '12x20x6 cm (HxWxD), $5,600 (Chanel US site via gabriel232ch dataset, 2026-08 snapshot)',
        sku: 'b14',
        gtin: null,
        mpn: null,
        item_group_id: null,
        seen: SEEN,
      },
    });
    expect(fendi!.draft).toMatchObject({ id: 'b20', price: null, currency: null, exterior: { w: 40, h: 40, d: 15 } });
    expect(fendi!.draft).not.toHaveProperty('construction');
    expect(zara!.draft).toMatchObject({ id: 'f10', construction: 'soft', price: 24, wear_modes: ['crossbody'] });
  });

  it('reads CRLF line ends, a byte-order mark and blank lines, and counts physical lines', () => {
    const csv = '\uFEFFid,brand,model,price_usd,exterior_w_mm,exterior_h_mm,exterior_d_mm\r\n\r\nx1,Acme,Tiny,10,50,40,20 mm\r\n';
    const r = parsed(csv);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0]!.line).toBe(3);
    expect(r.drafts[0]!.draft.exterior).toEqual({ w: 50, h: 40, d: 20 });
  });

  it('refuses other units in a millimetre column', () => {
    const r = parsed('id,brand,model,exterior_w_mm,exterior_h_mm,exterior_d_mm\nx1,Acme,Tiny,5 cm,40,20\n');
    expect(r.rejects).toEqual([{ line: 2, id: 'x1', field: 'exterior_w_mm', reason: 'exterior_w_mm is in cm ("5 cm"), but the column is in mm.' }]);
  });
});

describe('Google Merchant Center TSV', () => {
  const src = 'gmc-bags.tsv';
  const expected: { line: number; draft: BagDraft }[] = [
    {
      line: 2,
      draft: feedDraft(src, {
        brand: 'Dior',
        model: 'Small Saddle Bag with Strap',
        tier: 'luxury',
        price: 4400,
        currency: 'USD',
        exterior: { w: 200, h: 160, d: 50 },
        material: 'Grained calfskin',
        color_name: 'Black',
        sku: 'dior-saddle-small-black',
      }),
    },
    {
      line: 3,
      draft: feedDraft(src, {
        brand: 'Chanel',
        model: 'Mini Classic Flap Bag, rectangular',
        tier: 'luxury',
        price: 5600,
        currency: 'USD',
        exterior: { w: 200, h: 120, d: 60 },
        material: 'Lambskin',
        color_name: 'Black',
        pattern: 'Quilted',
        sku: 'chanel-mini-flap-rect-black',
        mpn: 'A69900',
        item_group_id: 'chanel-mini-classic-flap',
      }),
    },
    {
      line: 4,
      draft: feedDraft(src, {
        brand: 'Hermès',
        model: 'Minaudière En Piste',
        tier: 'luxury',
        price: 5300,
        currency: 'EUR',
        exterior: { w: 140, h: 130, d: 50 },
        material: 'Goatskin',
        color_name: 'Red',
        sku: 'hermes-en-piste-red',
      }),
    },
    {
      line: 5,
      draft: feedDraft(src, {
        brand: 'Hermès',
        model: 'Roulis mini bag',
        price: 7150,
        currency: 'EUR',
        exterior: { w: 180, h: 140, d: 62 },
        material: 'Evergrain calfskin',
        color_name: 'Black',
        sku: 'hermes-roulis-mini-black',
      }),
    },
    {
      line: 6,
      draft: feedDraft(src, {
        brand: 'Zara',
        model: 'Denim mini city bag',
        tier: 'fast-fashion',
        price: 2590,
        currency: 'INR',
        exterior: { w: 188, h: 139, d: 87 },
        material: 'Denim',
        color_name: 'Blue',
        sku: 'zara-denim-mini-city',
      }),
    },
    {
      line: 7,
      draft: feedDraft(src, {
        brand: 'Zara',
        model: 'Soft mini crossbody bag with kiss lock',
        tier: 'fast-fashion',
        price: 29.99,
        currency: 'GBP',
        exterior: { w: 215, h: 140, d: 45 },
        material: 'Faux leather',
        color_name: 'Black',
        sku: 'zara-soft-kiss-lock',
      }),
    },
    {
      line: 8,
      draft: feedDraft(src, {
        brand: 'Zara',
        model: 'Mini city bag',
        tier: 'fast-fashion',
        price: 2590,
        currency: 'INR',
        exterior: { w: 220, h: 110, d: 60 },
        material: 'Faux leather',
        color_name: 'Black',
        sku: 'zara-mini-city-black',
        mpn: '6100/210',
      }),
    },
  ];

  it('reads every item: dims from product_length/height/width or size, tiers from custom labels or product_type', () => {
    const r = parsed(fixture(src), src);
    expect(r.format).toBe('gmc-tsv');
    expect(r.rejects).toEqual([]);
    expect(r.drafts).toStrictEqual(expected);
  });

  it('reads the same from a string as from bytes', () => {
    expect(parsed(new TextDecoder().decode(fixture(src)), src)).toStrictEqual(parsed(fixture(src), src));
  });

  it('reads prefixed or spaced attribute names and reports rejects by attribute', () => {
    const tsv = 'g:id\tTitle\tBrand\tPrice\tProduct Length\tproduct width\tproduct_height\n' + 'a\tAcme Tiny\tAcme\t10 USD\t5 cm\t2 cm\t4 cm\n' + 'b\tAcme Wee\tAcme\t10 USD\t5 cm\t2 kg\t4 cm\n';
    const r = parsed(tsv);
    expect(r.drafts.map((d) => d.draft.model)).toEqual(['Tiny']);
    expect(r.rejects).toEqual([{ line: 3, id: 'b', field: 'product_width', reason: 'product_width is in "kg", which is not a unit of length; use cm, mm or in.' }]);
  });
});

describe('Google Merchant Center RSS 2.0', () => {
  const src = 'gmc-bags.xml';
  it('reads every item: inches, size, the RSS title, CDATA, entities, repeated product_type, no price', () => {
    const r = parsed(fixture(src), src);
    expect(r.format).toBe('gmc-xml');
    expect(r.rejects).toEqual([]);
    expect(r.drafts).toStrictEqual([
      {
        line: 1,
        draft: feedDraft(src, {
          brand: 'Louis Vuitton',
          model: 'Nano Madeleine',
          tier: 'luxury',
          price: 2170,
          currency: 'USD',
          exterior: { w: 231.14, h: 129.54, d: 66.04 },
          material: 'Monogram coated canvas',
          color_name: 'Brown',
          sku: 'lv-nano-madeleine',
        }),
      },
      {
        line: 2,
        draft: feedDraft(src, {
          brand: 'Louis Vuitton',
          model: 'Multipass Mini',
          tier: 'luxury',
          price: 2230,
          currency: 'USD',
          exterior: { w: 175.26, h: 180.34, d: 93.98 },
          material: 'Monogram coated canvas',
          color_name: 'Brown',
          sku: 'lv-multipass-mini',
        }),
      },
      {
        line: 3,
        draft: feedDraft(src, {
          brand: 'Coach',
          model: 'Nolita 19',
          tier: 'contemporary',
          price: 150,
          currency: 'USD',
          exterior: { w: 190.5, h: 114.3, d: 50.8 },
          material: 'Pebbled leather',
          color_name: 'Red',
          sku: 'coach-nolita-19-red',
          item_group_id: 'coach-nolita-19',
        }),
      },
      {
        line: 4,
        draft: feedDraft(src, {
          brand: 'lululemon',
          model: 'Everywhere Belt Bag 1L',
          tier: 'contemporary',
          price: 38,
          currency: 'USD',
          exterior: { w: 190.5, h: 127, d: 50.8 },
          material: 'Water-repellent nylon',
          color_name: 'Black',
          sku: 'lululemon-belt-bag-1l',
        }),
      },
      {
        line: 5,
        draft: feedDraft(src, {
          brand: 'Zara',
          model: 'Crossbody bag with metal piece',
          tier: 'fast-fashion',
          price: 3290,
          currency: 'INR',
          exterior: { w: 200, h: 130, d: 70 },
          material: 'Faux leather',
          color_name: 'Black',
          sku: 'zara-crossbody-metal-piece',
        }),
      },
      {
        line: 6,
        draft: feedDraft(src, {
          brand: 'Melian',
          model: 'Cactus-leather phone crossbody',
          tier: 'contemporary',
          exterior: { w: 135, h: 180, d: 35 },
          material: 'Cactus (plant-based) leather',
          color_name: 'Green',
          sku: 'melian-cactus-phone-crossbody',
        }),
      },
    ]);
  });

  it('decodes entities once, and rejects a formula spelt with a character reference', () => {
    const xml = rss(item('a', '<g:title>Dolce &amp;amp; Gabbana Mini</g:title><g:brand>D&amp;G</g:brand>'), item('b', '<g:title>&#61;HYPERLINK("http://x","y")</g:title><g:brand>Acme</g:brand>'));
    const r = parsed(xml);
    expect(r.drafts.map((d) => [d.draft.brand, d.draft.model])).toEqual([['D&G', 'Dolce &amp; Gabbana Mini']]);
    expect(r.rejects).toMatchObject([{ line: 2, id: 'b', field: 'title', reason: expect.stringMatching(/formula/) }]);
  });

  it('rejects an attribute given twice, or with nested elements', () => {
    const r = parsed(rss(item('a', '<g:title>Acme Tiny</g:title><g:brand>Acme</g:brand><g:brand>Other</g:brand>'), item('b', '<g:title>Acme Tiny</g:title><g:brand><b>Acme</b></g:brand>')));
    expect(r.rejects).toEqual([
      { line: 1, id: 'a', field: 'brand', reason: 'brand appears 2 times in the item; it may appear once.' },
      { line: 2, id: 'b', field: 'brand', reason: 'brand has nested elements where text is expected.' },
    ]);
  });

  it('reads a namespace prefix other than g', () => {
    const xml = `<rss version="2.0" xmlns:m="http://base.google.com/ns/1.0"><channel><item><m:id>a</m:id><m:title>Acme Tiny</m:title><m:brand>Acme</m:brand><m:size>5x4x2 cm</m:size></item></channel></rss>`;
    expect(parsed(xml).drafts[0]!.draft).toMatchObject({ sku: 'a', model: 'Tiny', exterior: { w: 50, h: 40, d: 20 } });
  });
});

describe('schema.org Product JSON-LD', () => {
  const src = 'product-graph.jsonld';
  it('reads the Products of a @graph, passing over other entries; lines are positions in the graph', () => {
    const r = parsed(fixture(src), src);
    expect(r.format).toBe('jsonld');
    expect(r.rejects).toEqual([]);
    expect(r.drafts).toStrictEqual([
      {
        line: 2,
        draft: feedDraft(src, {
          brand: 'Celine',
          model: 'Nano Luggage',
          price: 3100,
          currency: 'USD',
          exterior: { w: 200, h: 200, d: 100 },
          material: 'Drummed calfskin',
          color_name: 'Black',
          sku: 'celine-nano-luggage-black',
        }),
      },
      {
        line: 3,
        draft: feedDraft(src, {
          brand: 'Everlane',
          model: 'The Micro Form Bag',
          price: 125,
          currency: 'USD',
          exterior: { w: 170.18, h: 109.22, d: 76.2 },
          material: 'Italian leather',
          color_name: 'Black',
          sku: 'everlane-micro-form-black',
        }),
      },
      {
        line: 4,
        draft: feedDraft(src, {
          brand: 'Chanel',
          model: 'Mini Classic Flap Bag',
          price: 5400,
          currency: 'USD',
          exterior: { w: 170, h: 135, d: 80 },
          material: 'Lambskin',
          color_name: 'Black',
          pattern: 'Quilted',
          sku: 'chanel-mini-flap-square-black',
          mpn: 'A35200',
        }),
      },
      {
        line: 5,
        draft: feedDraft(src, {
          brand: 'Zara',
          model: 'Mini bucket bag with rhinestones',
          price: 4990,
          currency: 'INR',
          exterior: { w: 160, h: 160, d: 80 },
          material: 'Rhinestone fabric',
          color_name: 'Pink',
          sku: 'zara-mini-bucket-rhinestones',
        }),
      },
    ]);
  });

  const product = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: 'Tiny',
    brand: 'Acme',
    gtin13: '4006381333931',
    width: { value: 5, unitCode: 'CMT' },
    height: { value: 4, unitCode: 'CMT' },
    depth: { value: 2, unitCode: 'CMT' },
  };

  it('reads a lone Product and an array of them', () => {
    const one = parsed(JSON.stringify(product));
    expect(one.drafts).toEqual([{ line: 1, draft: feedDraft('test-feed', { brand: 'Acme', model: 'Tiny', gtin: '4006381333931', exterior: { w: 50, h: 40, d: 20 } }) }]);
    const many = parsed(JSON.stringify([product, { ...product, '@type': ['Thing', 'https://schema.org/Product'], depth: { value: 2, unitCode: 'FOT' } }]));
    expect(many.drafts.map((d) => d.line)).toEqual([1]);
    expect(many.rejects).toEqual([{ line: 2, id: null, field: 'depth', reason: 'depth has the unitCode "FOT", not CMT, MMT or INH.' }]);
  });

  it('rejects a price without its currency, and a GTIN whose check digit is wrong', () => {
    const r = parsed(JSON.stringify([{ ...product, sku: 's1', offers: { price: 10 } }, { ...product, sku: 's2', gtin13: '4006381333932' }]));
    expect(r.rejects).toEqual([
      { line: 1, id: 's1', field: 'offers.priceCurrency', reason: 'offers.priceCurrency is missing; a price needs its currency.' },
      { line: 2, id: 's2', field: 'gtin13', reason: 'gtin13 is "4006381333932", whose check digit is wrong.' },
    ]);
  });
});

function rss(...items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
}

function item(id: string, body: string): string {
  return `<item><g:id>${id}</g:id>${body}<g:product_length>5 cm</g:product_length><g:product_width>2 cm</g:product_width><g:product_height>4 cm</g:product_height></item>`;
}
